// Fuzzes the line breaker: every character comes out once, in order, and a line is never
// wider than the width unless it is a single character.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>

#include "engine/csv_read.hpp"
#include "reports/line_break.hpp"
#include "engine/utf8.hpp"

namespace {

// The text without the spaces a line break may drop (ASCII white space and U+3000).
std::string visible(std::string_view s) {
  std::string out;
  careermap::for_each_char(s, [&](char32_t c, std::string_view bytes) {
    if (c != ' ' && c != '\t' && c != '\r' && c != '\n' && c != U'\u3000') out += bytes;
  });
  return out;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace careermap;
  if (size < 1) return 0;
  const double width = 1 + data[0] % 40;
  const std::string text(reinterpret_cast<const char*>(data + 1), size - 1);
  // The breaker is given UTF-8 only (intake refuses anything else); broken bytes could
  // join into other characters once a dropped '\r' sits no longer between them.
  if (!careermap::valid_utf8(text)) return 0;
  auto measure = [](std::string_view s) {
    double w = 0;
    for_each_char(s, [&](char32_t c, std::string_view) { w += c < 0x80 ? 0.5 : 1.0; });
    return w;
  };
  const auto lines = break_lines(text, width, measure);
  std::string joined, expected;
  for (const auto& l : lines) {
    int chars = 0;
    for_each_char(l, [&](char32_t, std::string_view) { ++chars; });
    if (chars > 1 && measure(l) > width + 1e-9) {
      // Allowed only when no break was possible: a single unbreakable unit is split by
      // characters, so this would be a bug.
      std::abort();
    }
    joined += visible(l);
  }
  expected = visible(text);
  if (joined != expected) std::abort();
  return 0;
}
