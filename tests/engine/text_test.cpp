#include "engine/text.hpp"

#include <boost/test/unit_test.hpp>
#include <random>
#include <string>
#include <vector>

using namespace careermap;

namespace {

std::string utf8(char32_t c) {
  std::string s;
  if (c < 0x80) s += static_cast<char>(c);
  else if (c < 0x800) s += {static_cast<char>(0xC0 | c >> 6), static_cast<char>(0x80 | (c & 0x3F))};
  else if (c < 0x10000)
    s += {static_cast<char>(0xE0 | c >> 12), static_cast<char>(0x80 | (c >> 6 & 0x3F)), static_cast<char>(0x80 | (c & 0x3F))};
  else
    s += {static_cast<char>(0xF0 | c >> 18), static_cast<char>(0x80 | (c >> 12 & 0x3F)),
          static_cast<char>(0x80 | (c >> 6 & 0x3F)), static_cast<char>(0x80 | (c & 0x3F))};
  return s;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(text)

BOOST_AUTO_TEST_CASE(half_width_maps_the_full_width_ascii_forms_and_the_ideographic_space) {
  BOOST_TEST(*half_width("ｐ０３") == "p03");
  BOOST_TEST(*half_width("p　03") == "p 03");
  BOOST_TEST(!half_width("p03").has_value());
  BOOST_TEST(!half_width("ｱイ①").has_value());  // half-width katakana, katakana, circled digits stay
  // Random strings of characters near the edges of the range, against the rule stated per
  // character: U+FF01..U+FF5E is U+0021..U+007E, U+3000 is a space, anything else stays.
  const std::vector<char32_t> pool = {0x21,   0x7E,   0x41,   0xFF00, 0xFF01, 0xFF10, 0xFF5E, 0xFF5F, 0xFF61,
                                      0x3000, 0x3001, 0x2FFF, 0x30A2, 0xFFE5, 0x1F600, 0xE9,  0x7F,   0x20};
  std::mt19937 rng(5);
  for (int n = 0; n < 20000; ++n) {
    std::string in, want;
    bool changed = false;
    for (int k = static_cast<int>(rng() % 8); k > 0; --k) {
      const char32_t c = pool[rng() % pool.size()];
      in += utf8(c);
      if (c >= 0xFF01 && c <= 0xFF5E) want += static_cast<char>(c - 0xFF01 + 0x21), changed = true;
      else if (c == 0x3000) want += ' ', changed = true;
      else want += utf8(c);
    }
    const auto got = half_width(in);
    BOOST_TEST(got.has_value() == changed);
    if (got) BOOST_TEST(*got == want);
  }
}

BOOST_AUTO_TEST_CASE(bracketed_uses_the_languages_own_brackets) {
  BOOST_TEST(bracketed("全員に", Lang::ja) == "（全員に）");
  BOOST_TEST(bracketed("asked of everyone", Lang::en) == "(asked of everyone)");
}

BOOST_AUTO_TEST_SUITE_END()
