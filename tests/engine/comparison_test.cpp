#include "engine/comparison.hpp"

#include <boost/test/unit_test.hpp>

#include "engine/scoring.hpp"
#include "tests/testutil.hpp"

namespace tt = boost::test_tools;

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

BOOST_AUTO_TEST_CASE(with_parts_declared_only_the_scored_parts_are_read) {
  std::string text = test::kQuestionnaire;
  const std::string at = "      - {id: notes, type: text, text: Notes}\n";
  BOOST_REQUIRE(text.find(at) != std::string::npos);
  text.insert(text.find(at), "  - id: ws\n    title: W\n    items:\n");
  text += "parts:\n  - {id: q, sections: [main]}\n  - {id: sheet, sections: [ws]}\n";
  Diagnostics d;
  const Questionnaire q = Questionnaire::parse(text, "tiny.yaml", test::tiny_model(), d);
  BOOST_REQUIRE_MESSAGE(!d.has_errors(), (d.has_errors() ? test::messages(d).front() : std::string()));
  const Answers a = parse_answers(q, "questionnaire: tiny\nparticipant: p1\nanswers:\n" + std::string(kAfter) +
                                         "  notes: N\n  years: 3\n" + kEpisodes, "p1.yaml", d);
  BOOST_REQUIRE(!d.has_errors());
  const Answers part = questionnaire_part(q, a);
  BOOST_TEST(!part.find("notes"));  // the worksheet part's own words and numbers go too
  BOOST_TEST(!part.find("years"));
  BOOST_TEST(!part.find("eps"));
  BOOST_TEST(part.find("b2"));
  BOOST_TEST(part.values.size() == a.values.size() - 3);
}

BOOST_AUTO_TEST_CASE(only_meetings_that_collect_a_scored_part_compare) {
  // Meetings a (the questionnaire), b (the worksheet only), c (the questionnaire again): b's
  // map has no comparison and c compares with a, not with b. Without declared meetings the
  // implicit pre and post collect everything and post compares with pre.
  std::string text = test::kQuestionnaire;
  const std::string at = "      - {id: notes, type: text, text: Notes}\n";
  BOOST_REQUIRE(text.find(at) != std::string::npos);
  text.insert(text.find(at), "  - id: ws\n    title: W\n    items:\n");
  text += "parts:\n  - {id: q, sections: [main]}\n  - {id: sheet, sections: [ws]}\n"
          "meetings:\n"
          "  - {id: a, order: 1, name: {ja: A, en: A}, collects: [q]}\n"
          "  - {id: b, order: 2, name: {ja: B, en: B}, collects: [sheet]}\n"
          "  - {id: c, order: 3, name: {ja: C, en: C}, collects: [q]}\n";
  Diagnostics d;
  const Questionnaire q = Questionnaire::parse(text, "tiny.yaml", test::tiny_model(), d);
  BOOST_REQUIRE_MESSAGE(!d.has_errors(), (d.has_errors() ? test::messages(d).front() : std::string()));
  BOOST_TEST(collects_scored_part(q, "a"));
  BOOST_TEST(!collects_scored_part(q, "b"));
  BOOST_TEST(collects_scored_part(q, ""));
  std::vector<Answers> batch(5);
  const std::pair<const char*, const char*> who[] = {{"p1", "c"}, {"p1", "b"}, {"p2", "b"}, {"p1", "a"}, {"p2", "c"}};
  for (size_t i = 0; i < batch.size(); ++i) {
    batch[i].participant = who[i].first;
    batch[i].meeting = who[i].second;
  }
  BOOST_TEST(earlier_meetings(q, batch) == (std::vector<int>{3, -1, -1, -1, -1}), tt::per_element());

  const Questionnaire plain = test::tiny_questionnaire();
  std::vector<Answers> two(2);
  two[0].participant = two[1].participant = "p1";
  two[0].meeting = "post";
  two[1].meeting = "pre";
  BOOST_TEST(earlier_meetings(plain, two) == (std::vector<int>{1, -1}), tt::per_element());
}

BOOST_AUTO_TEST_SUITE_END()
