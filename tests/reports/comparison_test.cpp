// The comparison's words: exact sentences for constructed pairs, the specific template
// over the default, and a property test on random questionnaires and pairs of answers
// against the reference scorer (tests/scoring_reference.hpp) of which stage and level
// changes, which current scene, which walls crossed and which scenes reached.
#include "reports/comparison.hpp"

#include "reports/career_map_pdf.hpp"
#include "reports/page_frame.hpp"

#include <boost/test/unit_test.hpp>
#include <fstream>
#include <sstream>

#include "tests/scoring_reference.hpp"
#include "tests/testutil.hpp"

using namespace careermap;
namespace ref = careermap::reference;

namespace {

std::string shipped_text() {
  std::ifstream in(std::string(CAREERMAP_SOURCE_DIR) + "/templates/careermap.yaml");
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

Templates templates(const std::string& text = shipped_text()) {
  Diagnostics d;
  Templates t = Templates::parse(text, "careermap.yaml", d);
  BOOST_REQUIRE(d.empty());
  return t;
}

Answers answers(const std::string& body) {
  Diagnostics d;
  Answers a = test::tiny_answers("p1", body, d);
  BOOST_REQUIRE(!d.has_errors());
  return a;
}

const char* kBefore = "  size: small\n  a1: 4\n  a2: 2\n  b1: 2\n  b2: 2\n";
const char* kAfter = "  size: small\n  a1: 4\n  a2: 2\n  b1: 5\n  b2: 4\n  c1: 3\n";

std::vector<std::string> texts(const ComparisonContent& c) {
  std::vector<std::string> out;
  for (const auto& s : c.sentences) out.push_back(s.text);
  return out;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(comparison_words)

BOOST_AUTO_TEST_CASE(a_wider_deeper_pair_in_japanese) {
  const Questionnaire q = test::tiny_questionnaire();
  const ComparisonContent c = build_comparison(q, compare_meetings(q, answers(kBefore), answers(kAfter)), templates(), Lang::ja);
  const std::vector<std::string> want{
      "ステージが近いから遠いへ広がりました。",
      "変革レベルが直すから深めるへ深まりました。",
      "いちばん手応えのある場面が「近くを直す」から「遠くを直す」に移りました。",
      "前回から今回までに「壁」を越えました。",
      "新たに手応えが見えた場面：「遠くを直す」、「遠くを深める」",
  };
  BOOST_TEST(texts(c) == want, boost::test_tools::per_element());
  BOOST_TEST(c.sentences[0].reason == "到達範囲のステージ：前回 近い → 今回 遠い");
  BOOST_TEST(c.sentences[0].key == "comparison.stage.wider.default");
  BOOST_TEST(c.heading == "前回との比較");
  BOOST_REQUIRE(c.cells.size() == 4u);
  BOOST_TEST(frame::score_text(c.cells[1].then, c.no_score) == "25");
  BOOST_TEST(frame::score_text(c.cells[1].now, c.no_score) == "92");
  BOOST_TEST(c.cells[1].change == std::optional<int>(67));
  BOOST_TEST(frame::change_text(*c.cells[1].change) == "+67");
  BOOST_TEST(!c.cells[2].then.has_value());
  BOOST_TEST(frame::score_text(c.cells[2].then, c.no_score) == "スコアなし");
  BOOST_TEST(frame::score_text(c.cells[2].now, c.no_score) == "50");
  BOOST_TEST(!c.cells[2].change.has_value());
  BOOST_TEST(c.cells[0].change == std::optional<int>(0));
  BOOST_TEST(frame::change_text(*c.cells[0].change) == "±0");
  BOOST_TEST(c.cells[0].current_then);
  BOOST_TEST(c.cells[1].current_now);
  BOOST_TEST(c.wall_crossed == (std::vector<bool>{true, false}), boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(the_reverse_pair_in_english_with_meeting_names) {
  const Questionnaire q = test::tiny_questionnaire();
  const ComparisonContent c = build_comparison(q, compare_meetings(q, answers(kAfter), answers(kBefore)), templates(),
                                               Lang::en, "Meeting 1", "Meeting 5");
  const std::vector<std::string> want{
      "In the answers of Meeting 5, the stages with footing reach Near (at Meeting 1: Far).",
      "In the answers of Meeting 5, the change levels with footing reach Fix (at Meeting 1: Deep).",
      "The scene with the most footing has moved from \"Fix far\" to \"Fix near\".",
      "The answers of Meeting 5 show no footing beyond the Wall. Let us look together at what has changed.",
      "Scenes with footing at Meeting 1 but not at Meeting 5: \"Fix far\", \"Deepen far\"",
  };
  BOOST_TEST(texts(c) == want, boost::test_tools::per_element());
  BOOST_TEST(c.heading == "Compared with Meeting 1");
  BOOST_TEST(c.cells[1].change == std::optional<int>(-67));
  BOOST_TEST(frame::change_text(*c.cells[1].change) == "−67");
}

BOOST_AUTO_TEST_CASE(the_same_answers_say_so_and_nothing_else) {
  const Questionnaire q = test::tiny_questionnaire();
  const ComparisonContent c = build_comparison(q, compare_meetings(q, answers(kBefore), answers(kBefore)), templates(), Lang::ja);
  const std::vector<std::string> want{
      "ステージの広がりは、前回と同じく近いまでです。",
      "変革レベルは、前回と同じく直すまでです。",
      "いちばん手応えのある場面は、前回と同じ「近くを直す」です。",
  };
  BOOST_TEST(texts(c) == want, boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(no_evidence_on_either_side_is_one_sentence) {
  const Questionnaire q = test::tiny_questionnaire();
  const Answers low = answers("  size: small\n  a1: 1\n  a2: 5\n");
  const ComparisonContent c = build_comparison(q, compare_meetings(q, low, low), templates(), Lang::ja);
  const std::vector<std::string> want{
      "前回も今回も、はっきり手応えのある場面はまだ見えていません。これまでの経験を一緒にふり返りましょう。",
      "いちばん手応えのある場面は、前回と同じ「近くを直す」です。",
  };
  BOOST_TEST(texts(c) == want, boost::test_tools::per_element());
  const ComparisonContent first = build_comparison(q, compare_meetings(q, low, answers(kBefore)), templates(), Lang::ja);
  BOOST_TEST(first.sentences[0].text == "今回の回答で、近い・直すまでの手応えが見えてきました。");
}

BOOST_AUTO_TEST_CASE(a_sentence_of_the_npo_for_the_very_case_wins_over_the_default) {
  std::string text = shipped_text();
  const std::string at = "  stage:\n    wider:\n";
  BOOST_REQUIRE(text.find(at) != std::string::npos);
  text.insert(text.find(at) + at.size(), "      near:\n        far: {ja: 近くから遠くへ。, en: Near to far.}\n");
  const Questionnaire q = test::tiny_questionnaire();
  const ComparisonContent c = build_comparison(q, compare_meetings(q, answers(kBefore), answers(kAfter)), templates(text), Lang::ja);
  BOOST_TEST(c.sentences[0].text == "近くから遠くへ。");
  BOOST_TEST(c.sentences[0].key == "comparison.stage.wider.near.far");
}

BOOST_AUTO_TEST_CASE(a_missing_template_is_an_error_naming_its_key) {
  std::string text = shipped_text();
  const size_t at = text.find("  wall_again:\n    default:");
  BOOST_REQUIRE(at != std::string::npos);
  text.erase(at, text.find('\n', text.find("default:", at)) + 1 - at);
  const Questionnaire q = test::tiny_questionnaire();
  const Comparison cmp = compare_meetings(q, answers(kAfter), answers(kBefore));
  BOOST_CHECK_EXCEPTION(build_comparison(q, cmp, templates(text), Lang::ja), Error, [](const Error& e) {
    return e.diagnostic().format() == "careermap.yaml: error: comparison.wall_again.default: template is missing";
  });
}

// Random models, questionnaires and pairs of answers (with episodes, which must not count):
// the sentences chosen are those the reference's standings call for.
BOOST_AUTO_TEST_CASE(the_sentences_follow_the_reference_standings_on_random_pairs) {
  const Templates t = templates();
  ref::Generator gen(20261201);
  int pairs = 0, walls = 0, wider = 0, narrower = 0;
  for (int round = 0; round < 300; ++round) {
    ref::Spec sp = gen.spec();
    while (sp.people.size() < 2) sp.people.push_back(sp.people[0]), sp.people.back().id = "q2";
    Diagnostics d;
    const Model m = Model::parse(ref::model_yaml(sp), "model.yaml", d);
    const Questionnaire q = Questionnaire::parse(ref::questionnaire_yaml(sp), "q.yaml", m, d);
    const Answers a = parse_answers(q, ref::answers_yaml(sp.people[0]), "a.yaml", d);
    const Answers b = parse_answers(q, ref::answers_yaml(sp.people[1]), "b.yaml", d);
    BOOST_REQUIRE(!d.has_errors());
    // The reference, on the questionnaire part: the same people without their episodes.
    ref::Participant pa = sp.people[0], pb = sp.people[1];
    pa.episodes.clear();
    pb.episodes.clear();
    const ref::Result ra = ref::score_reference(sp, pa), rb = ref::score_reference(sp, pb);
    const ref::Q threshold = sp.threshold ? sp.threshold->value : ref::Q(3, 4);
    auto reach = [&](const ref::Result& r) {
      std::vector<int> out;
      for (int s = 0; s < sp.scenes(); ++s)
        if (r.scenes[s].score && *r.scenes[s].part >= threshold) out.push_back(s);
      return out;
    };
    std::vector<std::string> want;
    if (ra.frontier_stage && rb.frontier_stage) {
      const int s0 = *ra.frontier_stage, s1 = *rb.frontier_stage, l0 = *ra.frontier_level, l1 = *rb.frontier_level;
      want.push_back(std::string("comparison.stage.") + (s1 > s0 ? "wider" : s1 < s0 ? "narrower" : "same") + ".default");
      want.push_back(std::string("comparison.level.") + (l1 > l0 ? "deeper" : l1 < l0 ? "shallower" : "same") + ".default");
      wider += s1 > s0;
      narrower += s1 < s0;
    } else {
      want.push_back(std::string("comparison.frontier.") + (rb.frontier_stage ? "first" : ra.frontier_stage ? "none_now" : "none") + ".default");
    }
    if (ra.current || rb.current)
      want.push_back(std::string("comparison.current.") +
                     (ra.current && rb.current ? (*ra.current == *rb.current ? "same" : "moved") : rb.current ? "first" : "none_now") +
                     ".default");
    for (int w : ra.walls_ahead)
      if (std::find(rb.walls_ahead.begin(), rb.walls_ahead.end(), w) == rb.walls_ahead.end())
        want.push_back("comparison.wall.default"), ++walls;
    for (int w : rb.walls_ahead)
      if (std::find(ra.walls_ahead.begin(), ra.walls_ahead.end(), w) == ra.walls_ahead.end())
        want.push_back("comparison.wall_again.default");
    const std::vector<int> reach_a = reach(ra), reach_b = reach(rb);
    std::vector<int> gained, left;
    for (int s : reach_b)
      if (std::find(reach_a.begin(), reach_a.end(), s) == reach_a.end()) gained.push_back(s);
    for (int s : reach_a)
      if (std::find(reach_b.begin(), reach_b.end(), s) == reach_b.end()) left.push_back(s);
    if (!gained.empty()) want.push_back("comparison.reach.gained.default");
    if (!left.empty()) want.push_back("comparison.reach.left.default");

    const Comparison c = compare_meetings(q, a, b);
    const ComparisonContent content = build_comparison(q, c, t, Lang::en);
    std::vector<std::string> got;
    for (const auto& s : content.sentences) got.push_back(s.key);
    BOOST_TEST_REQUIRE(got == want, boost::test_tools::per_element());
    BOOST_TEST_REQUIRE(c.reach_gained == gained, boost::test_tools::per_element());
    BOOST_TEST_REQUIRE(c.reach_left == left, boost::test_tools::per_element());
    BOOST_TEST_REQUIRE(c.then.current == ra.current);
    BOOST_TEST_REQUIRE(c.now.current == rb.current);
    for (int s = 0; s < sp.scenes(); ++s) {
      BOOST_TEST_REQUIRE(c.scenes[s].then.has_value() == ra.scenes[s].score.has_value());
      BOOST_TEST_REQUIRE(c.scenes[s].now.has_value() == rb.scenes[s].score.has_value());
      if (c.scenes[s].change) {
        const double want_change = (*rb.scenes[s].score - *ra.scenes[s].score).convert_to<double>();
        BOOST_TEST_REQUIRE(std::fabs(*c.scenes[s].change - want_change) < 1e-9);
      }
    }
    ++pairs;
  }
  // The random cases reach every kind of change.
  BOOST_TEST(pairs == 300);
  BOOST_TEST(walls > 10);
  BOOST_TEST(wider > 10);
  BOOST_TEST(narrower > 10);
}

// The comparison page draws no text over other text, whatever the model's shape and labels:
// random models of 2 to 6 stages and 2 to 4 levels, both languages.
BOOST_AUTO_TEST_CASE(no_text_of_the_comparison_page_overlaps_another) {
  const Templates t = templates();
  const FontSource font("/usr/share/fonts/opentype/ipaexfont-gothic/ipaexg.ttf");
  ref::Generator gen(77);
  int pages = 0;
  for (int round = 0; round < 60; ++round) {
    ref::Spec sp = gen.spec();
    while (sp.people.size() < 2) sp.people.push_back(sp.people[0]), sp.people.back().id = "q2";
    Diagnostics d;
    const Model m = Model::parse(ref::model_yaml(sp), "model.yaml", d);
    const Questionnaire q = Questionnaire::parse(ref::questionnaire_yaml(sp), "q.yaml", m, d);
    const Answers a = parse_answers(q, ref::answers_yaml(sp.people[0]), "a.yaml", d);
    Answers b = parse_answers(q, ref::answers_yaml(sp.people[1]), "b.yaml", d);
    BOOST_REQUIRE(!d.has_errors());
    if (round % 3 == 0) b = a;  // the same current scene then and now: both tags in one cell
    for (Lang lang : {Lang::ja, Lang::en}) {
      CareerMapContent c = build_career_map(q, b, score(q, std::vector<Answers>{b})[0], t, lang, "2026-09-20");
      c.comparison = build_comparison(q, compare_meetings(q, a, b), t, lang);
      const DisplayList dl = layout_career_map(c, font);
      // The map's pages come first; the comparison page is the one headed by its heading.
      for (const auto& page : dl.pages()) {
        bool is_comparison = false;
        for (const auto& op : page.ops) is_comparison = is_comparison || (op.kind == DrawOp::Kind::text && op.text == c.comparison->heading);
        if (!is_comparison) continue;
        ++pages;
        struct Box {
          double x0, y0, x1, y1;
          std::string text;
        };
        std::vector<Box> boxes;
        for (const auto& op : page.ops)
          if (op.kind == DrawOp::Kind::text)
            boxes.push_back({op.x1, op.y1 - 0.88 * op.size, op.x1 + font.text_width(op.text, op.size), op.y1 + 0.12 * op.size, op.text});
        for (size_t i = 0; i < boxes.size(); ++i)
          for (size_t j = i + 1; j < boxes.size(); ++j) {
            const Box &x = boxes[i], &y = boxes[j];
            const bool overlap = x.x0 < y.x1 && y.x0 < x.x1 && x.y0 < y.y1 && y.y0 < x.y1;
            BOOST_TEST_REQUIRE(!overlap, "\"" << x.text << "\" overlaps \"" << y.text << "\" (" << sp.stages << " x " << sp.levels << ")");
          }
      }
    }
  }
  BOOST_TEST(pages == 120);
}

BOOST_AUTO_TEST_SUITE_END()
