#include "engine/answers_blob.hpp"

#include <bit>
#include <cstdint>
#include <cstring>

#include "engine/questionnaire_json.hpp"
#include "engine/sha256.hpp"

namespace careermap {
namespace {

constexpr std::string_view kMagic = "CMA1";
constexpr size_t kMaxCount = 1u << 24;  // no field of a validated answers file holds more

class Writer {
 public:
  void u32(uint32_t v) {
    const char b[4] = {static_cast<char>(v & 0xff), static_cast<char>((v >> 8) & 0xff),
                       static_cast<char>((v >> 16) & 0xff), static_cast<char>((v >> 24) & 0xff)};
    out_.append(b, 4);
  }
  void u64(uint64_t v) {
    u32(static_cast<uint32_t>(v));
    u32(static_cast<uint32_t>(v >> 32));
  }
  void str(std::string_view s) {
    u32(static_cast<uint32_t>(s.size()));
    out_ += s;
  }
  void where(const Location& l) {
    u32(static_cast<uint32_t>(l.line));
    u32(static_cast<uint32_t>(l.column));
  }
  std::string out_;
};

class Reader {
 public:
  explicit Reader(std::string_view in) : in_(in) {}
  bool u32(uint32_t& v) {
    if (in_.size() < 4) return false;
    v = 0;
    for (int k = 0; k < 4; ++k) v |= static_cast<uint32_t>(static_cast<unsigned char>(in_[k])) << (8 * k);
    in_.remove_prefix(4);
    return true;
  }
  bool u64(uint64_t& v) {
    uint32_t lo = 0, hi = 0;
    if (!u32(lo) || !u32(hi)) return false;
    v = lo | static_cast<uint64_t>(hi) << 32;
    return true;
  }
  bool count(size_t& n) {
    uint32_t v = 0;
    if (!u32(v) || v > kMaxCount) return false;
    n = v;
    return true;
  }
  bool str(std::string& s) {
    uint32_t n = 0;
    if (!u32(n) || n > in_.size()) return false;
    s.assign(in_.data(), n);
    in_.remove_prefix(n);
    return true;
  }
  bool where(Location& l, const std::string& file) {
    uint32_t line = 0, column = 0;
    if (!u32(line) || !u32(column)) return false;
    l = {file, static_cast<int>(line), static_cast<int>(column)};
    return true;
  }
  bool done() const { return in_.empty(); }

 private:
  std::string_view in_;
};

bool read_answer(Reader& r, const std::string& file, Answer& a) {
  uint32_t type = 0, has_number = 0;
  uint64_t bits = 0;
  size_t n = 0;
  if (!r.u32(type) || type > static_cast<uint32_t>(ItemType::episodes) || !r.u32(has_number) || has_number > 1 ||
      !r.u64(bits) || !r.str(a.text) || !r.where(a.where, file) || !r.count(n))
    return false;
  a.type = static_cast<ItemType>(type);
  if (has_number) a.number = std::bit_cast<double>(bits);
  a.choices.resize(n);
  for (auto& c : a.choices)
    if (!r.str(c)) return false;
  if (!r.count(n)) return false;
  a.episodes.resize(n);
  for (auto& e : a.episodes) {
    size_t fields = 0;
    if (!r.where(e.where, file) || !r.count(fields)) return false;
    for (size_t k = 0; k < fields; ++k) {
      std::string id, value;
      if (!r.str(id) || !r.str(value) || !e.fields.emplace(std::move(id), std::move(value)).second) return false;
    }
  }
  return true;
}

}  // namespace

std::string encode_answers(const Answers& a) {
  Writer w;
  w.out_.reserve(64 + 64 * a.values.size());
  w.out_ = kMagic;
  for (const std::string* s : {&a.questionnaire, &a.participant, &a.name, &a.cohort, &a.meeting}) w.str(*s);
  w.u32(static_cast<uint32_t>(a.values.size()));
  for (const auto& [id, v] : a.values) {
    w.str(id);
    w.u32(static_cast<uint32_t>(v.type));
    w.u32(v.number.has_value());
    w.u64(std::bit_cast<uint64_t>(v.number.value_or(0.0)));
    w.str(v.text);
    w.where(v.where);
    w.u32(static_cast<uint32_t>(v.choices.size()));
    for (const auto& c : v.choices) w.str(c);
    w.u32(static_cast<uint32_t>(v.episodes.size()));
    for (const auto& e : v.episodes) {
      w.where(e.where);
      w.u32(static_cast<uint32_t>(e.fields.size()));
      for (const auto& [f, value] : e.fields) {
        w.str(f);
        w.str(value);
      }
    }
  }
  return std::move(w.out_);
}

std::optional<Answers> decode_answers(std::string_view blob, const std::string& file) {
  if (blob.substr(0, kMagic.size()) != kMagic) return std::nullopt;
  Reader r(blob.substr(kMagic.size()));
  Answers a;
  a.file = file;
  size_t n = 0;
  for (std::string* s : {&a.questionnaire, &a.participant, &a.name, &a.cohort, &a.meeting})
    if (!r.str(*s)) return std::nullopt;
  if (!r.count(n)) return std::nullopt;
  for (size_t k = 0; k < n; ++k) {
    std::string id;
    Answer v;
    if (!r.str(id) || !read_answer(r, file, v)) return std::nullopt;
    if (!a.values.emplace(std::move(id), std::move(v)).second) return std::nullopt;
  }
  if (!r.done()) return std::nullopt;
  return a;
}

Answers stored_answers(const Questionnaire& q, std::string_view raw, std::string_view blob, bool current,
                       const std::string& file, Diagnostics& diags) {
  if (current)
    if (std::optional<Answers> a = decode_answers(blob, file)) return std::move(*a);
  return parse_answers(q, raw, file, diags);
}

std::string answers_blob_key(const Questionnaire& q) {
  std::string rules = std::string(kMagic) + "\n" + q.id + "\n" + q.version + "\n" +
                      (q.meetings_declared ? "meetings" : "default meetings");
  for (const auto& m : q.meetings) rules += " " + m.id;
  return sha256_hex(rules + "\n" + questionnaire_json(q));
}

}  // namespace careermap
