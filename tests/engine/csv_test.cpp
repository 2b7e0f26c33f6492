#include "engine/csv.hpp"

#include <boost/test/unit_test.hpp>

#include "engine/score_csv.hpp"
#include "tests/testutil.hpp"

using namespace careermap;

BOOST_AUTO_TEST_SUITE(csv_writer)

BOOST_AUTO_TEST_CASE(cells_are_quoted_and_formulas_made_inert) {
  BOOST_TEST(csv::cell("plain") == "plain");
  BOOST_TEST(csv::cell("a,b") == "\"a,b\"");
  BOOST_TEST(csv::cell("say \"hi\"") == "\"say \"\"hi\"\"\"");
  BOOST_TEST(csv::cell("two\nlines") == "\"two\nlines\"");
  BOOST_TEST(csv::cell("=1+1") == "'=1+1");
  BOOST_TEST(csv::cell("+81") == "'+81");
  BOOST_TEST(csv::cell("@SUM(A1)") == "'@SUM(A1)");
  BOOST_TEST(csv::cell("-x") == "'-x");
  BOOST_TEST(csv::cell("-12.5") == "-12.5");
  BOOST_TEST(csv::cell("=a,b") == "\"'=a,b\"");
  BOOST_TEST(csv::row({"a", "", "b c"}) == "a,,b c\r\n");
}

BOOST_AUTO_TEST_CASE(score_csv_bytes) {
  const Questionnaire q = test::tiny_questionnaire();
  Diagnostics d;
  std::vector<Answers> batch = {test::tiny_answers("-p1", "  size: small\n  a1: 4\n  a2: 2\n  b1: 5\n  b2: 1\n", d)};
  batch[0].cohort = "2026";
  BOOST_REQUIRE(d.empty());
  const auto placements = score(q, batch);
  BOOST_TEST(score_csv(q, batch, placements) ==
             "\xEF\xBB\xBF"
             "participant,cohort,meeting,current,frontier_stage,frontier_level,centroid_stage,centroid_level,"
             "next_steps,fix.near,fix.far,deep.near,deep.far,episodes\r\n"
             "'-p1,2026,,fix.near,near,fix,1.471,1,fix.far deep.near,75,66.67,,0,0\r\n");
}

BOOST_AUTO_TEST_SUITE_END()
