// UTF-8, decoded one way everywhere: ICU's well-formedness rules (Unicode Table 3-7), so
// overlong forms, surrogates (U+D800..U+DFFF) and anything past U+10FFFF are ill-formed for
// the CSV reader, the answers checks, the archive's names and the line breaker alike.
// Plain functions on bytes; they never throw.
#pragma once

#include <cstddef>
#include <string_view>

namespace careermap {

inline constexpr char32_t kInvalidChar = 0xFFFFFFFF;

struct Utf8Char {
  char32_t code = kInvalidChar;  // kInvalidChar when the bytes at the offset are ill-formed
  size_t bytes = 1;              // how far the next character starts (an ill-formed part: its bytes, at least 1)
};

// The character at s[at] (at < s.size()).
Utf8Char decode_utf8(std::string_view s, size_t at);

// Whether all of `s` is well-formed UTF-8.
bool valid_utf8(std::string_view s);

// The offset of the first byte that starts no well-formed character, npos when none.
size_t first_invalid_utf8(std::string_view s);

// Calls f(code, bytes) for each character of `s`, in order; an ill-formed part is passed as
// kInvalidChar with its bytes.
template <typename F>
void for_each_char(std::string_view s, F&& f) {
  for (size_t i = 0; i < s.size();) {
    const Utf8Char c = decode_utf8(s, i);
    f(c.code, s.substr(i, c.bytes));
    i += c.bytes;
  }
}

}  // namespace careermap
