#include "engine/scoring.hpp"

#include <boost/test/unit_test.hpp>

#include "tests/testutil.hpp"

using namespace careermap;
namespace tt = boost::test_tools;

namespace {

Placement score_one(const std::string& body) {
  Diagnostics d;
  const Answers a = test::tiny_answers("p1", "  size: small\n" + body, d);
  for (const auto& x : d.list()) BOOST_TEST_MESSAGE(x.format());
  BOOST_REQUIRE(!d.has_errors());
  static const Questionnaire q = test::tiny_questionnaire();
  return score(q, std::vector<Answers>{a})[0];
}

}  // namespace

BOOST_AUTO_TEST_SUITE(scoring)

// Scenes: 0 fix.near (a1, a2 reversed), 1 fix.far (b1 weight 2, b2), 2 deep.near (c1),
// 3 deep.far (b2). Answers on 1..5 become (x - 1) / 4.
BOOST_AUTO_TEST_CASE(reversed_items_weights_and_null_scenes) {
  const Placement p = score_one("  a1: 4\n  a2: 2\n  b1: 5\n  b2: 1\n");
  // fix.near: a1 (4-1)/4 = .75; a2 reversed 1+5-2 = 4 -> .75; mean .75.
  BOOST_TEST(*p.scenes[0].score == 75.0, tt::tolerance(1e-9));
  BOOST_TEST(p.scenes[0].answered == 2);
  BOOST_TEST(p.scenes[0].items == 2);
  // fix.far: (2 * 1 + 1 * 0) / 3.
  BOOST_TEST(*p.scenes[1].score == 200.0 / 3.0, tt::tolerance(1e-9));
  // deep.near: its only item is unanswered -> no score, never 0.
  BOOST_TEST(!p.scenes[2].score.has_value());
  BOOST_TEST(p.scenes[2].answered == 0);
  BOOST_TEST(*p.scenes[3].score == 0.0);
  BOOST_TEST(*p.current == 0);
  // Centroid over scored scenes, weights 75, 66.67, 0.
  BOOST_TEST(*p.centroid_stage == (75.0 * 1 + 200.0 / 3.0 * 2) / (75.0 + 200.0 / 3.0), tt::tolerance(1e-9));
  BOOST_TEST(*p.centroid_level == 1.0, tt::tolerance(1e-9));
  // Next steps from fix.near: one stage wider (fix.far, scored) before one level deeper (no score).
  BOOST_TEST(p.next_steps == (std::vector<int>{1, 2}), tt::per_element());
}

BOOST_AUTO_TEST_CASE(ties_go_to_more_answered_items_then_the_lower_number) {
  const Placement all = score_one("  a1: 3\n  a2: 3\n  b1: 3\n  b2: 3\n  c1: 3\n");
  for (int s = 0; s < 4; ++s) BOOST_TEST(*all.scenes[s].score == 50.0);
  BOOST_TEST(*all.current == 0);  // fix.near and fix.far both have 2 answered: lower number
  const Placement fewer = score_one("  a1: 3\n  b1: 3\n  b2: 3\n  c1: 3\n");
  BOOST_TEST(*fewer.current == 1);  // fix.near now has 1 answered, fix.far 2
}

BOOST_AUTO_TEST_CASE(minimum_answered_share_gives_null_not_a_guess) {
  std::string text = test::kQuestionnaire;
  text.replace(text.find("min_answered_share: 0.5"), 23, "min_answered_share: 1");
  Diagnostics d;
  const Questionnaire q = Questionnaire::parse(text, "q.yaml", test::tiny_model(), d);
  BOOST_REQUIRE(d.empty());
  const Answers a = parse_answers(q, "questionnaire: tiny\nparticipant: p\nanswers:\n  size: small\n  a1: 5\n  b1: 5\n  b2: 5\n", "p.yaml", d);
  const Placement p = score(q, std::vector<Answers>{a})[0];
  BOOST_TEST(!p.scenes[0].score.has_value());  // 1 of 2 answered, needs 2
  BOOST_TEST(*p.scenes[1].score == 100.0);
  BOOST_TEST(*p.current == 1);
}

