// The table directory (reports/sfnt.hpp): a font written from tables reads back as those
// tables, its directory sorted with the binary-search fields the format asks for, every
// table's checksum and the whole font's (0xB1B0AFBA, through head's adjustment) right,
// computed here word by word.
#include <boost/test/unit_test.hpp>
#include <random>

#include "engine/diagnostic.hpp"
#include "reports/sfnt.hpp"

using namespace careermap;

namespace {

uint32_t sum_words(std::string_view s) {
  uint32_t sum = 0;
  std::string padded(s);
  while (padded.size() % 4) padded.push_back('\0');
  for (size_t i = 0; i < padded.size(); i += 4) sum += sfnt::u32(padded, i);
  return sum;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(sfnt_directory)

BOOST_AUTO_TEST_CASE(random_tables_read_back_with_right_checksums) {
  std::mt19937_64 rng(12);
  const char* names[] = {"head", "glyf", "loca", "cmap", "OS/2", "name", "post", "hmtx", "maxp", "hhea", "zzzz"};
  for (int round = 0; round < 50; ++round) {
    std::vector<sfnt::Table> tables;
    for (const char* n : names) {
      if (rng() % 3 == 0 && std::string_view(n) != "head") continue;
      std::string data(std::string_view(n) == "head" ? 54 : rng() % 40, '\0');
      for (char& c : data) c = static_cast<char>(rng());
      tables.push_back({sfnt::tag(*reinterpret_cast<const char(*)[5]>(n)), data});
    }
    std::shuffle(tables.begin(), tables.end(), rng);
    const std::string font = sfnt::font(0x00010000, tables);
    BOOST_TEST(sfnt::version(font, "t") == 0x00010000u);
    const std::vector<sfnt::Table> back = sfnt::tables(font, "t");
    BOOST_REQUIRE(back.size() == tables.size());
    const uint16_t n = sfnt::u16(font, 4);
    uint16_t pow2 = 1, log2 = 0;
    while (pow2 * 2 <= n) pow2 *= 2, ++log2;
    BOOST_TEST(sfnt::u16(font, 6) == 16 * pow2);
    BOOST_TEST(sfnt::u16(font, 8) == log2);
    BOOST_TEST(sfnt::u16(font, 10) == 16 * n - 16 * pow2);
    for (size_t i = 0; i < back.size(); ++i) {
      if (i) BOOST_TEST(back[i - 1].tag < back[i].tag);
      const auto it = std::find_if(tables.begin(), tables.end(), [&](const sfnt::Table& t) { return t.tag == back[i].tag; });
      BOOST_REQUIRE(it != tables.end());
      std::string expected = it->data;
      if (it->tag == sfnt::tag("head")) {
        BOOST_TEST(back[i].data.substr(12) == expected.substr(12));
        expected.replace(8, 4, 4, '\0');  // its checksum is of the table with a zero adjustment
        BOOST_TEST(sfnt::u32(font, 12 + 16 * i + 4) == sum_words(expected));
      } else {
        BOOST_TEST(back[i].data == expected);
        BOOST_TEST(sfnt::u32(font, 12 + 16 * i + 4) == sum_words(expected));
      }
      BOOST_TEST(sfnt::u32(font, 12 + 16 * i + 8) % 4 == 0u);
    }
    BOOST_TEST(sum_words(font) == 0xB1B0AFBAu);
  }
}

BOOST_AUTO_TEST_CASE(a_table_past_the_end_is_not_a_font) {
  std::string font = sfnt::font(0x00010000, {{sfnt::tag("glyf"), "abcd"}});
  sfnt::set16(font, 12 + 14, 9);  // its length: 9 bytes, past the end
  try {
    sfnt::tables(font, "f.ttf");
    BOOST_FAIL("no error");
  } catch (const Error& e) {
    BOOST_TEST(std::string(e.what()) == "f.ttf: error: not a TrueType font");
  }
  try {
    sfnt::tables("abc", "f.ttf");
    BOOST_FAIL("no error");
  } catch (const Error& e) {
    BOOST_TEST(std::string(e.what()) == "f.ttf: error: not a TrueType font");
  }
}

BOOST_AUTO_TEST_SUITE_END()
