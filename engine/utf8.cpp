#include "engine/utf8.hpp"

#include <cstdint>
#include <cstring>

#include <unicode/utf8.h>

#include <algorithm>
#include <cstdint>

namespace careermap {

Utf8Char decode_utf8(std::string_view s, size_t at) {
  // ICU counts in int32_t: look at no more than the four bytes a character can take.
  const auto* p = reinterpret_cast<const uint8_t*>(s.data() + at);
  const int32_t length = static_cast<int32_t>(std::min<size_t>(s.size() - at, 4));
  int32_t i = 0;
  UChar32 c = 0;
  U8_NEXT(p, i, length, c);
  return {c < 0 ? kInvalidChar : static_cast<char32_t>(c), static_cast<size_t>(i)};
}

bool valid_utf8(std::string_view s) { return first_invalid_utf8(s) == std::string_view::npos; }

size_t first_invalid_utf8(std::string_view s) {
  for (size_t i = 0; i < s.size();) {
    // A run of ASCII, eight bytes at a time (most of an answers file).
    while (i + 8 <= s.size()) {
      uint64_t word;
      std::memcpy(&word, s.data() + i, 8);
      if (word & 0x8080808080808080ull) break;
      i += 8;
    }
    if (i >= s.size()) break;
    if (static_cast<unsigned char>(s[i]) < 0x80) {
      ++i;
      continue;
    }
    const Utf8Char c = decode_utf8(s, i);
    if (c.code == kInvalidChar) return i;
    i += c.bytes;
  }
  return std::string_view::npos;
}

}  // namespace careermap
