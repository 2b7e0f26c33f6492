#include "engine/suppression.hpp"

#include <boost/test/unit_test.hpp>

#include "engine/disclosure_audit.hpp"

using namespace careermap;

namespace {

// Two cohorts and their pool; people in two exclusive categories x and y.
CellTable two_cohorts(double x0, double y0, double x1, double y1) {
  CellTable t;
  t.atom_people = {static_cast<int>(x0 + y0), static_cast<int>(x1 + y1)};
  t.groups = {{"2025", {0}, 0}, {"2026", {1}, 0}, {"all", {0, 1}, 0}};
  const int people = t.add_measure({"people", "", false, -1, 0, 0, 0, false});
  const int x = t.add_measure({"current", "x"}), y = t.add_measure({"current", "y"});
  t.value[people] = {x0 + y0, x1 + y1};
  t.value[x] = {x0, x1};
  t.value[y] = {y0, y1};
  t.relate({{x, 1}, {y, 1}, {people, -1}}, true);
  for (int g = 0; g < 3; ++g)
    for (int m : {people, x, y}) t.add_cell(m, g);
  return t;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(suppression)

BOOST_AUTO_TEST_CASE(the_audit_finds_a_count_got_back_by_subtraction) {
  CellTable t = two_cohorts(1, 3, 3, 3);
  t.cells[1].state = CellState::small;  // x in 2025 (1 person) hidden alone: 4 - 3 gives it back
  const AuditResult a = audit_cells(t, 3);
  BOOST_TEST_REQUIRE(a.pinned.size() == 1u);
  BOOST_TEST(a.pinned[0].cell == 1);
  BOOST_TEST(a.pinned[0].interval.low == 1.0);
  BOOST_TEST(a.pinned[0].interval.high == 1.0);
}

BOOST_AUTO_TEST_CASE(suppression_hides_until_the_audit_finds_nothing) {
  CellTable t = two_cohorts(1, 3, 3, 3);
  const SuppressionCounts c = suppress(t, 3);
  BOOST_TEST(c.small == 1);
  BOOST_TEST(audit_cells(t, 3).pinned.empty());
  const auto iv = hidden_intervals(t);
  BOOST_TEST(!t.shown(1));
  BOOST_TEST((iv[1].low <= 0 || iv[1].high >= 3));  // the reader cannot tell it is 1 or 2
  // The pool stays: the cohorts' figures went instead.
  BOOST_TEST(t.shown(7));
  BOOST_TEST(t.shown(8));
}

BOOST_AUTO_TEST_CASE(a_mean_of_one_person_is_found_through_the_pool) {
  CellTable t;
  t.atom_people = {1, 4};
  t.groups = {{"2025", {1}, 0}, {"all", {0, 1}, 0}};  // the one person has no column of their own
  const int n = t.add_measure({"profile_people", "x"});
  const int sum = t.add_measure({"profile", "x", true, n, 0, 100, 2});
  t.value[n] = {1, 4};
  t.value[sum] = {87.5, 200};
  for (int g = 0; g < 2; ++g)
    for (int m : {n, sum}) t.add_cell(m, g);
  AuditResult a = audit_cells(t, 3);  // all 287.5 / 5 and 2025's 200 / 4 give 87.5 (to rounding)
  BOOST_TEST_REQUIRE(a.pinned.size() == 2u);  // the person's count and their score
  BOOST_TEST(a.pinned[1].atom == 0);
  BOOST_TEST(a.pinned[1].interval.low == 87.5, boost::test_tools::tolerance(0.03));
  BOOST_TEST(a.pinned[1].interval.high == 87.5, boost::test_tools::tolerance(0.03));
  suppress(t, 3);
  BOOST_TEST(audit_cells(t, 3).pinned.empty());
}

BOOST_AUTO_TEST_SUITE_END()
