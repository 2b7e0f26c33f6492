#include "engine/csv_read.hpp"

#include <boost/test/unit_test.hpp>

#include "tests/testutil.hpp"

using namespace careermap;
namespace tt = boost::test_tools;
using Cells = std::vector<std::string>;

BOOST_AUTO_TEST_SUITE(csv_read)

BOOST_AUTO_TEST_CASE(quotes_commas_line_breaks_and_crlf) {
  Diagnostics d;
  const CsvTable t = parse_csv("\xEF\xBB\xBF" "a,b\r\n\"x, y\",\"he said \"\"hi\"\"\"\r\n\"multi\r\nline\",z\r\n\r\nlast,\n", "f.csv", d);
  BOOST_TEST(d.empty());
  BOOST_TEST(t.encoding == "UTF-8");
  BOOST_REQUIRE(t.records.size() == 4u);
  BOOST_TEST(t.records[0].cells == (Cells{"a", "b"}), tt::per_element());
  BOOST_TEST(t.records[1].cells == (Cells{"x, y", "he said \"hi\""}), tt::per_element());
  BOOST_TEST(t.records[2].cells == (Cells{"multi\nline", "z"}), tt::per_element());
  BOOST_TEST(t.records[2].line == 3);
  BOOST_TEST(t.records[3].cells == (Cells{"last", ""}), tt::per_element());
  BOOST_TEST(t.records[3].line == 6);  // the blank line 5 is skipped, not counted away
}

BOOST_AUTO_TEST_CASE(shift_jis_is_detected_converted_and_said) {
  Diagnostics d;
  // "テスト,〜" in CP932, as Japanese Excel saves it.
  const CsvTable t = parse_csv("\x83\x65\x83\x58\x83\x67,\x81\x60\r\n", "f.csv", d);
  BOOST_TEST(t.encoding == "CP932");
  BOOST_TEST(test::messages(d) == (std::vector<std::string>{"f.csv: note: read as Shift_JIS (CP932) and converted to UTF-8"}),
             tt::per_element());
  BOOST_REQUIRE(t.records.size() == 1u);
  BOOST_TEST(t.records[0].cells[0] == "テスト");
  BOOST_TEST(t.records[0].cells[1] == "～");  // iconv's CP932 reads 0x8160 as the full-width tilde
  BOOST_TEST(!d.has_errors());
}

BOOST_AUTO_TEST_CASE(bad_bytes_and_open_quotes_are_errors) {
  Diagnostics d;
  parse_csv(std::string("\xFF\xFE\x00\x41", 4), "f.csv", d);
  BOOST_TEST(test::messages(d) ==
                 (std::vector<std::string>{"f.csv: error: the file is neither UTF-8 nor Shift_JIS (CP932) text; save it as CSV UTF-8"}),
             tt::per_element());
  Diagnostics d2;
  const CsvTable t = parse_csv("h1,h2\na,\"b\nc\n", "g.csv", d2);
  BOOST_TEST(test::messages(d2) ==
                 (std::vector<std::string>{"g.csv:2: error: a quoted field is not closed before the end of the file"}),
             tt::per_element());
  BOOST_TEST(t.records.size() == 2u);  // what was read is kept
}

BOOST_AUTO_TEST_CASE(utf8_validation) {
  BOOST_TEST(valid_utf8("改善 ok"));
  BOOST_TEST(!valid_utf8("\xC0\xAF"));       // overlong
  BOOST_TEST(!valid_utf8("\xED\xA0\x80"));   // surrogate
  BOOST_TEST(!valid_utf8("\xE6\x94"));       // cut
}

BOOST_AUTO_TEST_SUITE_END()
