// The table directory of a TrueType (sfnt) font: the tables read out of a font's bytes, and a
// font's bytes written from tables (directory sorted by tag, each table padded to 4 bytes, its
// checksum, and the head table's checksum adjustment computed), with the big-endian numbers
// both need. Reading throws careermap::Error at `name` when the directory or a table lies
// outside the bytes.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace careermap::sfnt {

struct Table {
  uint32_t tag;
  std::string data;
};

constexpr uint32_t tag(const char (&s)[5]) {
  return (uint32_t{static_cast<uint8_t>(s[0])} << 24) | (uint32_t{static_cast<uint8_t>(s[1])} << 16) |
         (uint32_t{static_cast<uint8_t>(s[2])} << 8) | uint32_t{static_cast<uint8_t>(s[3])};
}

inline uint16_t u16(std::string_view s, size_t at) {
  return static_cast<uint16_t>((static_cast<uint8_t>(s[at]) << 8) | static_cast<uint8_t>(s[at + 1]));
}
inline int16_t i16(std::string_view s, size_t at) { return static_cast<int16_t>(u16(s, at)); }
inline uint32_t u32(std::string_view s, size_t at) { return (uint32_t{u16(s, at)} << 16) | u16(s, at + 2); }
inline void put16(std::string& s, uint32_t v) {
  s.push_back(static_cast<char>((v >> 8) & 0xFF));
  s.push_back(static_cast<char>(v & 0xFF));
}
inline void put32(std::string& s, uint32_t v) {
  put16(s, v >> 16);
  put16(s, v & 0xFFFF);
}
// Overwrites the 16 bits at `at`.
inline void set16(std::string& s, size_t at, uint32_t v) {
  s[at] = static_cast<char>((v >> 8) & 0xFF);
  s[at + 1] = static_cast<char>(v & 0xFF);
}

// The font's sfnt version (0x00010000 for TrueType outlines) and its tables, in directory order.
uint32_t version(std::string_view font, const std::string& name);
std::vector<Table> tables(std::string_view font, const std::string& name);

// A font of `tables` (any order) with sfnt version `version`.
std::string font(uint32_t version, std::vector<Table> tables);

}  // namespace careermap::sfnt
