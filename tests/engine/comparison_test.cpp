#include "engine/comparison.hpp"

#include <boost/test/unit_test.hpp>

#include "engine/scoring.hpp"
#include "tests/testutil.hpp"

using namespace careermap;

namespace {

Answers answers(const std::string& body) {
  Diagnostics d;
  Answers a = test::tiny_answers("p1", body, d);
  BOOST_REQUIRE(!d.has_errors());
  return a;
}

const char* kBefore = "  size: small\n  a1: 4\n  a2: 2\n  b1: 2\n  b2: 2\n";
const char* kAfter = "  size: small\n  a1: 4\n  a2: 2\n  b1: 5\n  b2: 4\n  c1: 3\n";
const char* kEpisodes = "  eps:\n    - {from: 2020, title: T, who: town, what: deeper, role: led}\n"
                        "    - {from: 2022, title: U, who: town, what: deeper, role: led}\n";

}  // namespace

BOOST_AUTO_TEST_SUITE(comparison)

BOOST_AUTO_TEST_CASE(a_constructed_pair_gives_exact_standings_changes_and_walls) {
  const Questionnaire q = test::tiny_questionnaire();
  const Comparison c = compare_meetings(q, answers(kBefore), answers(kAfter));
  // Then: fix.near 75 (a1 4, a2 2 reversed), fix.far (2 x 0.25 + 0.25) / 3, deep.far 25, deep.near none.
  BOOST_TEST(*c.then.scores[0] == 75.0);
  BOOST_TEST(*c.then.scores[1] == 25.0);
  BOOST_TEST(!c.then.scores[2].has_value());
  BOOST_TEST(*c.then.scores[3] == 25.0);
  BOOST_TEST(c.then.current == std::optional<int>(0));
  BOOST_TEST(c.then.reach == std::vector<int>{0}, boost::test_tools::per_element());
  BOOST_TEST(c.then.frontier_stage == std::optional<int>(0));
  BOOST_TEST(c.then.frontier_level == std::optional<int>(0));
  BOOST_TEST(c.then.walls_ahead == std::vector<int>{0}, boost::test_tools::per_element());
  // Now: fix.far (2 x 1 + 0.75) / 3, deep.near 50, deep.far 75.
  BOOST_TEST(*c.now.scores[1] == 100.0 * 2.75 / 3, boost::test_tools::tolerance(1e-12));
  BOOST_TEST(*c.now.scores[2] == 50.0);
  BOOST_TEST(*c.now.scores[3] == 75.0);
  BOOST_TEST(c.now.current == std::optional<int>(1));
  BOOST_TEST(c.now.reach == (std::vector<int>{0, 1, 3}), boost::test_tools::per_element());
  BOOST_TEST(c.now.frontier_stage == std::optional<int>(1));
  BOOST_TEST(c.now.frontier_level == std::optional<int>(1));
  BOOST_TEST(c.now.walls_ahead.empty());
  BOOST_TEST(c.walls_crossed == std::vector<int>{0}, boost::test_tools::per_element());
  BOOST_TEST(c.walls_ahead_again.empty());
  BOOST_TEST(c.reach_gained == (std::vector<int>{1, 3}), boost::test_tools::per_element());
  BOOST_TEST(c.reach_left.empty());
  BOOST_REQUIRE(c.scenes.size() == 4u);
  BOOST_TEST(*c.scenes[0].change == 0.0);
  BOOST_TEST(*c.scenes[1].change == 100.0 * 2.75 / 3 - 25, boost::test_tools::tolerance(1e-12));
  BOOST_TEST(!c.scenes[2].change.has_value());  // no score then
  BOOST_TEST(*c.scenes[3].change == 50.0);
  BOOST_TEST(!c.scenes[1].reached_then);
  BOOST_TEST(c.scenes[1].reached_now);
}

BOOST_AUTO_TEST_CASE(the_reverse_pair_narrows_and_puts_the_wall_ahead_again) {
  const Questionnaire q = test::tiny_questionnaire();
  const Comparison c = compare_meetings(q, answers(kAfter), answers(kBefore));
  BOOST_TEST(c.walls_crossed.empty());
  BOOST_TEST(c.walls_ahead_again == std::vector<int>{0}, boost::test_tools::per_element());
  BOOST_TEST(c.reach_left == (std::vector<int>{1, 3}), boost::test_tools::per_element());
  BOOST_TEST(c.reach_gained.empty());
}

// Filling in the worksheet (episodes) between two meetings is no change: the comparison
// reads the questionnaire part only, although the full scores move.
BOOST_AUTO_TEST_CASE(adding_only_worksheet_answers_changes_nothing) {
  const Questionnaire q = test::tiny_questionnaire();
  const Answers before = answers(kBefore), after = answers(std::string(kBefore) + kEpisodes);
  const auto full = score(q, std::vector<Answers>{before, after});
  BOOST_TEST(full[0].frontier_stage == std::optional<int>(0));
  BOOST_TEST(full[1].frontier_stage == std::optional<int>(1));  // the episodes reach the far stage
  const Comparison c = compare_meetings(q, before, after);
  for (const auto& s : c.scenes) {
    BOOST_TEST(s.then == s.now);
    BOOST_TEST(s.reached_then == s.reached_now);
  }
  BOOST_TEST(c.then.current == c.now.current);
  BOOST_TEST(c.then.frontier_stage == c.now.frontier_stage);
  BOOST_TEST(c.then.frontier_level == c.now.frontier_level);
  BOOST_TEST(c.walls_crossed.empty());
  BOOST_TEST(c.walls_ahead_again.empty());
  BOOST_TEST(c.reach_gained.empty());
  BOOST_TEST(c.reach_left.empty());
  // And episodes written at the first meeting but not repeated at the last are no change either.
  const Comparison back = compare_meetings(q, after, before);
  BOOST_TEST(back.walls_ahead_again.empty());
  BOOST_TEST(back.then.frontier_stage == back.now.frontier_stage);
}

BOOST_AUTO_TEST_CASE(the_questionnaire_part_leaves_out_every_episodes_item_and_nothing_else) {
  const Questionnaire q = test::tiny_questionnaire();
  const Answers a = answers(std::string(kAfter) + "  notes: N\n" + kEpisodes);
  const Answers part = questionnaire_part(q, a);
  BOOST_TEST(part.values.size() == a.values.size() - 1);
  BOOST_TEST(!part.find("eps"));
  BOOST_TEST(part.find("notes"));
  BOOST_TEST(part.participant == a.participant);
}

BOOST_AUTO_TEST_SUITE_END()
