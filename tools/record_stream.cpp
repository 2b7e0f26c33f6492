#include "tools/record_stream.hpp"

#include <algorithm>
#include <cstdio>

#include "engine/answers_blob.hpp"
#include "engine/answer_messages.hpp"
#include "engine/messages.hpp"
#include "engine/records.hpp"

namespace careermap::cli {
namespace {

// A person's entries are read back to check a new one up to this many; past it their keys are
// kept in memory (a person with that many files is rare: one per meeting and part).
constexpr size_t kReadBack = 16;

[[noreturn]] void spool_failed() {
  throw Error(Location{"", 0, 0}, "", tr("cannot use a temporary file (is the temporary folder full?)"));
}

void put_u32(std::string& out, uint32_t v) { out.append(reinterpret_cast<const char*>(&v), sizeof v); }
void put_text(std::string& out, std::string_view s) {
  put_u32(out, static_cast<uint32_t>(s.size()));
  out += s;
}

// Reads what put_* wrote, in order; false once anything is missing.
struct Reader {
  std::string_view in;
  bool ok = true;
  uint32_t u32() {
    uint32_t v = 0;
    if (in.size() < sizeof v) return ok = false, 0;
    std::copy_n(in.data(), sizeof v, reinterpret_cast<char*>(&v));
    in.remove_prefix(sizeof v);
    return v;
  }
  std::string text() {
    const uint32_t n = u32();
    if (!ok || in.size() < n) return ok = false, std::string();
    std::string s(in.substr(0, n));
    in.remove_prefix(n);
    return s;
  }
};

// An entry's head: the one before, then the sizes of what follows.
struct Head {
  uint64_t before;
  uint32_t meta, answers;
};

// A person's Person in people_: `last`'s 8 bytes, then 1 when kept.
constexpr size_t kPersonBytes = sizeof(uint64_t) + 1;

}  // namespace

RecordStream::RecordStream(const Questionnaire& q, const FileList& files, const Mapping* mapping,
                           std::string meeting, const Shard& shard, std::ostream& err,
                           const std::function<void(size_t, size_t)>& progress, unsigned jobs)
    : q_(q), meeting_(std::move(meeting)), spool_(std::tmpfile(), &std::fclose), order_(std::tmpfile(), &std::fclose) {
  if (!spool_ || !order_) spool_failed();
  const ReadResult r = read_answers(
      q, files, mapping, err, nullptr, [&](AnswersRead& read) { keep(read, shard); }, jobs,
      [&](size_t done) {
        if (progress && (done % 1000 == 0 || done == files.size())) progress(done, files.size());
      },
      this);
  invalid_ = r.invalid;
  many_.clear();
}

RecordStream::Entry RecordStream::load(uint64_t at, bool with_answers) {
  Head h{};
  if (std::fseek(spool_.get(), static_cast<long>(at), SEEK_SET) != 0 || std::fread(&h, sizeof h, 1, spool_.get()) != 1)
    spool_failed();
  std::string bytes(h.meta + (with_answers ? h.answers : 0), '\0');
  if (std::fread(bytes.data(), 1, bytes.size(), spool_.get()) != bytes.size()) spool_failed();
  Reader in{std::string_view(bytes).substr(0, h.meta)};
  Entry e;
  e.before = h.before;
  e.meeting = in.text();
  for (uint32_t n = in.u32(); in.ok && n > 0; --n) e.parts.push_back(in.text());
  e.file = in.text();
  if (!in.ok) spool_failed();
  if (with_answers) e.answers = bytes.substr(h.meta);
  return e;
}

std::vector<RecordStream::Entry> RecordStream::entries_of(uint64_t last, bool with_answers) {
  std::vector<Entry> out;
  for (uint64_t e = last; e != 0; e = out.back().before) out.push_back(load(e - 1, with_answers));
  std::reverse(out.begin(), out.end());
  return out;
}

// check_unique_participants's rule, with the person's earlier entries as `seen`: for each part
// (or "" when none), the first entry of the same meeting given that part is the file named.
void RecordStream::check(const Questionnaire& q, const Answers& a, Diagnostics& d) {
  std::vector<std::string> parts = part_ids_present(q, a);
  if (parts.empty()) parts.push_back("");
  person_ = person(a.participant);
  given_.clear();
  auto many = many_.find(a.participant);
  std::vector<Entry> before;
  if (many == many_.end()) {
    before = entries_of(person_.last, false);
    if (before.size() >= kReadBack) {
      many = many_.emplace(a.participant, std::map<std::string, std::string>()).first;
      for (const Entry& e : before)
        for (const std::string& part : e.parts) many->second.emplace(e.meeting + '\n' + part, e.file);
    }
  }
  for (const std::string& part : parts) {
    const std::string* first = nullptr;
    if (many != many_.end()) {
      const auto [it, added] = many->second.emplace(a.meeting + '\n' + part, a.file);
      if (!added) first = &it->second;
    } else {
      for (const Entry& e : before)
        if (e.meeting == a.meeting && std::find(e.parts.begin(), e.parts.end(), part) != e.parts.end()) {
          first = &e.file;
          break;
        }
    }
    if (first) {
      d.error({a.file, 0, 0}, "participant",
              answer_message(AnswerMsg::participant_duplicate, {{"id", a.participant}, {"file", *first}}));
      break;
    }
    given_.push_back(part);
  }
}

void RecordStream::keep(const AnswersRead& read, const Shard& shard) {
  const Answers& a = read.answers;
  if (a.participant.empty() || given_.empty()) return;  // no id, or one given before for all it is
  const bool kept = read.ok && in_shard(shard, a.participant);
  std::string meta, answers = kept ? encode_answers(a) : std::string();
  put_text(meta, a.meeting);
  put_u32(meta, static_cast<uint32_t>(given_.size()));
  for (const std::string& part : given_) put_text(meta, part);
  put_text(meta, a.file);
  given_.clear();
  const Head h{person_.last, static_cast<uint32_t>(meta.size()), static_cast<uint32_t>(answers.size())};
  if (std::fseek(spool_.get(), 0, SEEK_END) != 0) spool_failed();
  const long at = std::ftell(spool_.get());
  if (at < 0 || std::fwrite(&h, sizeof h, 1, spool_.get()) != 1 ||
      std::fwrite(meta.data(), 1, meta.size(), spool_.get()) != meta.size() ||
      std::fwrite(answers.data(), 1, answers.size(), spool_.get()) != answers.size())
    spool_failed();
  person_.last = static_cast<uint64_t>(at) + 1;
  if (kept && !person_.kept) {
    std::string id;
    put_text(id, a.participant);
    if (std::fwrite(id.data(), 1, id.size(), order_.get()) != id.size()) spool_failed();
    ++kept_people_;
  }
  if (kept) person_.kept = true, ++versions_;
  std::string packed(kPersonBytes, '\0');
  std::copy_n(reinterpret_cast<const char*>(&person_.last), sizeof person_.last, packed.data());
  packed.back() = person_.kept ? 1 : 0;
  people_.put(a.participant, packed);
}

RecordStream::Person RecordStream::person(const std::string& id) {
  const std::optional<std::string> packed = people_.find(id);
  Person p;
  if (!packed) return p;
  if (packed->size() != kPersonBytes) spool_failed();
  std::copy_n(packed->data(), sizeof p.last, reinterpret_cast<char*>(&p.last));
  p.kept = packed->back() == 1;
  return p;
}

std::string RecordStream::next_kept() {
  uint32_t n = 0;
  if (std::fread(&n, sizeof n, 1, order_.get()) != 1) spool_failed();
  std::string id(n, '\0');
  if (std::fread(id.data(), 1, n, order_.get()) != n) spool_failed();
  return id;
}

std::optional<Batch> RecordStream::next(size_t people) {
  if (at_ >= kept_people_ && !first_) return std::nullopt;
  Batch versions;
  if (first_) {
    versions.invalid = std::move(invalid_);
    if (std::fseek(order_.get(), 0, SEEK_SET) != 0) spool_failed();
  }
  first_ = false;
  for (const size_t end = std::min(kept_people_, at_ + people); at_ < end; ++at_) {
    for (const Entry& entry : entries_of(person(next_kept()).last, true)) {
      if (entry.answers.empty()) continue;
      std::optional<Answers> a = decode_answers(entry.answers, entry.file);
      if (!a) spool_failed();
      versions.valid.push_back(std::move(*a));
    }
  }
  return records_batch(q_, std::move(versions), meeting_);
}

}  // namespace careermap::cli
