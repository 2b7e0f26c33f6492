// The fast scorer (engine/scoring) against the reference scorer of FORMAT.md "Scoring"
// (tests/scoring_reference.hpp, exact rationals) on thousands of random questionnaires,
// models and answers, field by field. Numbers the engine keeps as doubles are compared
// with the exact rationals to 1e-9; every decision (null, current scene, frontier, walls,
// next steps and their order, path order, evidence order) must be identical.
#include <boost/test/unit_test.hpp>
#include <chrono>
#include <ctime>

#include "engine/answers.hpp"
#include "engine/scoring.hpp"
#include "tests/scoring_reference.hpp"

using namespace careermap;
namespace ref = careermap::reference;

namespace {

double dbl(const ref::Q& q) { return q.convert_to<double>(); }

bool close(double got, const ref::Q& want) {
  const double w = dbl(want);
  return std::fabs(got - w) <= 1e-9 * std::max(1.0, std::fabs(w));
}

struct Loaded {
  Questionnaire q;
  std::vector<Answers> batch;
};

Loaded load(const ref::Spec& sp) {
  Diagnostics d;
  const Model m = Model::parse(ref::model_yaml(sp), "model.yaml", d);
  Loaded l;
  l.q = Questionnaire::parse(ref::questionnaire_yaml(sp), "q.yaml", m, d);
  for (const auto& p : sp.people) l.batch.push_back(parse_answers(l.q, ref::answers_yaml(p), p.id + ".yaml", d));
  for (const auto& x : d.list())
    if (x.severity == Severity::error) BOOST_FAIL(x.format() + "\n" + ref::questionnaire_yaml(sp));
  return l;
}

// Compares one participant; returns false (with a message) at the first difference.
bool same(const ref::Spec& sp, const ref::Result& want, const Placement& got, std::string& why) {
  auto fail = [&](const std::string& what) {
    why = got.participant + ": " + what;
    return false;
  };
  for (int s = 0; s < sp.scenes(); ++s) {
    const ref::SceneResult& w = want.scenes[s];
    const SceneScore& g = got.scenes[s];
    const std::string at = sp.scene_id(s) + ": ";
    if (g.items != w.keyed) return fail(at + "keyed items");
    if (g.answered != w.answered) return fail(at + "answered");
    if (g.required != w.needed) return fail(at + "answers needed");
    if (!close(g.episode_evidence, w.E)) return fail(at + "episodes");
    if (g.score.has_value() != w.score.has_value()) return fail(at + "null-ness of the score");
    if (g.item_part.has_value() != w.part.has_value()) return fail(at + "null-ness of the item part");
    if (w.score && !close(*g.score, *w.score)) return fail(at + "score " + std::to_string(*g.score));
    if (w.part && !close(*g.item_part, *w.part)) return fail(at + "item part");
    if (g.evidence.size() != w.evidence.size()) return fail(at + "number of contributions");
    for (size_t k = 0; k < w.evidence.size(); ++k) {
      const Contribution& ge = g.evidence[k];
      const ref::Contribution& we = w.evidence[k];
      const std::string c = at + "contribution " + std::to_string(k + 1) + ": ";
      if ((ge.kind == Contribution::Kind::episode) != we.episode) return fail(c + "kind");
      if (we.episode && ge.episode != we.order) return fail(c + "episode");
      if (!we.episode && (ge.item != we.item || ge.answer != we.answer)) return fail(c + "item");
      if (!close(ge.points, we.points)) return fail(c + "points");
    }
  }
  if (got.current != want.current) return fail("current scene");
  if (got.centroid_stage.has_value() != want.centroid_stage.has_value()) return fail("null-ness of the centroid");
  if (want.centroid_stage &&
      (!close(*got.centroid_stage, *want.centroid_stage) || !close(*got.centroid_level, *want.centroid_level)))
    return fail("centroid");
  if (got.frontier_stage != want.frontier_stage || got.frontier_level != want.frontier_level) return fail("frontier");
  if (got.walls_ahead != want.walls_ahead) return fail("walls not yet crossed");
  if (got.next_steps != want.next_steps) return fail("next steps");
  if (got.path.size() != want.path.size()) return fail("path length");
  for (size_t k = 0; k < want.path.size(); ++k)
    if (got.path[k].written != want.path[k].written || got.path[k].scene != want.path[k].scene ||
        got.path[k].order != static_cast<int>(k) + 1)
      return fail("path step " + std::to_string(k + 1));
  return true;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(scoring_reference)

BOOST_AUTO_TEST_CASE(the_engine_scores_exactly_as_format_md_says_on_random_questionnaires) {
  const int cases = 1500;
  ref::Generator gen(20261201);
  size_t people = 0, scenes = 0, nulls = 0, ties = 0, at_threshold = 0, integral_share = 0, zero_role = 0,
         no_centroid = 0;
  const auto t0 = std::chrono::steady_clock::now();
  const std::clock_t c0 = std::clock();
  for (int c = 0; c < cases; ++c) {
    const ref::Spec sp = gen.spec();
    const Loaded l = load(sp);
    const auto placements = score(l.q, l.batch);
    BOOST_REQUIRE_EQUAL(placements.size(), sp.people.size());
    for (size_t n = 0; n < sp.people.size(); ++n) {
      const ref::Result want = ref::score_reference(sp, sp.people[n]);
      std::string why;
      if (!same(sp, want, placements[n], why))
        BOOST_FAIL("case " << c << ", " << why << "\n--- questionnaire\n" << ref::questionnaire_yaml(sp)
                           << "--- model\n" << ref::model_yaml(sp) << "--- answers\n"
                           << ref::answers_yaml(sp.people[n]));
      // What the random cases exercised (the boundaries must be hit, not only possible).
      ++people;
      const ref::Q threshold = sp.threshold ? sp.threshold->value : ref::Q(3, 4);
      const ref::Q share = sp.share ? sp.share->value : ref::Q(1, 2);
      for (int s = 0; s < sp.scenes(); ++s) {
        const auto& w = want.scenes[s];
        ++scenes;
        nulls += !w.score;
        at_threshold += w.part && *w.part == threshold;
        integral_share += w.keyed > 0 && share * w.keyed == ref::ceil_q(share * w.keyed) && share > 0;
        for (int t = s + 1; t < sp.scenes(); ++t) ties += w.score && want.scenes[t].score && *w.score == *want.scenes[t].score;
      }
      no_centroid += want.current && !want.centroid_stage;
      for (const auto& e : sp.people[n].episodes)
        zero_role += e.stage && e.level && e.role && sp.role_weights[*e.role] && sp.role_weights[*e.role]->value == 0;
    }
  }
  const double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  const double cpu = static_cast<double>(std::clock() - c0) / CLOCKS_PER_SEC;
  BOOST_TEST_MESSAGE("scoring_reference: " << cases << " questionnaires, " << people << " participants, " << scenes
                                           << " scenes in " << secs << " s wall, " << cpu << " s CPU ("
                                           << cases / cpu << " cases per CPU second); "
                                           << nulls << " null scores, " << ties << " exactly tied pairs, "
                                           << at_threshold << " item parts exactly at the threshold, "
                                           << integral_share << " scenes with share x n whole, " << zero_role
                                           << " placed episodes of role weight 0, " << no_centroid
                                           << " all-zero participants with a current scene");
  BOOST_TEST(nulls > 1000u);
  BOOST_TEST(ties > 1000u);
  BOOST_TEST(at_threshold > 500u);
  BOOST_TEST(integral_share > 1000u);
  BOOST_TEST(zero_role > 100u);
  BOOST_TEST(no_centroid > 10u);
}

BOOST_AUTO_TEST_SUITE_END()