BOOST_AUTO_TEST_CASE(no_answers_at_all_means_no_current_scene) {
  const Placement p = score_one("");
  for (const auto& s : p.scenes) BOOST_TEST(!s.score.has_value());
  BOOST_TEST(!p.current.has_value());
  BOOST_TEST(!p.centroid_stage.has_value());
  BOOST_TEST(p.next_steps.empty());
}

BOOST_AUTO_TEST_CASE(wishes_rank_the_next_steps) {
  const Placement p = score_one("  a1: 4\n  a2: 2\n  b1: 5\n  b2: 1\n  wish: [d]\n");
  BOOST_TEST(p.next_steps == (std::vector<int>{2, 1}), tt::per_element());
}

BOOST_AUTO_TEST_CASE(episodes_add_role_weighted_evidence) {
  const Placement p = score_one(
      "  a1: 5\n  a2: 1\n  b1: 1\n  b2: 5\n  eps:\n"
      "    - {from: 2019, to: 2021, title: A, who: me, what: fixed, role: led}\n"
      "    - {from: 2020, title: B, who: town, what: deeper, role: helped}\n");
  // fix.near: items 1.0, episodes 1 (led) / 2 = .5 -> .75 * 1 + .25 * .5
  BOOST_TEST(*p.scenes[0].score == 87.5, tt::tolerance(1e-9));
  BOOST_TEST(p.scenes[0].episode_evidence == 1.0);
  // fix.far: b1 = 1 -> 0 (weight 2); b2 = 5 -> 1 (weight 1): 1/3; no episode -> .75 * 1/3.
  BOOST_TEST(*p.scenes[1].score == 25.0, tt::tolerance(1e-9));
  // deep.far: b2 -> 1.0, one "helped" episode (0.5) / 2 -> .75 + .25 * .25
  BOOST_TEST(*p.scenes[3].score == 81.25, tt::tolerance(1e-9));
  BOOST_TEST(p.scenes[3].episode_evidence == 0.5);
}

BOOST_AUTO_TEST_CASE(the_path_is_in_time_order_ongoing_last) {
  const Placement p = score_one(
      "  eps:\n"
      "    - {from: 2020, title: one, who: town, what: fixed}\n"
      "    - {from: 2019, to: 2021, title: two, who: me, what: fixed, role: led}\n"
      "    - {from: 2020, to: 2020, title: three, who: me, what: deeper}\n"
      "    - {from: 2019, to: 2021, title: four, who: me}\n");
  std::vector<std::string> titles;
  std::vector<int> written;
  for (const auto& s : p.path) {
    titles.push_back(s.title);
    written.push_back(s.written);
  }
  BOOST_TEST(titles == (std::vector<std::string>{"two", "four", "three", "one"}), tt::per_element());
  BOOST_TEST(written == (std::vector<int>{2, 4, 3, 1}), tt::per_element());
  BOOST_TEST(p.path[0].order == 1);
  BOOST_TEST(*p.path[0].scene == 0);
  BOOST_TEST(*p.path[2].scene == 2);
  BOOST_TEST(*p.path[3].scene == 1);
  BOOST_TEST(!p.path[1].scene.has_value());
  BOOST_TEST(!p.path[3].to.has_value());
  BOOST_TEST(p.warnings == (std::vector<std::string>{"eps[4]: not placed on the matrix: what is not answered"}),
             tt::per_element());
}

