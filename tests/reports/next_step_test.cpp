#include "reports/next_step.hpp"

#include <algorithm>
#include <map>
#include <boost/test/unit_test.hpp>
#include <random>

#include "reports/career_map.hpp"
#include "tests/testutil.hpp"
#include "tools/synthetic.hpp"

using namespace careermap;
namespace tt = boost::test_tools;

namespace {

// A model and questionnaire unlike presession-v1: 3 stages, 2 levels, two walls, wishes in
// a choice and a multi, a checklist and own words marked for the sheet, and episodes with
// a stage field and a second choice field without a use.
const char* kModel = R"(
stages:
  - {id: home, label: {ja: 家, en: Home}}
  - {id: town, label: {ja: 町, en: Town}}
  - {id: world, label: {ja: 世界, en: World}}
levels:
  - {id: mend, label: {ja: 繕う, en: Mend}}
  - {id: renew, label: {ja: 新しくする, en: Renew}}
walls:
  - {after: home, label: {ja: 門の壁, en: Gate wall}}
  - {after: town, label: {ja: 川の壁, en: River wall}}
scenes:
  mend.home: {label: {ja: 家を繕う, en: Mend the home}}
  mend.town: {label: {ja: 町を繕う, en: Mend the town}}
  mend.world: {label: {ja: 世界を繕う, en: Mend the world}}
  renew.home: {label: {ja: 家を新しくする, en: Renew the home}}
  renew.town: {label: {ja: 町を新しくする, en: Renew the town}}
  renew.world: {label: {ja: 世界を新しくする, en: Renew the world}}
)";

const char* kQuestionnaire = R"(
questionnaire: sheet
title: {ja: 次の一歩の質問票, en: Sheet questionnaire}
scales:
  s5: {min: 1, max: 5}
sections:
  - id: main
    title: Main
    items:
      - {id: mh, type: likert, scale: s5, key: mend.home, text: MH}
      - {id: mt, type: likert, scale: s5, key: mend.town, text: MT}
      - {id: mw, type: likert, scale: s5, key: mend.world, text: MW}
      - {id: rh, type: likert, scale: s5, key: renew.home, text: RH}
      - {id: rt, type: likert, scale: s5, key: renew.town, text: RT}
      - {id: rw, type: likert, scale: s5, key: renew.world, text: RW}
      - id: go
        type: choice
        text: {ja: どこへ, en: Where to}
        options:
          - {value: g_home, stage: home, label: {ja: 家で, en: At home}}
          - {value: g_town, stage: town, label: {ja: 町で, en: In town}}
          - {value: g_world, stage: world, label: {ja: 世界で, en: In the world}}
      - id: deepen
        type: multi
        text: {ja: どんな変化, en: What change}
        options:
          - {value: d_renew, level: renew, label: {ja: 新しくしたい, en: Renew}}
          - {value: d_mend, level: mend, label: {ja: 繕いたい, en: Mend}}
      - id: worries
        type: multi
        report: checklist
        next_step: against
        text: {ja: 心配, en: Worries}
        options:
          - {value: no_time, label: {ja: 時間がない, en: No time}}
          - {value: proposals_rejected, label: {ja: 提案が通らない, en: Proposals rejected}}
      - {id: blocks, type: text, report: own_words, next_step: against, text: {ja: 妨げは何ですか, en: What blocks you}}
      - {id: plan, type: text, report: own_words, next_step: timing, text: {ja: いつ動きますか, en: When}}
      - {id: diary, type: text, text: {ja: 日記, en: Diary}}
      - id: eps
        type: episodes
        text: Episodes
        fields:
          - {id: from, type: number, use: from_year, required: true}
          - {id: to, type: number, use: to_year}
          - {id: title, type: text, use: title}
          - id: with
            type: choice
            use: stage
            options:
              - {value: alone, stage: home, label: {ja: ひとりで, en: Alone}}
              - {value: neighbours, stage: town, label: {ja: 近所の人と, en: With neighbours}}
              - {value: outsiders, stage: world, label: {ja: 外の人と, en: With outsiders}}
          - id: how
            type: choice
            use: level
            options:
              - {value: mended, level: mend, label: {ja: 繕った, en: Mended}}
              - {value: renewed, level: renew, label: {ja: 新しくした, en: Renewed}}
          - id: partner
            type: choice
            options:
              - {value: mentor, label: {ja: 先輩, en: A mentor}}
              - {value: peer, label: {ja: 同期, en: A peer}}
)";

