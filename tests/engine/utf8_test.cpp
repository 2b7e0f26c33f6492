#include "engine/utf8.hpp"

#include <boost/test/unit_test.hpp>
#include <optional>
#include <random>
#include <string>
#include <utility>
#include <vector>

using namespace careermap;

namespace {

// The well-formed byte sequences of Unicode's Table 3-7, row by row: an independent
// statement of the rule the decoder follows (first byte range, then each trail byte's).
struct Row {
  unsigned char lo, hi;
  std::vector<std::pair<unsigned char, unsigned char>> trail;
};
const std::vector<Row> kTable37 = {
    {0x00, 0x7F, {}},
    {0xC2, 0xDF, {{0x80, 0xBF}}},
    {0xE0, 0xE0, {{0xA0, 0xBF}, {0x80, 0xBF}}},
    {0xE1, 0xEC, {{0x80, 0xBF}, {0x80, 0xBF}}},
    {0xED, 0xED, {{0x80, 0x9F}, {0x80, 0xBF}}},
    {0xEE, 0xEF, {{0x80, 0xBF}, {0x80, 0xBF}}},
    {0xF0, 0xF0, {{0x90, 0xBF}, {0x80, 0xBF}, {0x80, 0xBF}}},
    {0xF1, 0xF3, {{0x80, 0xBF}, {0x80, 0xBF}, {0x80, 0xBF}}},
    {0xF4, 0xF4, {{0x80, 0x8F}, {0x80, 0xBF}, {0x80, 0xBF}}},
};

// The code point and length of the well-formed sequence at s[i], if one starts there.
std::optional<std::pair<char32_t, size_t>> reference(const std::string& s, size_t i) {
  const auto byte = [&](size_t k) { return static_cast<unsigned char>(s[i + k]); };
  for (const Row& r : kTable37) {
    if (byte(0) < r.lo || byte(0) > r.hi) continue;
    if (i + 1 + r.trail.size() > s.size()) return std::nullopt;
    const size_t n = r.trail.size();
    char32_t cp = n == 0 ? byte(0) : byte(0) & (0x3F >> n);
    for (size_t k = 0; k < n; ++k) {
      if (byte(k + 1) < r.trail[k].first || byte(k + 1) > r.trail[k].second) return std::nullopt;
      cp = (cp << 6) | (byte(k + 1) & 0x3F);
    }
    return std::pair{cp, n + 1};
  }
  return std::nullopt;
}

// Random text near the edges of the table: valid characters of every length, lone and cut
// trail bytes, overlong forms, surrogates, code points past U+10FFFF.
std::string random_bytes(std::mt19937_64& rng) {
  static const unsigned char edges[] = {0x00, 0x41, 0x7F, 0x80, 0x8F, 0x90, 0x9F, 0xA0, 0xBF, 0xC0, 0xC1, 0xC2,
                                        0xDF, 0xE0, 0xE1, 0xEC, 0xED, 0xEE, 0xEF, 0xF0, 0xF3, 0xF4, 0xF5, 0xFF};
  std::string s;
  const size_t n = rng() % 12;
  for (size_t k = 0; k < n; ++k)
    s.push_back(static_cast<char>(rng() % 3 ? edges[rng() % std::size(edges)] : rng() % 256));
  return s;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(utf8)

BOOST_AUTO_TEST_CASE(ill_formed_sequences_are_refused_everywhere_alike) {
  BOOST_TEST(valid_utf8("改善 ok"));
  BOOST_TEST(!valid_utf8("\xC0\xAF"));            // overlong '/'
  BOOST_TEST(!valid_utf8("\xE0\x80\xAF"));        // overlong, three bytes
  BOOST_TEST(!valid_utf8("\xED\xA0\x80"));        // a surrogate
  BOOST_TEST(!valid_utf8("\xF4\x90\x80\x80"));    // past U+10FFFF
  BOOST_TEST(!valid_utf8("\xE6\x94"));            // cut
  BOOST_TEST(first_invalid_utf8("ab\xE6\x94\xB9\xC0") == 5u);
  BOOST_TEST(first_invalid_utf8("改善") == std::string_view::npos);
  // The layout's walk gives the same verdict: an overlong form is not a character.
  std::vector<char32_t> seen;
  for_each_char("a\xC0\xAF" "b", [&](char32_t c, std::string_view) { seen.push_back(c); });
  BOOST_TEST((seen.front() == U'a'));
  BOOST_TEST((seen.back() == U'b'));
  for (size_t k = 1; k + 1 < seen.size(); ++k) BOOST_TEST((seen[k] == kInvalidChar));
}

BOOST_AUTO_TEST_CASE(random_bytes_decode_as_table_3_7_says) {
  std::mt19937_64 rng(37);
  for (int n = 0; n < 200000; ++n) {
    const std::string s = random_bytes(rng);
    size_t expected_bad = std::string::npos;
    for (size_t i = 0; i < s.size();) {
      const auto want = reference(s, i);
      const Utf8Char got = decode_utf8(s, i);
      if (want) {
        BOOST_REQUIRE(got.code == want->first);
        BOOST_REQUIRE(got.bytes == want->second);
        i += got.bytes;
      } else {
        BOOST_REQUIRE(got.code == kInvalidChar);
        BOOST_REQUIRE(got.bytes >= 1u);
        if (expected_bad == std::string::npos) expected_bad = i;
        i += got.bytes;
      }
    }
    BOOST_REQUIRE(first_invalid_utf8(s) == expected_bad);
    BOOST_REQUIRE(valid_utf8(s) == (expected_bad == std::string::npos));
    // The walk covers every byte once, in order.
    std::string again;
    for_each_char(s, [&](char32_t, std::string_view bytes) { again += bytes; });
    BOOST_REQUIRE(again == s);
  }
}

BOOST_AUTO_TEST_SUITE_END()