BOOST_AUTO_TEST_CASE(batch_order_does_not_change_any_score) {
  const Questionnaire q = test::tiny_questionnaire();
  Diagnostics d;
  std::vector<Answers> batch = {
      test::tiny_answers("x", "  size: small\n  a1: 2\n  b1: 4\n  c1: 5\n", d),
      test::tiny_answers("y", "  size: small\n  a2: 2\n  b2: 3\n", d),
      test::tiny_answers("z", "  size: large\n  a1: 1\n  a2: 5\n  b1: 1\n  b2: 1\n  c1: 1\n", d)};
  BOOST_REQUIRE(d.empty());
  const auto forward = score(q, batch);
  std::swap(batch[0], batch[2]);
  const auto backward = score(q, batch);
  for (int i = 0; i < 3; ++i) {
    const Placement& f = forward[i];
    const Placement& b = backward[2 - i];
    BOOST_TEST(f.participant == b.participant);
    for (int s = 0; s < 4; ++s) BOOST_TEST(f.scenes[s].score == b.scenes[s].score);
    BOOST_TEST(f.current == b.current);
  }
  BOOST_TEST(*forward[2].scenes[0].score == 0.0);  // a1 = 1 and reversed a2 = 5 both count 0
}

BOOST_AUTO_TEST_CASE(evidence_says_what_made_each_score_in_points) {
  const Placement p = score_one(
      "  a1: 5\n  a2: 1\n  b1: 5\n  b2: 1\n  eps:\n"
      "    - {from: 2019, to: 2021, title: A, who: me, what: fixed, role: led}\n");
  // fix.near = 87.5: a1 and reversed a2 give .75 * 100 * 1/2 each, the led episode .25 * 100 * 1/2.
  const auto& ev = p.scenes[0].evidence;
  BOOST_REQUIRE(ev.size() == 3u);
  BOOST_TEST(ev[0].item == "a1");
  BOOST_TEST(ev[0].points == 37.5, tt::tolerance(1e-9));
  BOOST_TEST(ev[0].answer == 5.0);
  BOOST_TEST(ev[1].item == "a2");
  BOOST_TEST(ev[1].answer == 1.0);
  BOOST_TEST((ev[2].kind == Contribution::Kind::episode));
  BOOST_TEST(ev[2].episode == 1);
  BOOST_TEST(ev[2].points == 12.5, tt::tolerance(1e-9));
  // fix.far = 75 * 2/3 = 50: b1 gives all of it, b2 (answered 1) gives nothing but is listed.
  const auto& far = p.scenes[1].evidence;
  BOOST_REQUIRE(far.size() == 2u);
  BOOST_TEST(far[0].item == "b1");
  BOOST_TEST(far[0].points == 50.0, tt::tolerance(1e-9));
  BOOST_TEST(far[1].item == "b2");
  BOOST_TEST(far[1].points == 0.0);
  for (const auto& sc : p.scenes) {
    double sum = 0;
    for (const auto& c : sc.evidence) sum += c.points;
    BOOST_TEST(sum == sc.score.value_or(0), tt::tolerance(1e-9));
  }
  BOOST_TEST(p.scenes[2].evidence.empty());  // no score, no evidence
  BOOST_TEST(p.scenes[2].required == 1);
}

BOOST_AUTO_TEST_CASE(frontier_and_walls_not_yet_crossed) {
  // fix.near .75 (exactly the default threshold) and fix.far .83 reach it; deep.far .5 does not.
  const Placement far = score_one("  a1: 4\n  a2: 2\n  b1: 5\n  b2: 3\n");
  BOOST_TEST(*far.frontier_stage == 1);
  BOOST_TEST(*far.frontier_level == 0);
  BOOST_TEST(far.walls_ahead.empty());  // the wall after `near` is crossed
  const Placement near = score_one("  a1: 4\n  b1: 2\n  c1: 5\n");
  BOOST_TEST(*near.frontier_stage == 0);
  BOOST_TEST(*near.frontier_level == 1);  // deep.near 1.0
  BOOST_TEST(near.walls_ahead == (std::vector<int>{0}), tt::per_element());
  // An episode is evidence even where the items are low.
  const Placement ep = score_one("  a1: 1\n  b1: 1\n  eps:\n    - {from: 2020, title: T, who: town, what: deeper}\n");
  BOOST_TEST(*ep.frontier_stage == 1);
  BOOST_TEST(*ep.frontier_level == 1);
  // Neutral is not evidence: every scene answered 3 of 1..5.
  const Placement neutral = score_one("  a1: 3\n  a2: 3\n  b1: 3\n  b2: 3\n  c1: 3\n");
  BOOST_TEST(!neutral.frontier_stage.has_value());
  BOOST_TEST(neutral.walls_ahead == (std::vector<int>{0}), tt::per_element());
  const Placement none = score_one("  a1: 1\n");
  BOOST_TEST(!none.frontier_stage.has_value());
  BOOST_TEST(none.walls_ahead == (std::vector<int>{0}), tt::per_element());
}

