#include "engine/xlsx_read.hpp"

#include <zip.h>

#include <boost/test/unit_test.hpp>
#include <fstream>
#include <utility>

#include "tests/testutil.hpp"

using namespace careermap;
namespace tt = boost::test_tools;
using Cells = std::vector<std::string>;

namespace {

using Parts = std::vector<std::pair<std::string, std::string>>;

// A zip of `parts` (name, content) written with libzip, deflated as Excel does.
void write_zip(const std::string& path, const Parts& parts) {
  int err = 0;
  zip_t* z = zip_open(path.c_str(), ZIP_CREATE | ZIP_TRUNCATE, &err);
  BOOST_REQUIRE(z);
  for (const auto& [name, content] : parts) {
    zip_source_t* s = zip_source_buffer(z, content.data(), content.size(), 0);
    BOOST_REQUIRE(s);
    const zip_int64_t idx = zip_file_add(z, name.c_str(), s, ZIP_FL_ENC_UTF_8);
    BOOST_REQUIRE(idx >= 0);
    zip_set_file_compression(z, static_cast<zip_uint64_t>(idx), ZIP_CM_DEFLATE, 1);
  }
  BOOST_REQUIRE(zip_close(z) == 0);
}

const std::string kWorkbookXml =
    R"(<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">
<sheets><sheet name="回答" sheetId="1" r:id="rId3"/><sheet name="説明" sheetId="2" r:id="rId1"/></sheets></workbook>)";
const std::string kRels =
    R"(<?xml version="1.0" encoding="UTF-8"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet2.xml"/>
<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="/xl/worksheets/answers.xml"/>
<Relationship Id="rId9" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="strings.xml"/>
</Relationships>)";
// Shared strings as Japanese Excel saves them: rich text runs, furigana (<rPh>) beside the text.
const std::string kStrings =
    R"(<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="4" uniqueCount="4">
<si><t>参加者ID</t></si><si><t>お名前</t><rPh sb="0" eb="2"><t>ナマエ</t></rPh><phoneticPr fontId="1"/></si>
<si><r><rPr><b/></rPr><t>始めた</t></r><r><t xml:space="preserve">年 </t></r></si><si><t>p01</t></si></sst>)";

std::string sheet(const std::string& rows) {
  return R"(<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>)" +
         rows + "</sheetData></worksheet>";
}

Parts book(const std::string& rows) {
  return {{"[Content_Types].xml", "<Types/>"},
          {"xl/workbook.xml", kWorkbookXml},
          {"xl/_rels/workbook.xml.rels", kRels},
          {"xl/strings.xml", kStrings},
          {"xl/worksheets/answers.xml", sheet(rows)},
          {"xl/worksheets/sheet2.xml", sheet(R"(<row r="1"><c r="A1" t="inlineStr"><is><t>not this sheet</t></is></c></row>)")}};
}

// The messages, then the rows read as "LINE:cell|cell" (or "LINE:bad").
Cells read_all(const std::string& path) {
  XlsxReader r(path);
  return test::read_rows(r);
}

}  // namespace

BOOST_AUTO_TEST_SUITE(xlsx_read)

