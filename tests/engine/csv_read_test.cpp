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
  BOOST_TEST(t.records[2].cells == (Cells{"multi\r\nline", "z"}), tt::per_element());  // as written
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

// The messages of reading `bytes`, then the rows read (ok or not) as "LINE:cells|..." or "LINE:bad".
Cells read_all(std::string_view bytes) {
  CsvReader r(bytes, "f.csv");
  return test::read_rows(r);
}

BOOST_AUTO_TEST_CASE(bad_bytes_and_open_quotes_are_errors) {
  BOOST_TEST(read_all("h\na,\xFF\xFF\n") ==
             (Cells{"f.csv: error: the file is neither UTF-8 nor Shift_JIS (CP932) text; save it as CSV UTF-8", "1:h", "2:bad"}), tt::per_element());
  // A row cut short at the end of the file: an error on its line, no cells; what came before is kept.
  BOOST_TEST(read_all("h1,h2\na,\"b\nc\n") ==
             (Cells{"f.csv:2: error: the row is cut short: a quoted cell is not closed before the end of the file", "1:h1|h2", "2:bad"}), tt::per_element());
}

BOOST_AUTO_TEST_CASE(what_is_not_csv_is_named) {
  BOOST_TEST(read_all(std::string("PK\x03\x04\x14\0\x06\0", 8)) ==
             (Cells{"f.csv: error: this is an Excel workbook (.xlsx), not CSV; name the file .xlsx (careermap reads workbooks) or save it as CSV (UTF-8 or コンマ区切り)"}), tt::per_element());
  BOOST_TEST(read_all(std::string("\xFF\xFEh\0,\0", 6)) ==
             (Cells{"f.csv: error: this is UTF-16 text (Unicode テキスト), not CSV; save it as CSV (UTF-8 or コンマ区切り)"}), tt::per_element());
  BOOST_TEST(read_all("") == (Cells{}));
}

BOOST_AUTO_TEST_CASE(a_nul_byte_refuses_its_row_with_line_and_column) {
  BOOST_TEST(read_all(std::string("h1,h2\nab,c\0d\n\"x\ny\",\0\nok,1\n", 26)) ==
             (Cells{"f.csv:2:5: error: the cell holds a NUL byte; it is not text",
                    "f.csv:4:4: error: the cell holds a NUL byte; it is not text", "1:h1|h2", "2:bad", "3:bad", "5:ok|1"}), tt::per_element());
}

BOOST_AUTO_TEST_CASE(rows_are_bounded_and_the_next_row_is_still_read) {
  std::string wide(kMaxCsvColumns, ',');  // kMaxCsvColumns + 1 cells
  std::string cell(kMaxCsvCellBytes + 1, 'x');
  std::string row;
  for (int k = 0; k < 11; ++k) row += std::string(kMaxCsvCellBytes - 1, 'y') + ",";
  BOOST_TEST(read_all("h\n" + wide + "\n" + cell + "\n" + row + "\nlast\n") ==
                 (Cells{"f.csv:2: error: the row has more than 2000 columns; a CSV of answers has at most 2000",
                        "f.csv:3: error: a cell has more than 100000 bytes; a cell is at most 100000",
                        "f.csv:4: error: the row has more than 1 MB; a row is at most 1 MB", "1:h", "2:bad", "3:bad", "4:bad",
                        "5:last"}),
             tt::per_element());
}

BOOST_AUTO_TEST_CASE(the_encoding_is_fixed_by_the_first_row_beyond_ascii) {
  // An ASCII header, then CP932 ("テスト"), then a UTF-8 row, which is not CP932 text.
  BOOST_TEST(read_all("id,t\nx,\x83\x65\x83\x58\x83\x67\ny,\xE2\x91\xA0\xE2\x91\xA0\n") ==
             (Cells{"f.csv: note: read as Shift_JIS (CP932) and converted to UTF-8",
                    "f.csv:3: error: the row is not Shift_JIS (CP932) text like the rows before it; save the file as CSV UTF-8", "1:id|t", "2:x|テスト", "3:bad"}), tt::per_element());
  BOOST_TEST(read_all("id,t\nx,\xE6\x94\xB9\ny,\x83\x65\n") ==
             (Cells{"f.csv:3: error: the row is not UTF-8 text like the rows before it; save the file as CSV UTF-8", "1:id|t", "2:x|改", "3:bad"}), tt::per_element());
}

BOOST_AUTO_TEST_CASE(raw_gives_each_record_as_received) {
  const std::string bytes = "\xEF\xBB\xBF" "a,b\r\n\r\n\"=1+1\",\" x\r\ny\"\n" "c,d";
  CsvReader r(bytes, "f.csv");
  Diagnostics d;
  CsvRecord rec;
  std::vector<std::string> raws;
  while (r.next(rec, d)) raws.push_back(std::string(r.raw()));
  BOOST_TEST(raws == (std::vector<std::string>{"\xEF\xBB\xBF" "a,b\r\n", "\"=1+1\",\" x\r\ny\"\n", "c,d"}), tt::per_element());
  BOOST_TEST(d.empty());
}

BOOST_AUTO_TEST_SUITE_END()