struct Sheet {
  Questionnaire q;
  Templates t;
  Sheet() {
    Diagnostics d;
    Model m = Model::parse(kModel, "model.yaml", d);
    q = Questionnaire::parse(kQuestionnaire, "sheet.yaml", std::move(m), d);
    t = Templates::load(std::string(CAREERMAP_SOURCE_DIR) + "/templates/careermap.yaml", d);
    for (const auto& x : d.list()) BOOST_TEST_MESSAGE(x.format());
    BOOST_REQUIRE(!d.has_errors());
  }
  Answers answers(const std::string& body) const {
    Diagnostics d;
    Answers a = parse_answers(q, "questionnaire: sheet\nparticipant: s1\nanswers:\n" + body, "s1.yaml", d);
    for (const auto& x : d.list()) BOOST_TEST_MESSAGE(x.format());
    BOOST_REQUIRE(!d.has_errors());
    return a;
  }
  NextStepSheet build(const Answers& a, Lang lang) const {
    const Placement p = score(q, std::vector<Answers>{a})[0];
    return *build_career_map(q, a, p, t, lang, "2026-09-01").next_step;
  }
};

// Text and reason of every prompt of a part.
std::vector<std::string> prompts(const SheetSection& part) {
  std::vector<std::string> out;
  for (const auto& p : part.prompts) out.push_back(p.text + " / " + p.reason);
  return out;
}

std::vector<std::string> facts(const SheetSection& part) {
  std::vector<std::string> out;
  for (const auto& f : part.facts) out.push_back(f.heading.empty() ? f.text : f.heading + ": " + f.text);
  return out;
}

// Current mend.town (87.5): its items 5, a placed episode; frontier town and renew.
const char* kAnswers =
    "  mh: 3\n  mt: 5\n  mw: 2\n  rh: 1\n  rt: 1\n  go: g_world\n  worries: [no_time, proposals_rejected]\n"
    "  blocks: 上の人が忙しい\n  diary: 日記は載らない\n"
    "  eps:\n"
    "    - {from: 2018, to: 2020, title: 草取り, with: alone, how: mended}\n"
    "    - {from: 2021, title: 橋の修理, with: neighbours, how: mended, partner: mentor}\n"
    "    - {from: 2019, to: 2019, title: 祭り, with: neighbours, how: renewed, partner: peer}\n";

}  // namespace

BOOST_FIXTURE_TEST_SUITE(next_step_sheet, Sheet)