// FORMAT.md "Episode fields": an episode whose role weighs 0 is placed (on the path, at its
// scene) but adds nothing; when all placed episodes weigh 0, a score is 100 x item part.
BOOST_AUTO_TEST_CASE(an_episode_whose_role_weighs_0_is_placed_and_adds_nothing) {
  std::string text = test::kQuestionnaire;
  const std::string from = "{led: 1, helped: 0.5}";
  BOOST_REQUIRE(text.find(from) != std::string::npos);
  text.replace(text.find(from), from.size(), "{led: 1, helped: 0}");
  Diagnostics d;
  const Questionnaire q = Questionnaire::parse(text, "tiny.yaml", test::tiny_model(), d);
  const Answers a = parse_answers(q, "questionnaire: tiny\nparticipant: p1\nanswers:\n  size: small\n"
                                     "  a1: 5\n  a2: 1\n  b2: 5\n  eps:\n"
                                     "    - {from: 2020, title: B, who: town, what: deeper, role: helped}\n",
                                  "p1.yaml", d);
  for (const auto& x : d.list()) BOOST_TEST_MESSAGE(x.format());
  BOOST_REQUIRE(!d.has_errors());
  const Placement p = score(q, std::vector<Answers>{a})[0];
  BOOST_REQUIRE_EQUAL(p.path.size(), 1u);
  BOOST_TEST(p.path[0].scene == 3);
  BOOST_TEST(p.scenes[3].episode_evidence == 0.0);
  BOOST_TEST(*p.scenes[0].score == 100.0);  // not 75: no episode weighs above 0
  BOOST_TEST(*p.scenes[3].score == 100.0);
  BOOST_TEST(p.scenes[3].evidence.size() == 1u);  // b2 only; the weight-0 episode gives no points
}

// The keyed answers score hands back are collect_responses' table of the same batch, NaN where
// unanswered, and asking for them changes no placement.
BOOST_AUTO_TEST_CASE(the_keyed_answers_scored_are_those_collect_responses_gives) {
  const Questionnaire q = test::tiny_questionnaire();
  std::vector<Answers> batch;
  for (const char* body : {"  a1: 5\n  a2: 1\n", "  b1: 3\n  b2: 4\n  c1: 2\n", "  a1: 2\n  c1: 5\n"}) {
    Diagnostics d;
    batch.push_back(test::tiny_answers("p" + std::to_string(batch.size()), std::string("  size: small\n") + body, d));
    BOOST_REQUIRE(!d.has_errors());
  }
  ItemResponses got;
  const std::vector<Placement> with = score(q, batch, false, &got), without = score(q, batch, false);
  const ItemResponses want = collect_responses(q, batch);
  BOOST_TEST(got.items == want.items, tt::per_element());
  BOOST_TEST(got.rows == 3u);
  BOOST_REQUIRE(got.values.size() == want.values.size());
  for (size_t i = 0; i < got.values.size(); ++i)
    BOOST_TEST((got.values[i] == want.values[i] || (got.values[i] != got.values[i] && want.values[i] != want.values[i])));
  BOOST_TEST(got.at(0, 0) == 5.0f);
  for (size_t n = 0; n < batch.size(); ++n) {
    BOOST_TEST(with[n].current == without[n].current);
    BOOST_TEST(with[n].centroid_stage == without[n].centroid_stage);
  }
}

BOOST_AUTO_TEST_SUITE_END()
