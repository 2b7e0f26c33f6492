#include "engine/model.hpp"

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

BOOST_AUTO_TEST_SUITE_END()
