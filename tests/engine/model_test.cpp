#include "engine/model.hpp"

#include <algorithm>

#include <boost/test/unit_test.hpp>

#include "tests/testutil.hpp"

using namespace careermap;

BOOST_AUTO_TEST_SUITE(model)

BOOST_AUTO_TEST_CASE(scenes_are_numbered_row_by_level_then_stage) {
  const Model m = test::tiny_model();
  BOOST_REQUIRE(m.scene_count() == 4);
  BOOST_TEST(m.scenes[0].id == "fix.near");
  BOOST_TEST(m.scenes[1].id == "fix.far");
  BOOST_TEST(m.scenes[2].id == "deep.near");
  BOOST_TEST(m.scenes[3].number == 4);
  BOOST_TEST(m.scenes[3].stage == 1);
  BOOST_TEST(m.scenes[3].level == 1);
  BOOST_TEST(*m.find_scene("deep.near") == 2);
  BOOST_TEST(m.scene_index(1, 0) == 1);
  BOOST_TEST(m.wall_after(0)->label.ja == "壁");
  BOOST_TEST(m.wall_after(1) == nullptr);
}

BOOST_AUTO_TEST_CASE(the_shipped_model_has_twelve_scenes_in_the_documented_order) {
  Diagnostics d;
  const Model m = Model::load(std::string(CAREERMAP_SOURCE_DIR) + "/questionnaires/model.yaml", d);
  BOOST_TEST(d.empty());
  BOOST_REQUIRE(m.scene_count() == 12);
  BOOST_TEST(m.scenes[0].id == "fix.individual");
  BOOST_TEST(m.scenes[3].id == "fix.region");
  BOOST_TEST(m.scenes[4].id == "improve.individual");
  BOOST_TEST(m.scenes[11].id == "innovate.region");
  for (const auto& s : m.scenes) {
    BOOST_TEST(!s.label.ja.empty());
    BOOST_TEST(!s.label.en.empty());
    BOOST_TEST(!s.description.ja.empty());
  }
  BOOST_TEST(m.walls.size() == 4u);
}

BOOST_AUTO_TEST_CASE(reports_every_problem_with_its_location) {
  Diagnostics d;
  Model::parse(R"(stages:
  - {id: a, label: A}
  - {id: a, label: B}
levels:
  - {id: x}
scenes:
  x.b: {label: nope}
walls:
  - {after: z, label: W}
)", "m.yaml", d);
  const std::vector<std::string> want = {
      "m.yaml:3:10: error: a: duplicate id",
      "m.yaml:5:5: error: x: needs a label",
      "m.yaml:7:3: error: x.b: unknown scene id (expected <level>.<stage>)",
      "m.yaml: error: x.a: scene has no label",
      "m.yaml:9:13: error: walls: a wall needs after: <stage id>",
  };
  BOOST_TEST(test::messages(d) == want, boost::test_tools::per_element());
}

// A value of the wrong shape (a scalar where a map or a list belongs) is a diagnostic with
// its place, never a yaml-cpp exception in yaml-cpp's words.
BOOST_AUTO_TEST_CASE(values_of_the_wrong_shape_are_diagnostics_not_exceptions) {
  const std::string head = "stages:\n  - {id: a, label: A}\nlevels:\n  - {id: x, label: X}\n";
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"walls: [x]\n", "m.yaml:5:9: error: walls: expected a map {after: <stage id>, label}"},
      {"walls: x\n", "m.yaml:5:8: error: walls: expected a list of {after: <stage id>, label}"},
      {"scenes:\n  x.a: hello\n", "m.yaml:6:8: error: x.a: expected a map with label, description and skills"},
      {"scenes:\n  x.a: {label: L, skills: s}\n", "m.yaml:6:27: error: x.a: skills: expected a list of texts"},
  };
  for (const auto& [tail, want] : cases) {
    Diagnostics d;
    BOOST_CHECK_NO_THROW(Model::parse(head + tail, "m.yaml", d));
    const auto got = test::messages(d);
    BOOST_TEST_CONTEXT(tail) { BOOST_TEST(std::count(got.begin(), got.end(), want) == 1); }
  }
}

BOOST_AUTO_TEST_SUITE_END()
