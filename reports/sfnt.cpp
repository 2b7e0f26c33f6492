#include "reports/sfnt.hpp"

#include <algorithm>

#include "engine/diagnostic.hpp"
#include "engine/messages.hpp"

namespace careermap::sfnt {
namespace {

[[noreturn]] void malformed(const std::string& name) {
  throw Error(Location{name, 0, 0}, "", tr("not a TrueType font"));
}

uint32_t checksum(std::string_view s) {
  uint32_t sum = 0;
  size_t i = 0;
  for (; i + 4 <= s.size(); i += 4) sum += u32(s, i);
  uint32_t word = 0;  // the last bytes, padded with zeros
  for (size_t k = 0; i + k < s.size(); ++k) word |= uint32_t{static_cast<uint8_t>(s[i + k])} << (24 - 8 * k);
  return sum + word;
}

}  // namespace

uint32_t version(std::string_view font, const std::string& name) {
  if (font.size() < 12) malformed(name);
  return u32(font, 0);
}

std::vector<Table> tables(std::string_view font, const std::string& name) {
  if (font.size() < 12) malformed(name);
  const uint16_t count = u16(font, 4);
  if (font.size() < 12 + 16 * size_t{count}) malformed(name);
  std::vector<Table> out;
  for (uint16_t i = 0; i < count; ++i) {
    const size_t rec = 12 + 16 * size_t{i};
    const size_t at = u32(font, rec + 8), len = u32(font, rec + 12);
    if (at > font.size() || len > font.size() - at) malformed(name);
    out.push_back({u32(font, rec), std::string(font.substr(at, len))});
  }
  return out;
}

std::string font(uint32_t version, std::vector<Table> tables) {
  std::sort(tables.begin(), tables.end(), [](const Table& a, const Table& b) { return a.tag < b.tag; });
  const auto n = static_cast<uint16_t>(tables.size());
  uint16_t pow2 = 1, log2 = 0;
  while (pow2 * 2 <= n) {
    pow2 *= 2;
    ++log2;
  }
  std::string out;
  put32(out, version);
  put16(out, n);
  put16(out, pow2 * 16u);
  put16(out, log2);
  put16(out, n * 16u - pow2 * 16u);
  const size_t offset = 12 + 16 * size_t{n};
  std::string body;
  size_t head_at = 0;
  for (Table& t : tables) {
    if (t.tag == tag("head") && t.data.size() >= 12) {
      for (size_t k = 8; k < 12; ++k) t.data[k] = '\0';  // checksum adjustment: computed below
      head_at = offset + body.size();
    }
    put32(out, t.tag);
    put32(out, checksum(t.data));
    put32(out, static_cast<uint32_t>(offset + body.size()));
    put32(out, static_cast<uint32_t>(t.data.size()));
    body += t.data;
    while (body.size() % 4) body.push_back('\0');
  }
  out += body;
  if (head_at) {
    const uint32_t adjust = 0xB1B0AFBAu - checksum(out);
    for (int k = 0; k < 4; ++k) out[head_at + 8 + k] = static_cast<char>((adjust >> (24 - 8 * k)) & 0xFF);
  }
  return out;
}

}  // namespace careermap::sfnt
