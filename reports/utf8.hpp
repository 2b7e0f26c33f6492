// UTF-8 decoding helpers for text layout.
#pragma once

#include <string_view>

namespace careermap {

inline constexpr char32_t kInvalidChar = 0xFFFFFFFF;

// Calls f(code_point, bytes) for each character of `s`; an invalid byte is passed as
// kInvalidChar with that one byte.
template <typename F>
void for_each_char(std::string_view s, F&& f) {
  size_t i = 0;
  while (i < s.size()) {
    const unsigned char c = static_cast<unsigned char>(s[i]);
    size_t len = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : (c >> 3) == 30 ? 4 : 0;
    char32_t cp = kInvalidChar;
    if (len && i + len <= s.size()) {
      cp = len == 1 ? c : len == 2 ? (c & 0x1F) : len == 3 ? (c & 0x0F) : (c & 0x07);
      for (size_t k = 1; k < len; ++k) {
        const unsigned char cc = static_cast<unsigned char>(s[i + k]);
        if ((cc >> 6) != 2) {
          cp = kInvalidChar;
          break;
        }
        cp = (cp << 6) | (cc & 0x3F);
      }
    }
    if (cp == kInvalidChar) len = 1;
    f(cp, s.substr(i, len));
    i += len;
  }
}

}  // namespace careermap
