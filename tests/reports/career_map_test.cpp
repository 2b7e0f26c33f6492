#include "reports/career_map.hpp"
#include "reports/page_frame.hpp"

#include <boost/test/unit_test.hpp>

#include "tests/testutil.hpp"

using namespace careermap;
namespace tt = boost::test_tools;

namespace {

struct Fixture {
  Questionnaire q = test::tiny_questionnaire();
  Templates t = test::shipped_templates("careermap.yaml");
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
  BOOST_TEST(frame::score_text(c.cells[0].score, c.no_score) == "69");
  BOOST_TEST(*c.cells[0].score == 68.75);
  BOOST_TEST(c.cells[0].label == "近くを直す");
  BOOST_TEST(c.cells[0].number_text == "場面1");
  BOOST_TEST(c.no_score == "スコアなし");  // deep.near has no answers
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
  BOOST_TEST(c.no_score == "No score");
  BOOST_TEST(!c.cells[2].score.has_value());
  BOOST_TEST(c.cells[0].label == "Fix near");
  BOOST_TEST(c.path[1].years == "2022–ongoing");
  BOOST_TEST(c.path[0].title == "手順書");
  BOOST_TEST(c.legend_current == "You are here");
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(career_map_profile)

namespace {

struct Sample {
  Questionnaire q;
  Templates t = test::shipped_templates("careermap.yaml");
  Answers a;
  Placement p;
  explicit Sample(const std::string& file) {
    Diagnostics d;
    q = Questionnaire::load(std::string(CAREERMAP_SOURCE_DIR) + "/questionnaires/presession-v1.yaml", d);
    a = load_answers(q, std::string(CAREERMAP_SOURCE_DIR) + "/questionnaires/samples/" + file, d);
    BOOST_REQUIRE(!d.has_errors());
    p = score(q, std::vector<Answers>{a})[0];
  }
};

}  // namespace

BOOST_AUTO_TEST_CASE(strengths_walls_and_the_participants_words) {
  const Sample s("p01.yaml");
  const CareerMapContent c = build_career_map(s.q, s.a, s.p, s.t, Lang::ja, "2026-07-01");
  // p01: only fix.individual (81) is at or above the evidence threshold (75); fix.workplace
  // (72) and improve.workplace (69) are below it.
  BOOST_REQUIRE(c.strengths.size() == 1u);
  BOOST_TEST(c.strengths[0].label == "自分の仕事のミス・ムダをなくす");
  BOOST_TEST(frame::score_text(c.strengths[0].score, "") == "81");
  BOOST_TEST(c.strengths[0].sentence == "自分の仕事のミスやムダに気づき、手順から直す力があります。守りの土台です。");
  // Frontier stage: workplace; the walls after it are ahead.
  BOOST_REQUIRE(c.walls.size() == 3u);
  BOOST_TEST(c.walls[0].label == "組織の壁");
  BOOST_TEST(c.walls[2].label == "地域の壁");
  BOOST_REQUIRE(c.checklists.size() == 1u);
  const auto& e = c.checklists[0].entries;
  BOOST_REQUIRE(e.size() == 5u);
  BOOST_TEST(e[0].first == "同僚・関係者の協力が得られない");
  BOOST_TEST((e[0].second && e[1].second && !e[2].second && !e[3].second && !e[4].second));
  // Own words exactly as written; the unanswered "other" is left out.
  BOOST_REQUIRE(c.own_words.size() == 2u);
  BOOST_TEST(c.own_words[0].text == "窓口の受付手順を見直し、待ち時間を短くする取組を係の中で進めています。");
  BOOST_TEST(c.own_words[1].text ==
             "係長は前向きですが、課長からは「前例がない」と言われ、他の係の協力も得にくいです。");
  BOOST_REQUIRE(c.outcomes.size() == 3u);
  BOOST_TEST(c.outcomes[2].heading == "3. 窓口の待ち時間を短くする受付手順の見直し");
  BOOST_TEST(c.outcomes[2].text == "試行中。係の半分が新しい手順を使い始めた");
  BOOST_TEST(c.warnings.empty());
}

BOOST_AUTO_TEST_CASE(prompts_follow_the_walls_the_reach_and_the_troubles) {
  const Sample s("p01.yaml");
  const CareerMapContent c = build_career_map(s.q, s.a, s.p, s.t, Lang::ja, "2026-07-01");
  std::vector<std::string> reasons;
  for (const auto& p : c.prompts) reasons.push_back(p.reason);
  BOOST_TEST(reasons == (std::vector<std::string>{"導入", "「組織の壁」の手前", "「組織の壁」の手前", "「革新」への一歩",
                                                  "次の一歩の候補", "悩み：同僚・関係者の協力が得られない",
                                                  "悩み：改善提案が上司に受け入れられない"}),
             tt::per_element());
  BOOST_TEST(c.prompts[4].text == "「職場のトラブルを解消する」の場面に一歩踏み出すとしたら、誰と、いつ、何から始めますか。");
  // p04 has reached only the individual stage and wrote no episodes; its innovate.individual
  // items are neutral on average (50), which is not evidence, so its reach stops at
  // `improve` and the step toward innovation is asked about.
  const Sample s4("p04.yaml");
  const CareerMapContent c4 = build_career_map(s4.q, s4.a, s4.p, s4.t, Lang::en, "2026-07-01");
  BOOST_REQUIRE(c4.prompts.size() == 7u);
  BOOST_TEST(c4.prompts[1].reason == "before the Wall of one's assignment");
  BOOST_TEST(c4.prompts[1].text == "Who in your workplace might take an interest in your initiative?");
  BOOST_TEST(c4.prompts[3].reason == "a step toward Innovation");
  BOOST_TEST(c4.prompts[6].reason == "no episodes yet");
}

BOOST_AUTO_TEST_CASE(characters_outside_the_font_become_a_warning_and_a_geta_mark) {
  Sample s("p03.yaml");
  s.a.name = "𠮷田 さくら";
  s.a.values["initiative"].text = "地域の𠮷と🙂";
  const CareerMapContent c = build_career_map(s.q, s.a, s.p, s.t, Lang::ja, "2026-07-01");
  BOOST_TEST(c.participant == "〓田 さくら さん");
  BOOST_TEST(c.own_words[1].text == "地域の〓と〓");  // [0] is the answered "other"
  BOOST_REQUIRE(c.warnings.size() == 3u);
  BOOST_TEST(c.warnings[0].field == "name");
  BOOST_TEST(static_cast<unsigned>(c.warnings[0].code) == 0x20BB7u);
  BOOST_TEST(c.warnings[2].field == "initiative");
  BOOST_TEST(static_cast<unsigned>(c.warnings[2].code) == 0x1F642u);
}


// Strengths are decided exactly: a score of exactly 100 x evidence_threshold is one, even
// where doubles round it below (100 x (0.75 x 0.7 + 0.25 x 1) is 77.49999999999999 in
// doubles, 77.5 exactly). Not the shipped questionnaire: a 0..10 scale, threshold 0.775.
BOOST_AUTO_TEST_CASE(a_strength_is_decided_exactly_at_the_threshold) {
  for (const auto& [threshold, strong] : {std::pair{"0.775", true}, std::pair{"0.7751", false}}) {
    std::string text = test::kQuestionnaire;
    const auto put = [&](const std::string& from, const std::string& to) {
      const size_t at = text.find(from);
      BOOST_REQUIRE(at != std::string::npos);
      text.replace(at, from.size(), to);
    };
    put("  s5: {min: 1, max: 5}\n", "  s5: {min: 1, max: 5}\n  s10: {min: 0, max: 10}\n");
    put("  episode_full_at: 2\n", std::string("  episode_full_at: 2\n  evidence_threshold: ") + threshold + "\n");
    put("scale: s5, key: deep.near", "scale: s10, key: deep.near");
    Diagnostics d;
    const Questionnaire q2 = Questionnaire::parse(text, "q.yaml", test::tiny_model(), d);
    BOOST_REQUIRE(d.empty());
    const Answers a2 = parse_answers(q2,
                                     "questionnaire: tiny\nparticipant: p8\nanswers:\n  size: small\n  c1: 7\n  eps:\n"
                                     "    - {from: 2020, title: 一, who: me, what: deeper, role: led}\n"
                                     "    - {from: 2021, title: 二, who: me, what: deeper, role: led}\n",
                                     "p8.yaml", d);
    BOOST_REQUIRE(!d.has_errors());
    const Placement p2 = score(q2, std::vector<Answers>{a2})[0];
    BOOST_REQUIRE(p2.scenes[2].score.has_value());
    BOOST_TEST(*p2.scenes[2].score < 77.5);  // the double is below; the decision is not
    const CareerMapContent c = build_career_map(q2, a2, p2, test::shipped_templates("careermap.yaml"), Lang::en, "2026-07-01");
    BOOST_TEST_CONTEXT("evidence_threshold " << threshold) {
      BOOST_REQUIRE(c.strengths.size() == (strong ? 1u : 0u));
      if (strong) BOOST_TEST(c.strengths[0].label == "Deepen near");
    }
  }
}

BOOST_AUTO_TEST_SUITE_END()
