#include "tools/record_stream.hpp"

#include <cstdio>
#include <map>

#include "engine/answers_blob.hpp"
#include "engine/messages.hpp"
#include "tools/read_answers.hpp"

namespace careermap::cli {
namespace {

[[noreturn]] void spool_failed() {
  throw Error(Location{"", 0, 0}, "", tr("cannot use a temporary file (is the temporary folder full?)"));
}

}  // namespace

RecordStream::RecordStream(const Questionnaire& q, const std::vector<std::string>& files, const Mapping* mapping,
                           std::string meeting, const Shard& shard, std::ostream& err,
                           const std::function<void(size_t, size_t)>& progress)
    : q_(q), meeting_(std::move(meeting)), spool_(std::tmpfile(), &std::fclose) {
  if (!spool_) spool_failed();
  std::map<std::string, std::string> seen;  // participant ids, checked unique over every file
  size_t done = 0;
  const auto tell = [&] {
    if (progress) progress(done, files.size());
  };
  // One file at a time, so that a CSV's rows come one by one too.
  for (const std::string& file : files) {
    const ReadResult r = read_answers(q, {file}, mapping, err, &seen, [&](AnswersRead& read) {
      const Answers& a = read.answers;
      if (!read.ok || a.participant.empty() || !in_shard(shard, a.participant)) return;
      const std::string record = a.file + '\0' + encode_answers(a);
      const long at = std::ftell(spool_.get());
      if (at < 0 || std::fwrite(record.data(), 1, record.size(), spool_.get()) != record.size()) spool_failed();
      const auto [it, fresh] = person_.try_emplace(a.participant, of_.size());
      if (fresh) of_.emplace_back();
      of_[it->second].push_back({at, record.size()});
      ++versions_;
    });
    invalid_.insert(invalid_.end(), r.invalid.begin(), r.invalid.end());
    if (++done % 1000 == 0) tell();
  }
  if (done % 1000) tell();
  person_.clear();
}

std::optional<Batch> RecordStream::next(size_t people) {
  if (at_ >= of_.size() && !first_) return std::nullopt;
  Batch versions;
  if (first_) versions.invalid = std::move(invalid_);
  first_ = false;
  std::string record;
  for (const size_t end = std::min(of_.size(), at_ + people); at_ < end; ++at_) {
    for (const Stored& s : of_[at_]) {
      record.resize(s.size);
      if (std::fseek(spool_.get(), s.offset, SEEK_SET) != 0 ||
          std::fread(record.data(), 1, s.size, spool_.get()) != s.size)
        spool_failed();
      const size_t nul = record.find('\0');
      std::optional<Answers> a = decode_answers(std::string_view(record).substr(nul + 1), record.substr(0, nul));
      if (!a) spool_failed();
      versions.valid.push_back(std::move(*a));
    }
    std::vector<Stored>().swap(of_[at_]);
  }
  if (std::fseek(spool_.get(), 0, SEEK_END) != 0) spool_failed();
  return records_batch(q_, std::move(versions), meeting_);
}

}  // namespace careermap::cli