BOOST_AUTO_TEST_CASE(candidates_walls_allies_reasons_and_timing_for_constructed_answers) {
  const NextStepSheet s = build(answers(kAnswers), Lang::ja);
  BOOST_TEST(s.heading == "あなたの次の一歩探し");
  BOOST_REQUIRE(s.parts.size() == 5u);
  BOOST_REQUIRE(s.candidates.size() == 2u);
  BOOST_TEST(s.candidates[0].scene == 2);  // mend.world: one stage wider, wished
  BOOST_TEST(*s.candidates[0].wall == 1);  // the river wall, after town
  BOOST_TEST(!s.candidates[0].wall_crossed_before);
  BOOST_TEST(s.candidates[1].scene == 4);  // renew.town: one level deeper
  BOOST_TEST(!s.candidates[1].wall.has_value());

  BOOST_TEST(facts(s.parts[0]) == (std::vector<std::string>{"希望：世界で", "候補：「世界を繕う」（越境：町 → 世界）",
                                                             "候補：「町を新しくする」（ステップアップ：繕う → 新しくする）"}),
             tt::per_element());
  BOOST_TEST(prompts(s.parts[0]) ==
                 (std::vector<std::string>{
                     "この半年で見えてきた「組織の壁と風穴」のうち、風穴はどこにありそうですか。 / 全員に",
                     "「世界を繕う」に踏み出すとしたら、最初の小さな一歩は何ですか。 / 候補：世界を繕う（希望「世界で」に合う）",
                     "「町を新しくする」に踏み出すとしたら、最初の小さな一歩は何ですか。 / 候補：町を新しくする"}),
             tt::per_element());
  // No template for the stage `town` or the level `renew`: the default prompts, filled.
  BOOST_TEST(facts(s.parts[1]) == (std::vector<std::string>{"「世界を繕う」の手前に「川の壁」",
                                                             "「町を新しくする」へは同じステージのまま、変革レベルを深める一歩です。"}),
             tt::per_element());
  BOOST_TEST(prompts(s.parts[1]) ==
                 (std::vector<std::string>{"「川の壁」を越えるとき、最初に話を通しておくのは誰ですか。 / 「川の壁」の手前",
                                           "「新しくする」の一歩を、小さく試せる場はどこですか。 / 「新しくする」への一歩"}),
             tt::per_element());
  // Allies: the stage field and the field without a use, in path order (2019 is episode 2);
  // "alone" (the nearest stage, one's own work) names nobody.
  BOOST_TEST(facts(s.parts[2]) == (std::vector<std::string>{"近所の人と（エピソード 2、3）",
                                                             "同期（エピソード 2）", "先輩（エピソード 3）"}),
             tt::per_element());
  BOOST_TEST(prompts(s.parts[2]) ==
                 (std::vector<std::string>{"身近な仲間と、いまできることは何ですか。 / 全員に",
                                           "「近所の人と」と取り組んだ経験は、次の一歩でどう生かせますか。もう一度声をかけたい人はいますか。 / 仲間：近所の人と"}),
             tt::per_element());
  // Against: the marked checklist (an option without its own prompt gives none) and own words;
  // the unmarked text item is not on the sheet.
  BOOST_TEST(facts(s.parts[3]) ==
                 (std::vector<std::string>{"時間がない", "提案が通らない", "妨げは何ですか: 上の人が忙しい"}),
             tt::per_element());
  BOOST_TEST(prompts(s.parts[3]) ==
                 (std::vector<std::string>{
                     "この一歩に、誰がどんな「できない理由」を挙げそうですか。その奥にある心配は何でしょう。 / 全員に",
                     "上司が挙げそうな「できない理由」を三つ書き出し、それぞれへの答えを考えてみましょう。 / 回答：提案が通らない",
                     "書いてくれた言葉を読み返して、いちばん手ごわい理由はどれですか。 / あなたのことば：妨げは何ですか"}),
             tt::per_element());
  BOOST_TEST(facts(s.parts[4]) == (std::vector<std::string>{"継続中：3. 橋の修理（2021年から）"}), tt::per_element());
  BOOST_TEST(prompts(s.parts[4]) ==
                 (std::vector<std::string>{
                     "できる可能性が高まるタイミング（予算編成、計画の改定、人事異動、議会など）はいつですか。 / 全員に",
                     "継続中の「橋の修理」の節目（年度替わり、予算、報告など）はいつ来ますか。 / 継続中のエピソード3"}),
             tt::per_element());
}

BOOST_AUTO_TEST_CASE(without_scores_wishes_or_episodes_the_sheet_says_so_and_asks_to_start) {
  const NextStepSheet s = build(answers("  diary: x\n"), Lang::en);
  BOOST_TEST(s.candidates.empty());
  BOOST_TEST(facts(s.parts[0]) == (std::vector<std::string>{"Where you want to act next is not answered yet.",
                                                             "No scene has a score yet, so there is no candidate scene."}),
             tt::per_element());
  std::vector<std::string> reasons;
  for (const auto& part : s.parts)
    for (const auto& p : part.prompts) reasons.push_back(p.reason);
  BOOST_TEST(reasons == (std::vector<std::string>{"asked of everyone", "no candidate scene", "no wish answered",
                                                  "before the Gate wall", "asked of everyone",
                                                  "no allies in the episodes", "asked of everyone",
                                                  "asked of everyone"}),
             tt::per_element());
  BOOST_TEST(facts(s.parts[4]) == (std::vector<std::string>{"No episode is ongoing."}), tt::per_element());
  // The places a wish could name are this model's stages, not presession-v1's.
  BOOST_TEST(prompts(s.parts[0])[2] == "If you moved next, where would it be: Home, Town, World? / no wish answered");
  BOOST_TEST(prompts(build(answers("  diary: x\n"), Lang::ja).parts[0])[2] ==
             "次に動くとしたら、家・町・世界のどこで動きたいですか。 / 希望が未回答");
}

