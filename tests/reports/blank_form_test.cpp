#include "reports/blank_form.hpp"

#include <boost/test/unit_test.hpp>
#include <string>

#include "engine/diagnostic.hpp"
#include "tests/testutil.hpp"

using namespace careermap;

BOOST_AUTO_TEST_SUITE(blank_form)

// course.yaml's episode fields have no labels: the table and the legend call them by their ids.
BOOST_AUTO_TEST_CASE(a_field_without_a_label_is_called_by_its_id) {
  const Questionnaire q = test::source_questionnaire("tests/data/tiny/course.yaml");
  for (Lang lang : {Lang::ja, Lang::en}) {
    const BlankForm f = build_blank_form(q, test::shipped_templates("form.yaml"), lang);
    const FormQuestion* steps = nullptr;
    for (const auto& s : f.sections)
      for (const auto& fq : s.questions)
        if (fq.kind == FormQuestion::Kind::episodes) steps = &fq;
    BOOST_REQUIRE(steps);
    BOOST_TEST(steps->columns == (std::vector<std::string>{"y0", "y1", "what", "with", "kind"}), boost::test_tools::per_element());
    BOOST_REQUIRE(steps->legend.size() == 2u);
    BOOST_TEST(steps->legend[0] == "with: a alone　b many");
    BOOST_TEST(steps->legend[1] == "kind: a mend　b deepen");
  }
}

// A worksheet table a page break cuts goes on under its heading row again: every page with
// rows of it has the "No." heading above its first row.
BOOST_AUTO_TEST_CASE(a_table_carried_over_a_page_break_is_headed_again) {
  const FontSource font("/usr/share/fonts/opentype/ipaexfont-gothic/ipaexg.ttf");
  int carried = 0;
  for (const char* rel : {"tests/data/tiny/course.yaml", "questionnaires/presession-v1.yaml"})
    for (Lang lang : {Lang::ja, Lang::en}) {
      BlankForm f = build_blank_form(test::source_questionnaire(rel), test::shipped_templates("form.yaml"), lang);
      for (int rows : {6, 20, 45}) {
        f.episode_rows = rows;
        const DisplayList dl = layout_blank_form(f, font);
        int seen = 0;
        for (size_t p = 0; p < dl.pages().size(); ++p) {
          double heading = -1, first_row = -1;
          for (const auto& op : dl.pages()[p].ops) {
            if (op.kind != DrawOp::Kind::text) continue;
            if (op.text == f.number && heading < 0) heading = op.y1;
            if (op.size == 8 && op.text == std::to_string(seen + 1)) {
              if (first_row < 0) first_row = op.y1;
              ++seen;
            }
          }
          if (first_row < 0) continue;
          BOOST_TEST(heading >= 0, rel << " page " << p + 1 << " has rows but no heading");
          BOOST_TEST(heading < first_row, rel << " page " << p + 1);
          carried += seen > 0 && first_row >= 0 && p > 0;
        }
        BOOST_TEST(seen == rows, rel << ": every row drawn once");
      }
    }
  BOOST_TEST(carried >= 4);
}

BOOST_AUTO_TEST_SUITE_END()
