#include "engine/cohort.hpp"

#include <boost/test/unit_test.hpp>

#include "engine/answers_yaml.hpp"
#include "engine/suppression.hpp"
#include "tests/testutil.hpp"

using namespace careermap;
using Mask = std::vector<std::vector<bool>>;

BOOST_AUTO_TEST_SUITE(cohort)

BOOST_AUTO_TEST_CASE(small_counts_are_hidden) {
  // Two groups and the pool; k = 3.
  const Mask m = suppress({{5, 4, 9}, {0, 6, 6}, {3, 3, 6}}, 3, false);
  BOOST_TEST((m == Mask{{false, false, false}, {false, false, false}, {false, false, false}}));
  const Mask one = suppress({{1, 0, 1}}, 3, false);
  BOOST_TEST((one == Mask{{true, false, true}}));  // the group and the pool both show 1
}

BOOST_AUTO_TEST_CASE(a_hidden_cell_cannot_be_got_back_by_subtraction) {
  // Row: 2025 has 2, 2026 has 5, pool 7. Hiding only the 2 leaves 7 - 5 = 2 in plain view,
  // so the 5 must go too.
  const Mask row = suppress({{2, 5, 7}}, 3, false);
  BOOST_TEST((row == Mask{{true, true, false}}));
  // Columns of exclusive categories sum to the group's size: the second-smallest goes.
  const Mask col = suppress({{2, 4, 6}, {4, 4, 8}, {5, 0, 5}}, 3, true);
  // Row 0: 2 hidden -> 4 hidden (row). Column 0: 2 hidden alone -> 4 hidden (column), which
  // leaves row 1 with one hidden -> its other group 4 hidden; column 1 then has 4, 4 hidden.
  BOOST_TEST((col == Mask{{true, true, false}, {true, true, false}, {false, false, false}}));
  for (const auto& r : col) {
    int hidden = 0;
    for (bool h : r) hidden += h;
    BOOST_TEST(hidden != 1);
  }
}

BOOST_AUTO_TEST_CASE(the_summary_of_a_synthetic_multi_year_archive) {
  const Questionnaire q = test::tiny_questionnaire();
  // 2024: 2 people (too few), 2025: 4 people with pre and post, 2026: 3 people.
  std::vector<Submission> subs;
  auto add = [&](const std::string& cohort, const std::string& id, const std::string& session, const std::string& body) {
    Diagnostics d;
    Answers a = parse_answers(q, "questionnaire: tiny\nparticipant: " + id + "\nanswers:\n  size: small\n" + body, id, d);
    BOOST_REQUIRE(!d.has_errors());
    Submission s;
    s.cohort = cohort;
    s.session = session;
    s.participant = id;
    s.questionnaire = "tiny";
    s.raw = answers_to_yaml(q, a);
    subs.push_back(s);
  };
  for (const char* id : {"a1", "a2"}) add("2024", id, "pre", "  a1: 5\n  a2: 1\n");
  for (const char* id : {"b1", "b2", "b3", "b4"}) {
    add("2025", id, "pre", "  a1: 5\n  a2: 1\n  b1: 1\n");            // stand at fix.near
    add("2025", id, "post", "  a1: 2\n  b1: 5\n  b2: 5\n");           // moved to fix.far: wider
  }
  for (const char* id : {"c1", "c2", "c3"}) add("2026", id, "pre", "  a1: 1\n  c1: 5\n");  // deep.near
  const CohortSummary s = summarize_cohorts(q, subs, CohortOptions{});
  BOOST_TEST(s.groups == (std::vector<std::string>{"2024", "2025", "2026", "all"}), boost::test_tools::per_element());
  BOOST_TEST(s.people == (std::vector<int>{2, 4, 3, 9}), boost::test_tools::per_element());
  BOOST_TEST(s.small_groups == (std::vector<std::string>{"2024"}), boost::test_tools::per_element());
  // Group sizes: 2 is hidden, and so is the next smallest, or 9 - 4 - 3 would give it away.
  BOOST_TEST((s.people_hidden == std::vector<bool>{true, false, true, false}));
  // Where people stand: fix.near has 2 (2024) + 4 (2025) = 6; the 2 is hidden, and with it 4.
  BOOST_TEST(!s.current.values[0][0].has_value());
  BOOST_TEST(!s.current.values[0][1].has_value());
  BOOST_TEST(*s.current.values[0][3] == 6.0);
  BOOST_TEST(*s.current.values[2][2] == 3.0);  // deep.near, 2026
  // Mean profile: fix.near in 2025 is (1 + 1) / 2 = 100 for all four.
  BOOST_TEST(*s.profile.values[0][1] == 100.0);
  BOOST_TEST(!s.profile.values[0][0].has_value());  // 2 people
  // Movement: the four 2025 people crossed to a wider stage.
  BOOST_TEST(*s.movement.values[0][1] == 4.0);
  BOOST_TEST(*s.flows[0][1] == 4);
  // Centroids: 2024 hidden (2 people), so one more (2026, the smallest left) is hidden too.
  BOOST_TEST(!s.centroid_stage[0].has_value());
  BOOST_TEST(!s.centroid_stage[2].has_value());
  BOOST_TEST(s.centroid_stage[1].has_value());
  // No figure about a person: nothing in the CSV names one.
  const std::string csv = cohort_csv(q, s);
  for (const char* id : {"a1", "b1", "c1"}) BOOST_TEST(csv.find(id) == std::string::npos);
  BOOST_TEST(csv.rfind("\xEF\xBB\xBFtable,category,group,value\r\npeople,,2024,suppressed\r\npeople,,2025,4\r\n", 0) == 0u);
}

BOOST_AUTO_TEST_SUITE_END()
