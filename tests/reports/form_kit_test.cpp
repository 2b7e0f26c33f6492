#include "reports/form_kit.hpp"

#include <boost/test/unit_test.hpp>

#include "engine/xlsx_read.hpp"
#include "tests/testutil.hpp"

using namespace careermap;
namespace tt = boost::test_tools;
using Cells = std::vector<std::string>;

namespace {


}  // namespace

BOOST_AUTO_TEST_SUITE(form_kit)

BOOST_AUTO_TEST_CASE(the_columns_are_the_csv_header_with_cohort_and_meeting_after_the_name) {
  const Questionnaire q = test::tiny_questionnaire();
  const Templates t = test::shipped_templates("form.yaml");
  const auto cols = kit_columns(q, t, Lang::en);
  const auto header = form_columns(q, t, Lang::en);
  BOOST_REQUIRE(cols.size() == header.size() + 2);
  Cells titles, expected;
  for (const auto& c : cols) titles.push_back(c.title);
  for (const auto& [text, target] : header) expected.push_back(text);
  expected.insert(expected.begin() + 2, {"Cohort", "Meeting"});
  BOOST_TEST(titles == expected, tt::per_element());
  BOOST_TEST(cols[2].target.text() == "cohort");
  BOOST_TEST(cols[3].target.text() == "meeting");
  BOOST_TEST(cols[3].list == (Cells{"pre", "post"}), tt::per_element());
  // size: a choice without labels offers its values; a1: an unlabelled scale its numbers.
  BOOST_TEST(cols[4].list == (Cells{"small", "large"}), tt::per_element());
  BOOST_TEST(cols[4].options == "small=small; large=large");
  BOOST_TEST(cols[5].list == (Cells{"1", "2", "3", "4", "5"}), tt::per_element());
  BOOST_TEST(cols[5].list_numbers == (std::vector<int>{1, 2, 3, 4, 5}), tt::per_element());
  BOOST_TEST(cols[4].list_numbers.empty());
  BOOST_TEST(cols[5].range == "1〜5");
  const auto from = std::find_if(cols.begin(), cols.end(), [](const KitColumn& c) { return c.target.text() == "eps[1].from"; });
  BOOST_REQUIRE(from != cols.end());
  BOOST_TEST(from->whole);
  BOOST_TEST(from->type == "year (whole number)");
  BOOST_TEST(from->required == "yes");
  const auto wish = std::find_if(cols.begin(), cols.end(), [](const KitColumn& c) { return c.target.text() == "wish"; });
  BOOST_TEST(wish->several);
}

BOOST_AUTO_TEST_CASE(the_lists_csv_and_markdown_hold_one_line_per_column) {
  const Questionnaire q = test::tiny_questionnaire();
  const Templates t = test::shipped_templates("form.yaml");
  const auto cols = kit_columns(q, t, Lang::en);
  const std::string csv = kit_questions_csv(cols, t, Lang::en);
  BOOST_TEST(csv.rfind("\xEF\xBB\xBF" "Column,Column title,Item id,Type,Required,Options (value=label),Scale,Range\r\n", 0) == 0);
  BOOST_TEST(csv.find(",Years,years,number,,,,0〜60\r\n") != std::string::npos, csv);
  const std::string md = kit_questions_md(q, cols, t, Lang::en);
  BOOST_TEST(md.rfind("# Tiny questionnaire: question list\n", 0) == 0);
  size_t rows = 0;
  for (size_t p = md.find("\n| "); p != std::string::npos; p = md.find("\n| ", p + 1)) ++rows;
  BOOST_TEST(rows == cols.size() + 2);  // the header, the rule, one per column
}

BOOST_AUTO_TEST_CASE(the_workbook_reads_back_as_its_header) {
  const Questionnaire q = test::tiny_questionnaire();
  const Templates t = test::shipped_templates("form.yaml");
  const auto cols = kit_columns(q, t, Lang::ja);
  test::TempDir dir;
  const std::string f = (dir.path() / "answers.xlsx").string();
  write_kit_workbook(q, cols, t, Lang::ja, f, "tiny.yaml", "answers.xlsx");
  XlsxReader r(f);
  Diagnostics d;
  CsvRecord rec;
  BOOST_REQUIRE(r.next(rec, d));
  Cells titles;
  for (const auto& c : cols) titles.push_back(c.title);
  BOOST_TEST(rec.cells == titles, tt::per_element());
  BOOST_TEST(r.sheet() == "回答");
  BOOST_TEST(!r.next(rec, d));
  BOOST_TEST(d.empty());
}

BOOST_AUTO_TEST_CASE(a_failure_while_writing_leaves_no_file_behind) {
  // Templates without the kit's texts: the writer fails after the workbook is begun.
  const Questionnaire q = test::tiny_questionnaire();
  const Templates full = test::shipped_templates("form.yaml");
  const auto cols = kit_columns(q, full, Lang::ja);
  Diagnostics d;
  const Templates bare = Templates::parse("other: {ja: a, en: b}\n", "bare.yaml", d);
  BOOST_REQUIRE(d.empty());
  test::TempDir dir;
  const std::string f = (dir.path() / "answers.xlsx").string();
  BOOST_CHECK_THROW(write_kit_workbook(q, cols, bare, Lang::ja, f, "tiny.yaml", "answers.xlsx"), Error);
  BOOST_TEST(std::filesystem::is_empty(dir.path()));  // neither answers.xlsx nor its .tmp
}

BOOST_AUTO_TEST_SUITE_END()
