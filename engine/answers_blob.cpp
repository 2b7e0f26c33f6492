#include "engine/answers_blob.hpp"

#include <bit>
#include <cstdint>
#include <cstring>

#include "engine/questionnaire_json.hpp"
#include "engine/sha256.hpp"

namespace careermap {
namespace {

// The name of the rules in answers_blob_key; also the first form's magic.
constexpr std::string_view kMagic = "CMA1";
constexpr std::string_view kMagic2 = "CMA2";  // the form encode_answers writes
constexpr size_t kMaxCount = 1u << 24;  // no field of a validated answers file holds more

// An answer's first byte in CMA2: its type, whether it has a number and whether that is a
// whole number written as a varint (zigzag) rather than its 8 bytes.
constexpr unsigned kTypeBits = 0x0f, kHasNumber = 0x10, kWholeNumber = 0x20;

// A number that a zigzag varint gives back bit for bit (not -0, not beyond 2^53).
bool whole(double v) {
  if (!(v > -9007199254740992.0 && v < 9007199254740992.0)) return false;
  const auto i = static_cast<int64_t>(v);
  return std::bit_cast<uint64_t>(static_cast<double>(i)) == std::bit_cast<uint64_t>(v);
}

class Writer {
 public:
  void varint(uint64_t v) {
    for (; v >= 0x80; v >>= 7) out_ += static_cast<char>(0x80 | (v & 0x7f));
    out_ += static_cast<char>(v);
  }
  void u64(uint64_t v) {
    for (int k = 0; k < 8; ++k) out_ += static_cast<char>((v >> (8 * k)) & 0xff);
  }
  void str(std::string_view s) {
    varint(s.size());
    out_ += s;
  }
  void where(const Location& l) {
    varint(static_cast<uint32_t>(l.line));
    varint(static_cast<uint32_t>(l.column));
  }
  void number(const Answer& v) {
    const double n = v.number.value_or(0.0);
    const bool small = v.number && whole(n);
    out_ += static_cast<char>(static_cast<unsigned>(v.type) | (v.number ? kHasNumber : 0) | (small ? kWholeNumber : 0));
    if (small) {
      const auto i = static_cast<int64_t>(n);
      varint((static_cast<uint64_t>(i) << 1) ^ static_cast<uint64_t>(i >> 63));
    } else if (v.number) {
      u64(std::bit_cast<uint64_t>(n));
    }
  }
  std::string out_;
};

// Reads either form: CMA1's lengths and counts are 4 bytes each, CMA2's varints.
class Reader {
 public:
  Reader(std::string_view in, bool varints) : in_(in), varints_(varints) {}
  bool varints() const { return varints_; }
  bool byte(unsigned& v) {
    if (in_.empty()) return false;
    v = static_cast<unsigned char>(in_[0]);
    in_.remove_prefix(1);
    return true;
  }
  bool u32(uint32_t& v) {
    if (varints_) {
      uint64_t w = 0;
      if (!varint(w) || w > 0xffffffffu) return false;
      v = static_cast<uint32_t>(w);
      return true;
    }
    if (in_.size() < 4) return false;
    v = 0;
    for (int k = 0; k < 4; ++k) v |= static_cast<uint32_t>(static_cast<unsigned char>(in_[k])) << (8 * k);
    in_.remove_prefix(4);
    return true;
  }
  bool varint(uint64_t& v) {
    v = 0;
    for (int shift = 0; shift < 64; shift += 7) {
      unsigned b = 0;
      if (!byte(b)) return false;
      v |= static_cast<uint64_t>(b & 0x7f) << shift;
      // The shortest form only (what encode writes), and no bits beyond the 64th.
      if (!(b & 0x80)) return (b != 0 || shift == 0) && (shift < 63 || b <= 1);
    }
    return false;
  }
  bool u64(uint64_t& v) {
    if (in_.size() < 8) return false;
    v = 0;
    for (int k = 0; k < 8; ++k) v |= static_cast<uint64_t>(static_cast<unsigned char>(in_[k])) << (8 * k);
    in_.remove_prefix(8);
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
  bool varints_;
};

// An answer's type and number: CMA1's type, has-number and 8 bytes (always), CMA2's first
// byte and the number as it says.
bool read_type_and_number(Reader& r, Answer& a) {
  uint32_t type = 0;
  if (!r.varints()) {
    uint32_t has_number = 0;
    uint64_t bits = 0;
    if (!r.u32(type) || type > static_cast<uint32_t>(ItemType::episodes) || !r.u32(has_number) || has_number > 1 ||
        !r.u64(bits))
      return false;
    a.type = static_cast<ItemType>(type);
    if (has_number) a.number = std::bit_cast<double>(bits);
    return true;
  }
  unsigned head = 0;
  if (!r.byte(head) || (head & ~(kTypeBits | kHasNumber | kWholeNumber)) ||
      (head & kTypeBits) > static_cast<unsigned>(ItemType::episodes) || ((head & kWholeNumber) && !(head & kHasNumber)))
    return false;
  a.type = static_cast<ItemType>(head & kTypeBits);
  uint64_t bits = 0;
  if (head & kWholeNumber) {
    if (!r.varint(bits)) return false;
    const auto i = static_cast<int64_t>((bits >> 1) ^ (~(bits & 1) + 1));
    a.number = static_cast<double>(i);
    if (!whole(*a.number) || static_cast<int64_t>(*a.number) != i) return false;  // only what encode writes
  } else if (head & kHasNumber) {
    if (!r.u64(bits)) return false;
    a.number = std::bit_cast<double>(bits);
    if (whole(*a.number)) return false;  // encode writes it as a varint
  }
  return true;
}

bool read_answer(Reader& r, const std::string& file, Answer& a) {
  size_t n = 0;
  if (!read_type_and_number(r, a) || !r.str(a.text) || !r.where(a.where, file) || !r.count(n)) return false;
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
      if (!r.str(id) || !r.str(value) || (!e.fields.empty() && !(e.fields.rbegin()->first < id))) return false;
      e.fields.emplace_hint(e.fields.end(), std::move(id), std::move(value));
    }
  }
  return true;
}

}  // namespace

std::string encode_answers(const Answers& a) {
  Writer w;
  w.out_.reserve(64 + 32 * a.values.size());
  w.out_ = kMagic2;
  for (const std::string* s : {&a.questionnaire, &a.participant, &a.name, &a.cohort, &a.meeting}) w.str(*s);
  w.varint(a.values.size());
  for (const auto& [id, v] : a.values) {
    w.str(id);
    w.number(v);
    w.str(v.text);
    w.where(v.where);
    w.varint(v.choices.size());
    for (const auto& c : v.choices) w.str(c);
    w.varint(v.episodes.size());
    for (const auto& e : v.episodes) {
      w.where(e.where);
      w.varint(e.fields.size());
      for (const auto& [f, value] : e.fields) {
        w.str(f);
        w.str(value);
      }
    }
  }
  return std::move(w.out_);
}

std::optional<Answers> decode_answers(std::string_view blob, const std::string& file) {
  const std::string_view magic = blob.substr(0, kMagic.size());
  if (magic != kMagic && magic != kMagic2) return std::nullopt;
  Reader r(blob.substr(kMagic.size()), magic == kMagic2);
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
    if (!a.values.empty() && !(a.values.rbegin()->first < id)) return std::nullopt;  // in order, each once
    a.values.emplace_hint(a.values.end(), std::move(id), std::move(v));
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