BOOST_AUTO_TEST_CASE(the_first_sheet_its_strings_numbers_gaps_and_blank_rows) {
  test::TempDir dir;
  const std::string f = (dir.path() / "b.xlsx").string();
  write_zip(f, book(R"(<row r="1" spans="1:4"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="D1" t="s"><v>2</v></c></row>
<row r="2"><c r="A2" s="1"/></row>
<row r="4"><c r="A4" t="s"><v>3</v></c><c r="B4" t="inlineStr"><is><t>山田</t></is></c><c r="D4"><v>2019</v></c></row>
<row r="5"><c t="inlineStr"><is><r><t>a</t></r><r><t>b</t></r></is></c><c t="str"><f>A5</f><v>x</v></c><c><v>2.019E3</v></c><c><v>3.5</v></c><c t="b"><v>1</v></c></row>
<row><c r="C6"><v>2020.0</v></c></row>)"));
  XlsxReader r(f);
  Diagnostics d;
  CsvRecord rec;
  BOOST_REQUIRE(r.next(rec, d));
  BOOST_TEST(r.sheet() == "回答");
  BOOST_TEST(rec.line == 1);
  BOOST_TEST(rec.cells == (Cells{"参加者ID", "お名前", "", "始めた年 "}), tt::per_element());  // furigana left out
  BOOST_TEST(std::string(r.raw()) == "参加者ID,お名前,,始めた年 \r\n");
  BOOST_REQUIRE(r.next(rec, d));  // row 2 (only a styled empty cell) and row 3 are blank
  BOOST_TEST(rec.line == 4);
  BOOST_TEST(rec.cells == (Cells{"p01", "山田", "", "2019"}), tt::per_element());
  BOOST_REQUIRE(r.next(rec, d));
  BOOST_TEST(rec.line == 5);
  BOOST_TEST(rec.cells == (Cells{"ab", "x", "2019", "3.5", "TRUE"}), tt::per_element());
  BOOST_REQUIRE(r.next(rec, d));
  BOOST_TEST(rec.line == 6);  // a row without r follows the one before
  BOOST_TEST(rec.cells == (Cells{"", "", "2020", ""}), tt::per_element());  // as wide as the header
  BOOST_TEST(!r.next(rec, d));
  BOOST_TEST(d.empty());
  BOOST_TEST(r.at(6, 3).file == f + ":回答!C6");
  BOOST_TEST(r.row_name(6) == f + ":回答:6");
}

BOOST_AUTO_TEST_CASE(a_bad_cell_loses_its_row_with_the_cell_named) {
  test::TempDir dir;
  const std::string f = (dir.path() / "b.xlsx").string();
  write_zip(f, book(R"(<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c></row>
<row r="2"><c r="A2" t="s"><v>3</v></c><c r="B2" t="e"><v>#N/A</v></c></row>
<row r="3"><c r="A3" t="s"><v>3</v></c><c r="AB3" t="s"><v>7</v></c></row>
<row r="7"><c r="A7" t="s"><v>3</v></c></row>)"));
  BOOST_TEST(read_all(f) == (Cells{f + ":回答!B2: error: the cell holds the Excel error #N/A; write the answer instead",
                                   f + ":回答!AB3: error: the cell refers to shared string 7, which the workbook does not have",
                                   "1:参加者ID|お名前", "2:bad", "3:bad", "7:p01|"}),
             tt::per_element());
}

BOOST_AUTO_TEST_CASE(what_is_no_workbook_is_said_and_ends_the_reading) {
  test::TempDir dir;
  const std::string f = (dir.path() / "b.xlsx").string();
  std::ofstream(f) << "participant,name\r\np01,x\r\n";
  BOOST_TEST(read_all(f) == (Cells{f + ": error: the file is not an Excel workbook (.xlsx): it is not a zip archive"}),
             tt::per_element());
  std::ofstream(f) << "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1 rest";
  BOOST_TEST(read_all(f) ==
                 (Cells{f + ": error: this is an Excel 97-2003 workbook (.xls); save it as Excel ブック (.xlsx) or as CSV"}),
             tt::per_element());
  write_zip(f, {{"word/document.xml", "<w/>"}});
  BOOST_TEST(read_all(f) == (Cells{f + ": error: the workbook has no part xl/workbook.xml (the list of sheets); save it again "
                                       "from Excel as .xlsx"}),
             tt::per_element());
  Parts no_sheet = book("");
  no_sheet.erase(no_sheet.begin() + 4);
  write_zip(f, no_sheet);
  BOOST_TEST(read_all(f) == (Cells{f + ": error: the workbook has no part xl/worksheets/answers.xml (the sheet '回答'); save it "
                                       "again from Excel as .xlsx"}),
             tt::per_element());
  Parts empty = book("");
  empty[1].second = "<workbook><sheets/></workbook>";
  write_zip(f, empty);
  BOOST_TEST(read_all(f) == (Cells{f + ": error: the workbook has no sheet"}), tt::per_element());
  Parts broken = book(R"(<row r="1"><c r="A1" t="s"><v>0</v></c></row>
<row r="2"><c r="A2"><v>1</v></row>)");
  write_zip(f, broken);
  BOOST_TEST(read_all(f) == (Cells{f + ":xl/worksheets/answers.xml:2:32: error: the part is not well-formed XML: mismatched tag", "1:参加者ID"}),
             tt::per_element());
  Parts doctype = book("");
  doctype[3].second = R"(<!DOCTYPE sst [<!ENTITY a "aaaaaaaaaa">]><sst><si><t>&a;</t></si></sst>)";
  write_zip(f, doctype);
  BOOST_TEST(read_all(f) == (Cells{f + ":xl/strings.xml:1:15: error: the part declares a document type (<!DOCTYPE>); a "
                                       "workbook's parts have none"}),
             tt::per_element());
  BOOST_TEST(read_all((dir.path() / "none.xlsx").string()).size() == 1u);  // cannot read: said by read_file
}

BOOST_AUTO_TEST_CASE(a_part_that_unpacks_too_large_is_refused_before_it_is_read) {
  test::TempDir dir;
  const std::string f = (dir.path() / "bomb.xlsx").string();
  // 129 MB of spaces deflate to a few hundred kB: a zip bomb in miniature.
  Parts bomb = book("");
  bomb[4].second = sheet(std::string(kMaxXlsxPartBytes + 1'000'000, ' '));
  write_zip(f, bomb);
  BOOST_TEST(read_all(f) == (Cells{f + ": error: the workbook's part xl/worksheets/answers.xml unpacks to 129 MB; a part is "
                                       "at most 128 MB"}),
             tt::per_element());
}

BOOST_AUTO_TEST_CASE(column_letters_as_a_spreadsheet_names_them) {
  BOOST_TEST(column_letters(1) == "A");
  BOOST_TEST(column_letters(26) == "Z");
  BOOST_TEST(column_letters(27) == "AA");
  BOOST_TEST(column_letters(28) == "AB");
  BOOST_TEST(column_letters(702) == "ZZ");
  BOOST_TEST(column_letters(703) == "AAA");
  BOOST_TEST(column_letters(16384) == "XFD");
}

BOOST_AUTO_TEST_SUITE_END()
