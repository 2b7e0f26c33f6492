// `careermap score --format json` against the reference scorer of FORMAT.md "Scoring"
// (tests/scoring_reference.hpp) on random questionnaires, models and answers written to
// files: the printed numbers are checked too. The program rounds scores and points to 2
// decimals and the centroid to 3, so those are compared with the exact rationals to half
// a unit of their last place; `episodes` (a multiple of 0.0001, printed to 4 decimals),
// counts, ids and every order must match exactly.
#include <yaml-cpp/yaml.h>

#include <boost/test/unit_test.hpp>
#include <chrono>
#include <fstream>

#include "tests/e2e/run.hpp"
#include "tests/scoring_reference.hpp"
#include "tests/testutil.hpp"

namespace ref = careermap::reference;
using careermap::test::run;

namespace {

void write(const std::filesystem::path& p, const std::string& text) {
  std::ofstream(p, std::ios::binary) << text;
}

bool near(const YAML::Node& n, const ref::Q& want, double half_unit) {
  return n.IsScalar() && n.Scalar() != "null" &&
         std::fabs(n.as<double>() - want.convert_to<double>()) <= half_unit + 1e-9;
}

std::string opt_id(const YAML::Node& n) { return n.IsNull() || n.Scalar() == "null" ? "null" : n.as<std::string>(); }

// The first difference between the program's participant `got` and the reference, or "".
std::string differs(const ref::Spec& sp, const ref::Participant& p, const ref::Result& want, const YAML::Node& got) {
  if (got["id"].as<std::string>() != p.id) return "id";
  const YAML::Node scenes = got["scenes"];
  if (static_cast<int>(scenes.size()) != sp.scenes()) return "scene count";
  for (int s = 0; s < sp.scenes(); ++s) {
    const YAML::Node g = scenes[s];
    const ref::SceneResult& w = want.scenes[s];
    const std::string at = sp.scene_id(s) + ": ";
    if (g["id"].as<std::string>() != sp.scene_id(s) || g["number"].as<int>() != s + 1) return at + "id";
    if (g["answered"].as<int>() != w.answered || g["items"].as<int>() != w.keyed || g["needs"].as<int>() != w.needed)
      return at + "counts";
    if (!near(g["episodes"], w.E, 0)) return at + "episodes";
    if ((opt_id(g["score"]) == "null") != !w.score) return at + "null-ness";
    if (w.score && !near(g["score"], *w.score, 0.005)) return at + "score";
    const YAML::Node ev = g["evidence"];
    if (ev.size() != w.evidence.size()) return at + "contributions";
    for (size_t k = 0; k < w.evidence.size(); ++k) {
      const ref::Contribution& c = w.evidence[k];
      if (c.episode ? (!ev[k]["episode"] || ev[k]["episode"].as<int>() != c.order)
                    : (!ev[k]["item"] || ev[k]["item"].as<std::string>() != c.item || ev[k]["answer"].as<int>() != c.answer))
        return at + "contribution " + std::to_string(k + 1);
      if (!near(ev[k]["points"], c.points, 0.005)) return at + "points of contribution " + std::to_string(k + 1);
    }
  }
  if (opt_id(got["current"]) != (want.current ? sp.scene_id(*want.current) : "null")) return "current";
  const YAML::Node f = got["frontier"];
  if (f.IsNull() != !want.frontier_stage) return "frontier null-ness";
  if (want.frontier_stage && (f["stage"].as<std::string>() != "s" + std::to_string(*want.frontier_stage) ||
                              f["level"].as<std::string>() != "l" + std::to_string(*want.frontier_level)))
    return "frontier";
  const YAML::Node walls = got["walls_ahead"];
  if (walls.size() != want.walls_ahead.size()) return "walls";
  for (size_t k = 0; k < want.walls_ahead.size(); ++k) {
    const int after = sp.walls[want.walls_ahead[k]];
    if (walls[k]["after"].as<std::string>() != "s" + std::to_string(after) ||
        opt_id(walls[k]["before"]) != (after + 1 < sp.stages ? "s" + std::to_string(after + 1) : "null"))
      return "wall " + std::to_string(k + 1);
  }
  const YAML::Node c = got["centroid"];
  if (c.IsNull() != !want.centroid_stage) return "centroid null-ness";
  if (want.centroid_stage && (!near(c["stage"], *want.centroid_stage, 0.0005) || !near(c["level"], *want.centroid_level, 0.0005)))
    return "centroid";
  const YAML::Node next = got["next_steps"];
  if (next.size() != want.next_steps.size()) return "next steps";
  for (size_t k = 0; k < want.next_steps.size(); ++k)
    if (next[k].as<std::string>() != sp.scene_id(want.next_steps[k])) return "next step " + std::to_string(k + 1);
  const YAML::Node path = got["path"];
  if (path.size() != want.path.size()) return "path";
  for (size_t k = 0; k < want.path.size(); ++k) {
    const ref::EpisodeAnswer& e = p.episodes[want.path[k].written - 1];
    const YAML::Node g = path[k];
    if (g["title"].as<std::string>() != "T" + std::to_string(want.path[k].written) || g["from"].as<int>() != e.from ||
        opt_id(g["to"]) != (e.to ? std::to_string(*e.to) : "null") ||
        opt_id(g["scene"]) != (want.path[k].scene ? sp.scene_id(*want.path[k].scene) : "null") ||
        opt_id(g["role"]) != (e.role ? "r" + std::to_string(*e.role) : "null"))
      return "path step " + std::to_string(k + 1);
  }
  return "";
}

}  // namespace

BOOST_AUTO_TEST_SUITE(scoring_reference_e2e)

BOOST_AUTO_TEST_CASE(score_prints_what_the_reference_scorer_computes) {
  const int cases = 60;
  ref::Generator gen(77);
  careermap::test::TempDir dir;
  const auto t0 = std::chrono::steady_clock::now();
  size_t people = 0;
  for (int c = 0; c < cases; ++c) {
    const ref::Spec sp = gen.spec();
    write(dir.path() / "model.yaml", ref::model_yaml(sp));
    write(dir.path() / "q.yaml", ref::questionnaire_yaml(sp));
    std::string files;
    for (const auto& p : sp.people) {
      write(dir.path() / (p.id + ".yaml"), ref::answers_yaml(p));
      files += " " + (dir.path() / (p.id + ".yaml")).string();
    }
    const auto r = run(std::string(CAREERMAP_BINARY) + " score --format json -q " + (dir.path() / "q.yaml").string() + files);
    BOOST_REQUIRE_MESSAGE(r.status == 0, "case " << c << ": exit " << r.status << "\n" << r.err);
    const YAML::Node out = YAML::Load(r.out);
    BOOST_REQUIRE_EQUAL(out["participants"].size(), sp.people.size());
    for (size_t n = 0; n < sp.people.size(); ++n, ++people) {
      const std::string why = differs(sp, sp.people[n], ref::score_reference(sp, sp.people[n]), out["participants"][n]);
      BOOST_REQUIRE_MESSAGE(why.empty(), "case " << c << ", " << sp.people[n].id << ": " << why << "\n--- questionnaire\n"
                                                 << ref::questionnaire_yaml(sp) << "--- answers\n"
                                                 << ref::answers_yaml(sp.people[n]) << "--- output\n" << r.out);
    }
  }
  const double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  BOOST_TEST_MESSAGE("scoring_reference_e2e: " << cases << " questionnaires, " << people << " participants through `score` in "
                                               << secs << " s (" << cases / secs << " cases/s)");
}

BOOST_AUTO_TEST_SUITE_END()