BOOST_AUTO_TEST_CASE(a_crossed_wall_is_named_and_asked_about_as_crossed) {
  // Current mend.home (75); an episode with outsiders puts the frontier at the world, beyond
  // both walls. The wishes "at home" and "mend" meet one candidate each; of equal wishes and
  // equal scores (0), the lower scene number goes first.
  const NextStepSheet s = build(answers("  mh: 5\n  mt: 1\n  rh: 1\n  go: g_home\n  deepen: [d_mend]\n"
                                        "  eps:\n    - {from: 2020, to: 2021, with: outsiders, how: mended}\n"),
                                Lang::ja);
  BOOST_REQUIRE(s.candidates.size() == 2u);
  BOOST_TEST(s.candidates[0].scene == 1);  // mend.town, wished by "mend"
  BOOST_TEST(s.candidates[0].wall_crossed_before);
  BOOST_TEST(s.candidates[1].scene == 3);  // renew.home, wished by "at home"
  BOOST_TEST(facts(s.parts[1])[0] == "「町を繕う」の手前に「門の壁」（これまでに越えた経験があります）");
  BOOST_TEST(prompts(s.parts[1])[0] == "「門の壁」を越えたときの経験から、今回も生かせることは何ですか。 / 「門の壁」の手前");
  BOOST_TEST(prompts(s.parts[0])[1] == "「町を繕う」に踏み出すとしたら、最初の小さな一歩は何ですか。 / 候補：町を繕う（希望「繕いたい」に合う）");
  for (const auto& p : s.parts[0].prompts) BOOST_TEST((p.basis.kind != Basis::Kind::wish_apart));
}

BOOST_AUTO_TEST_CASE(own_words_of_several_items_get_one_prompt_naming_each_question) {
  // With `plan` marked against too, two own-words items feed that part: both are quoted,
  // and the prompt about them is asked once, its reason naming both questions.
  Diagnostics d;
  std::string text = kQuestionnaire;
  text.replace(text.find("next_step: timing"), 17, "next_step: against");
  const Questionnaire q2 = Questionnaire::parse(text, "sheet.yaml", Model::parse(kModel, "model.yaml", d), d);
  BOOST_REQUIRE(!d.has_errors());
  const Answers a = parse_answers(q2, "questionnaire: sheet\nparticipant: s2\nanswers:\n  blocks: 忙しい\n  plan: 来年\n",
                                  "s2.yaml", d);
  BOOST_REQUIRE(!d.has_errors());
  const Placement p = score(q2, std::vector<Answers>{a})[0];
  const NextStepSheet s = *build_career_map(q2, a, p, t, Lang::ja, "2026-09-01").next_step;
  BOOST_TEST(facts(s.parts[3]) == (std::vector<std::string>{"妨げは何ですか: 忙しい", "いつ動きますか: 来年"}), tt::per_element());
  BOOST_TEST(prompts(s.parts[3]) ==
                 (std::vector<std::string>{
                     "この一歩に、誰がどんな「できない理由」を挙げそうですか。その奥にある心配は何でしょう。 / 全員に",
                     "書いてくれた言葉を読み返して、いちばん手ごわい理由はどれですか。 / あなたのことば：妨げは何ですか、いつ動きますか"}),
             tt::per_element());
}

BOOST_AUTO_TEST_SUITE_END()

