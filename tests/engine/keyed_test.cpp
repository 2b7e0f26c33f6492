#include "engine/keyed.hpp"

#include <boost/test/unit_test.hpp>

#include "engine/scoring.hpp"
#include "tests/testutil.hpp"

using namespace careermap;

namespace {

// 25 items keyed to fix.near with `scoring` settings, on a 1..5 scale, each weight `w`.
Questionnaire many_items(const std::string& scoring, const std::string& w = "1") {
  std::string t = "questionnaire: t\ntitle: T\nscales:\n  s5: {min: 1, max: 5}\n  s4: {min: 0, max: 3}\n" + scoring +
                  "sections:\n  - id: main\n    items:\n";
  for (int i = 1; i <= 25; ++i)
    t += "      - {id: i" + std::to_string(i) + ", type: likert, scale: s5, key: {scene: fix.near, weight: " + w +
         "}, text: I}\n";
  t += "      - {id: f1, type: likert, scale: s5, key: {scene: fix.far, weight: 0.1}, text: F}\n"
       "      - {id: f2, type: likert, scale: s4, key: {scene: fix.far, weight: 0.2}, text: F}\n"
       "      - {id: d1, type: likert, scale: s4, key: {scene: deep.near, weight: 0.3}, text: D}\n"
       "      - {id: g1, type: likert, scale: s5, key: {scene: deep.far, weight: 0.7}, text: G}\n";
  Diagnostics d;
  Questionnaire q = Questionnaire::parse(t, "q.yaml", test::tiny_model(), d);
  BOOST_REQUIRE_MESSAGE(!d.has_errors(), (d.has_errors() ? test::messages(d).front() : std::string()));
  return q;
}

Answers answers(std::initializer_list<std::pair<const char*, int>> v) {
  Answers a;
  a.participant = "p1";
  for (const auto& [id, x] : v) a.values[id].number = x;
  return a;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(keyed)

BOOST_AUTO_TEST_CASE(the_answers_a_scene_needs_are_a_whole_number_ceiling) {
  BOOST_TEST(required_answers(Decimal{2800}, 25) == 7);  // 0.28 x 25 = 7 (a double says 7.000000000000001)
  BOOST_TEST(required_answers(Decimal{2801}, 25) == 8);
  BOOST_TEST(required_answers(Decimal{5000}, 3) == 2);
  BOOST_TEST(required_answers(Decimal{0}, 25) == 1);
  BOOST_TEST(required_answers(Decimal{10000}, 25) == 25);
  BOOST_TEST(required_answers(Decimal{5000}, 0) == 1);
  const Questionnaire q = many_items("scoring:\n  min_answered_share: 0.28\n");
  std::vector<Answers> batch{answers({{"i1", 5}, {"i2", 5}, {"i3", 5}, {"i4", 5}, {"i5", 5}, {"i6", 5}, {"i7", 4}})};
  const auto p = score(q, batch);
  BOOST_TEST(p[0].scenes[0].required == 7);
  BOOST_REQUIRE(p[0].scenes[0].score.has_value());
  BOOST_TEST(*p[0].scenes[0].score == 100.0 * 27 / 28, boost::test_tools::tolerance(1e-12));
}

BOOST_AUTO_TEST_CASE(an_item_part_equal_to_the_threshold_is_evidence) {
  // fix.far: f1 = 2 of 1..5 (1/4, weight 0.1) and f2 = 3 of 0..3 (1, weight 0.2):
  // (0.1 x 1/4 + 0.2 x 1) / 0.3 = 0.75 exactly, which doubles of 0.1, 0.2 and 0.3 miss.
  const Questionnaire q = many_items("scoring:\n  evidence_threshold: 0.75\n");
  std::vector<Answers> eq{answers({{"f1", 2}, {"f2", 3}})};
  const auto p = score(q, eq);
  BOOST_REQUIRE(p[0].frontier_stage.has_value());
  BOOST_TEST(*p[0].frontier_stage == 1);
  BOOST_TEST(*p[0].frontier_level == 0);
  BOOST_TEST(p[0].walls_ahead.empty());
  std::vector<Answers> below{answers({{"f1", 1}, {"f2", 3}})};  // 2/3
  BOOST_TEST(!score(q, below)[0].frontier_stage.has_value());
}

BOOST_AUTO_TEST_CASE(exactly_equal_scores_tie_by_the_rule_not_by_rounding) {
  // fix.far = 75 as above (2 answered) and deep.far: g1 = 4 of 1..5 = 75 (1 answered).
  // The tie goes to more answered items: fix.far, however the doubles round.
  const Questionnaire q = many_items("");
  std::vector<Answers> batch{answers({{"f1", 2}, {"f2", 3}, {"g1", 4}})};
  auto p = score(q, batch);
  BOOST_REQUIRE(p[0].current.has_value());
  BOOST_TEST(*p[0].current == 1);
  BOOST_TEST(*p[0].scenes[1].score == 75.0, boost::test_tools::tolerance(1e-12));
  BOOST_TEST(*p[0].scenes[3].score == 75.0, boost::test_tools::tolerance(1e-12));
}

BOOST_AUTO_TEST_CASE(no_centroid_when_every_score_is_0) {
  // Reversed and weighted items whose normalised answers are exactly 0 (a double of
  // (5 - x) x (-1/4) + 5/4 used to leave 1e-17 and print a centroid).
  const Questionnaire q = many_items("");
  std::vector<Answers> batch{answers({{"f1", 1}, {"f2", 0}, {"d1", 0}, {"g1", 1}})};
  const auto p = score(q, batch);
  for (int s = 1; s < 4; ++s) BOOST_TEST(*p[0].scenes[s].score == 0.0);
  BOOST_TEST(!p[0].centroid_stage.has_value());
  BOOST_TEST(!p[0].centroid_level.has_value());
  BOOST_TEST(*p[0].current == 1);  // a score of 0 is still a score: ties go to more answers
}

BOOST_AUTO_TEST_SUITE_END()
