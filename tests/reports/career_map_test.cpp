#include "reports/career_map.hpp"

#include <boost/test/unit_test.hpp>

#include "tests/testutil.hpp"

using namespace careermap;
namespace tt = boost::test_tools;

namespace {

Templates shipped_templates() {
  Diagnostics d;
  Templates t = Templates::load(std::string(CAREERMAP_SOURCE_DIR) + "/templates/careermap.yaml", d);
  BOOST_REQUIRE(d.empty());
  return t;
}

struct Fixture {
  Questionnaire q = test::tiny_questionnaire();
  Templates t = shipped_templates();
  Answers a;
  Placement p;
  Fixture() {
    Diagnostics d;
    a = parse_answers(q,
                      "questionnaire: tiny\nparticipant: p7\nname: 架空 花子\ncohort: '2026'\nanswers:\n"
                      "  size: small\n  a1: 4\n  a2: 2\n  b1: 5\n  b2: 1\n  eps:\n"
                      "    - {from: 2022, title: 見守り, who: town, what: fixed, role: helped}\n"
                      "    - {from: 2019, to: 2021, title: 手順書, who: me, what: fixed, role: led}\n"
                      "    - {from: 2023, to: 2023, title: 場所不明}\n",
                      "p7.yaml", d);
    BOOST_REQUIRE(!d.has_errors());
    p = score(q, std::vector<Answers>{a})[0];
  }
};

}  // namespace

BOOST_FIXTURE_TEST_SUITE(career_map, Fixture)

BOOST_AUTO_TEST_CASE(header_texts_in_japanese) {
  const CareerMapContent c = build_career_map(q, a, p, t, Lang::ja, "2026-07-01");
  BOOST_TEST(c.title == "改善キャリアマップ");
  BOOST_TEST(c.participant == "架空 花子 さん");
  BOOST_TEST(c.questionnaire == "小さな質問票");
  BOOST_TEST(c.cohort == "2026期");
  BOOST_TEST(c.date_line == "作成日 2026-07-01");
}

BOOST_AUTO_TEST_CASE(without_a_name_the_id_is_shown) {
  a.name.clear();
  const CareerMapContent c = build_career_map(q, a, p, t, Lang::en, "2026-07-01");
  BOOST_TEST(c.participant == "p7");
  BOOST_TEST(c.title == "Improvement career map");
  BOOST_TEST(c.cohort == "Cohort 2026");
}

BOOST_AUTO_TEST_CASE(cells_carry_scores_marks_and_labels) {
  const CareerMapContent c = build_career_map(q, a, p, t, Lang::ja, "2026-07-01");
  BOOST_REQUIRE(c.cells.size() == 4u);
  BOOST_TEST(c.stage_labels == (std::vector<std::string>{"近い", "遠い"}), tt::per_element());
  BOOST_TEST(c.level_labels == (std::vector<std::string>{"直す", "深める"}), tt::per_element());
  BOOST_TEST(c.wall_labels == (std::vector<std::string>{"壁", ""}), tt::per_element());
  // fix.near: items .75 with a led episode (1/2): .75*.75 + .25*.5 = .6875
  BOOST_TEST(c.cells[0].score_text == "69");
  BOOST_TEST(c.cells[0].label == "近くを直す");
  BOOST_TEST(c.cells[0].number_text == "場面1");
  BOOST_TEST(c.cells[2].score_text == "スコアなし");  // deep.near has no answers
  BOOST_TEST(!c.cells[2].score.has_value());
  int current = 0, next = 0;
  for (const auto& cell : c.cells) {
    current += cell.current;
    next += cell.next_step;
  }
  BOOST_TEST(current == 1);
  BOOST_TEST(c.cells[*p.current].current);
  BOOST_TEST(next == static_cast<int>(p.next_steps.size()));
}

BOOST_AUTO_TEST_CASE(the_path_lists_episodes_in_time_order_with_years_and_roles) {
  const CareerMapContent c = build_career_map(q, a, p, t, Lang::ja, "2026-07-01");
  BOOST_REQUIRE(c.path.size() == 3u);
  BOOST_TEST(c.path[0].years == "2019–2021");
  BOOST_TEST(c.path[0].title == "手順書");
  BOOST_TEST(c.path[0].role == "led");  // the tiny questionnaire's role options have no labels
  BOOST_TEST(*c.path[0].scene == 0);
  BOOST_TEST(c.path[1].years == "2022–継続中");
  BOOST_TEST(*c.path[1].scene == 1);
  BOOST_TEST(c.path[2].years == "2023");
  BOOST_TEST(!c.path[2].scene.has_value());
  BOOST_TEST(c.not_placed == "（場面を特定できません）");
}

BOOST_AUTO_TEST_CASE(english_switches_every_template_but_not_the_participants_words) {
  const CareerMapContent c = build_career_map(q, a, p, t, Lang::en, "2026-07-01");
  BOOST_TEST(c.cells[2].score_text == "No score");
  BOOST_TEST(c.cells[0].label == "Fix near");
  BOOST_TEST(c.path[1].years == "2022–ongoing");
  BOOST_TEST(c.path[0].title == "手順書");
  BOOST_TEST(c.legend_current == "You are here");
}

BOOST_AUTO_TEST_SUITE_END()