namespace {

bool has(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

// The wishes chosen, counted for scene `s` as FORMAT.md's rule 7 says.
int wish_count(const Questionnaire& q, const Answers& a, int s) {
  const Scene& sc = q.model.scenes[s];
  int n = 0;
  for (const auto& item : q.items)
    if (const Answer* ans = a.find(item.id); ans && (item.type == ItemType::choice || item.type == ItemType::multi))
      for (const auto& v : chosen_options(item, *ans))
        if (const Option* o = item.find_option(v))
          n += (o->stage && *o->stage == sc.stage) + (o->level && *o->level == sc.level);
  return n;
}

bool chose(const Item& item, const Answers& a, const std::string& value) {
  const Answer* ans = a.find(item.id);
  if (!ans) return false;
  const auto v = chosen_options(item, *ans);
  return std::find(v.begin(), v.end(), value) != v.end();
}

// Checks one participant's sheet against the rules, independently of how it was built.
// Returns how many prompts of each Basis kind the sheet has.
std::map<Basis::Kind, int> check_sheet(const Questionnaire& q, const Templates& t, const Answers& a, Lang lang) {
  std::map<Basis::Kind, int> kinds;
  const Model& m = q.model;
  const Placement p = score(q, std::vector<Answers>{a})[0];
  const NextStepSheet s = *build_career_map(q, a, p, t, lang, "2026-09-01").next_step;
  // Candidates: exactly the neighbours of the current scene, more wishes first.
  std::vector<int> neighbours;
  if (p.current) {
    const Scene& cur = m.scenes[*p.current];
    if (cur.stage + 1 < static_cast<int>(m.stages.size())) neighbours.push_back(m.scene_index(cur.stage + 1, cur.level));
    if (cur.level + 1 < static_cast<int>(m.levels.size())) neighbours.push_back(m.scene_index(cur.stage, cur.level + 1));
  }
  std::vector<int> got;
  for (const auto& c : s.candidates) got.push_back(c.scene);
  BOOST_REQUIRE(std::is_permutation(got.begin(), got.end(), neighbours.begin(), neighbours.end()));
  for (size_t k = 1; k < got.size(); ++k) BOOST_REQUIRE(wish_count(q, a, got[k - 1]) >= wish_count(q, a, got[k]));
  auto candidate = [&](int scene) {
    return std::find(got.begin(), got.end(), scene) != got.end();
  };
  bool any_wish = false, any_ally = false;
  for (const auto& item : q.items)
    for (const auto& o : item.options) any_wish = any_wish || ((o.stage || o.level) && chose(item, a, o.value));
  for (const auto& item : q.items) {
    const Answer* ans = a.find(item.id);
    if (item.type != ItemType::episodes || !ans) continue;
    for (const auto& e : ans->episodes)
      for (const auto& f : item.fields)
        if (const std::string* v = e.get(f.id); v && f.type == ItemType::choice &&
                                                (f.use == FieldUse::none || f.use == FieldUse::stage))
          any_ally = any_ally || f.use == FieldUse::none || *f.find_option(*v)->stage > 0;
  }
  const std::string always = t.text("next_step.reason.always", lang);
  for (const auto& part : s.parts)
    for (const auto& pr : part.prompts) {
      const Basis& b = pr.basis;
      ++kinds[b.kind];
      switch (b.kind) {
        case Basis::Kind::always: BOOST_REQUIRE(pr.reason == always); break;
        case Basis::Kind::candidate:
          BOOST_REQUIRE(candidate(b.scene));
          BOOST_REQUIRE(has(pr.reason, m.scenes[b.scene].label.in(lang)));
          break;
        case Basis::Kind::no_candidate: BOOST_REQUIRE(!p.current); break;
        case Basis::Kind::no_neighbour:
          BOOST_REQUIRE((p.current && *p.current == b.scene && neighbours.empty()));
          BOOST_REQUIRE(has(pr.reason, m.scenes[b.scene].label.in(lang)));
          break;
        case Basis::Kind::no_wish: BOOST_REQUIRE(!any_wish); break;
        case Basis::Kind::no_allies: BOOST_REQUIRE(!any_ally); break;
        case Basis::Kind::wish_apart: {
          const Item& item = q.items[*q.find_item(b.item)];
          const Option& o = *item.find_option(b.value);
          BOOST_REQUIRE(chose(item, a, b.value));
          for (int c : got) BOOST_REQUIRE(!(o.stage && *o.stage == m.scenes[c].stage) && !(o.level && *o.level == m.scenes[c].level));
          BOOST_REQUIRE(has(pr.reason, o.label.in(lang)));
          break;
        }
        case Basis::Kind::wall: {
          const Wall& w = m.walls[b.wall];
          BOOST_REQUIRE(has(pr.reason, w.label.in(lang)));
          if (got.empty()) {
            BOOST_REQUIRE(b.wall == p.walls_ahead.front());
          } else {
            BOOST_REQUIRE(candidate(b.scene));
            const Scene& cur = m.scenes[*p.current];
            BOOST_REQUIRE(m.scenes[b.scene].stage == cur.stage + 1);
            BOOST_REQUIRE(w.inner == cur.stage);
          }
          break;
        }
        case Basis::Kind::level: {
          BOOST_REQUIRE(candidate(b.scene));
          const Scene& cur = m.scenes[*p.current];
          BOOST_REQUIRE(m.scenes[b.scene].stage == cur.stage);
          BOOST_REQUIRE(m.scenes[b.scene].level == cur.level + 1);
          BOOST_REQUIRE(has(pr.reason, m.levels[b.level].label.in(lang)));
          break;
        }
        case Basis::Kind::ally: {
          const Item& item = q.items[*q.find_item(b.item)];
          const Field& f = *item.find_field(b.field);
          BOOST_REQUIRE((f.type == ItemType::choice && (f.use == FieldUse::stage || f.use == FieldUse::none)));
          bool named = false;
          for (const auto& e : a.find(item.id)->episodes)
            named = named || (e.get(f.id) && *e.get(f.id) == b.value);
          BOOST_REQUIRE(named);
          BOOST_REQUIRE(!(f.use == FieldUse::stage && *f.find_option(b.value)->stage == 0));
          BOOST_REQUIRE(has(pr.reason, f.find_option(b.value)->label.in(lang)));
          break;
        }
        case Basis::Kind::choice: {
          const Item& item = q.items[*q.find_item(b.item)];
          BOOST_REQUIRE((item.next_step != careermap::SheetPart::none));
          BOOST_REQUIRE(chose(item, a, b.value));
          BOOST_REQUIRE(has(pr.reason, item.find_option(b.value)->label.in(lang)));
          break;
        }
        case Basis::Kind::own_words: {
          const Item& item = q.items[*q.find_item(b.item)];
          BOOST_REQUIRE((item.next_step != careermap::SheetPart::none && item.report == ReportUse::own_words));
          BOOST_REQUIRE(!a.find(item.id)->text.empty());
          BOOST_REQUIRE(has(pr.reason, item.text.in(lang)));
          break;
        }
        case Basis::Kind::ongoing: {
          bool ongoing = false;
          for (const auto& step : p.path) ongoing = ongoing || (step.order == b.episode && !step.to);
          BOOST_REQUIRE(ongoing);
          BOOST_REQUIRE(has(pr.reason, std::to_string(b.episode)));
          break;
        }
      }
    }
  // Own words on the sheet come only from marked own-words items, exactly as answered.
  for (const auto& part : s.parts)
    for (const auto& f : part.facts) {
      if (!f.own_words) continue;
      bool from_marked = false;
      for (const auto& item : q.items)
        if (const Answer* ans = a.find(item.id))
          from_marked = from_marked || (item.report == ReportUse::own_words && item.next_step != careermap::SheetPart::none &&
                                        item.text.in(lang) == f.heading && ans->text == f.text);
      BOOST_REQUIRE(from_marked);
    }
  return kinds;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(next_step_sheet_rules)

BOOST_FIXTURE_TEST_CASE(random_answers_give_neighbours_and_reasons_that_name_what_is_there, Sheet) {
  Diagnostics d;
  const Questionnaire shipped =
      Questionnaire::load(std::string(CAREERMAP_SOURCE_DIR) + "/questionnaires/presession-v1.yaml", d);
  BOOST_REQUIRE(!d.has_errors());
  std::mt19937_64 rng(20260901);
  std::map<Basis::Kind, int> seen;
  for (int n = 0; n < 1000; ++n) {
    const Questionnaire& which = n % 2 ? q : shipped;
    Answers a = synthetic::answers(which, "r" + std::to_string(n), rng, n % 5 != 0);
    // Leave some items out, so that wishes, checklists and words are sometimes missing.
    for (auto it = a.values.begin(); it != a.values.end();)
      it = rng() % 4 == 0 ? a.values.erase(it) : std::next(it);
    for (const auto& [kind, count] : check_sheet(which, t, a, n % 3 ? Lang::ja : Lang::en)) seen[kind] += count;
  }
  BOOST_TEST_MESSAGE("prompts checked: " << seen.size() << " kinds, " << seen[Basis::Kind::ally] << " ally, " << seen[Basis::Kind::no_neighbour] << " corner");
  // Every rule was exercised (no_candidate needs a person without any score: rare).
  for (int k = 0; k <= static_cast<int>(Basis::Kind::ongoing); ++k)
    if (static_cast<Basis::Kind>(k) != Basis::Kind::no_candidate)
      BOOST_TEST(seen[static_cast<Basis::Kind>(k)] > 0, "Basis kind " << k << " never chosen");
}

BOOST_AUTO_TEST_SUITE_END()
