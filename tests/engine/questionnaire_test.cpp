#include "engine/questionnaire.hpp"

#include <boost/test/unit_test.hpp>
#include <fstream>
#include <sstream>

#include "tests/testutil.hpp"

using namespace careermap;
using test::questionnaire_messages;

namespace {

// A questionnaire head with one scale; `items` is the list of items (indented 6).
std::string with_items(const std::string& items, const std::string& extra = "") {
  return "questionnaire: t\ntitle: T\nscales:\n  s5: {min: 1, max: 5}\n" + extra +
         "sections:\n  - id: main\n    items:\n" + items;
}

// The tiny questionnaire keys every scene; these tests use a single keyed item, so the
// "no item is keyed" warnings for the other scenes are expected at the end.
const std::vector<std::string> kUnkeyedFar = {
    "q.yaml: warning: fix.far: no item is keyed to this scene; it will have no score",
    "q.yaml: warning: deep.near: no item is keyed to this scene; it will have no score",
    "q.yaml: warning: deep.far: no item is keyed to this scene; it will have no score"};

std::vector<std::string> plus_unkeyed(std::vector<std::string> v) {
  v.insert(v.end(), kUnkeyedFar.begin(), kUnkeyedFar.end());
  return v;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(questionnaire)

BOOST_AUTO_TEST_CASE(tiny_fixture_loads_with_its_key_and_rules) {
  const Questionnaire q = test::tiny_questionnaire();
  BOOST_TEST(q.id == "tiny");
  BOOST_TEST(q.items.size() == 10u);
  BOOST_TEST(q.keyed_items() == (std::vector<int>{1, 2, 3, 4, 5}), boost::test_tools::per_element());
  const Item& b2 = q.items[4];
  BOOST_REQUIRE(b2.key.size() == 2u);
  BOOST_TEST(b2.key[1].scene == 3);
  BOOST_TEST(q.items[3].key[0].weight == 2.0);
  BOOST_TEST(q.items[2].reverse);
  const Item& eps = q.items[9];
  BOOST_TEST(eps.field_for(FieldUse::stage)->id == "who");
  BOOST_TEST(*eps.field_for(FieldUse::stage)->find_option("town")->stage == 1);
  BOOST_TEST(q.scoring.role_weight("helped") == 0.5);
  BOOST_TEST(q.scoring.role_weight("unnamed") == 1.0);
}

BOOST_AUTO_TEST_CASE(the_shipped_questionnaire_is_valid_and_keys_every_scene_three_times) {
  Diagnostics d;
  const Questionnaire q =
      Questionnaire::load(std::string(CAREERMAP_SOURCE_DIR) + "/questionnaires/presession-v1.yaml", d);
  for (const auto& x : d.list()) BOOST_TEST_MESSAGE(x.format());
  BOOST_TEST(d.empty());
  std::vector<int> per_scene(12, 0);
  int reversed = 0;
  for (const auto& item : q.items) {
    for (const auto& k : item.key) per_scene[k.scene]++;
    reversed += item.reverse;
  }
  for (int n : per_scene) BOOST_TEST(n >= 3);
  BOOST_TEST(reversed >= 6);
}

BOOST_AUTO_TEST_CASE(unknown_scene_in_a_key) {
  const auto got = questionnaire_messages(with_items(
      "      - {id: a, type: likert, scale: s5, key: fix.near, text: A}\n"
      "      - {id: b, type: likert, scale: s5, key: {scene: fix.moon}, text: B}\n"));
  BOOST_TEST(got == plus_unkeyed({"q.yaml:9:47: error: b: the key names an unknown scene 'fix.moon'"}),
             boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(duplicate_item_ids) {
  const auto got = questionnaire_messages(with_items(
      "      - {id: a, type: likert, scale: s5, key: fix.near, text: A}\n"
      "      - {id: a, type: text, text: Again}\n"));
  BOOST_TEST(got == plus_unkeyed({"q.yaml:9:14: error: a: duplicate item id (first at line 8)"}),
             boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(empty_scales_and_label_counts) {
  const auto got = questionnaire_messages(
      "questionnaire: t\ntitle: T\nscales:\n  flat: {min: 3, max: 3}\n"
      "  short: {min: 1, max: 3, labels: [a, b]}\n"
      "sections:\n  - id: main\n    items:\n"
      "      - {id: a, type: likert, scale: short, key: fix.near, text: A}\n");
  BOOST_TEST(got == plus_unkeyed({"q.yaml:4:3: error: flat: empty scale: max must be above min",
                                  "q.yaml:5:35: error: short: the scale 1..3 has 3 points but 2 labels"}),
             boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(references_to_missing_things) {
  const auto got = questionnaire_messages(with_items(
      "      - {id: a, type: likert, scale: s7, key: fix.near, text: A}\n"
      "      - {id: b, type: text, key: fix.near, text: B}\n"
      "      - {id: c, type: choice, text: C, options: [{value: x, stage: moon}]}\n",
      "scoring:\n  role_weights: {boss: 2}\n"));
  BOOST_TEST(got == plus_unkeyed({
                        "q.yaml:10:38: error: a: unknown scale 's7'",
                        "q.yaml:11:34: error: b: only likert items can carry a scoring key",
                        "q.yaml:12:68: error: c: unknown stage 'moon'",
                        "q.yaml:6:18: error: scoring.role_weights.boss: names no option of an episode "
                        "field with use: role",
                    }),
             boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(unknown_types_and_keys) {
  const auto got = questionnaire_messages(with_items(
      "      - {id: a, type: likert, scale: s5, key: fix.near, text: A, colour: red}\n"
      "      - {id: b, type: slider, text: B}\n"));
  BOOST_TEST(got == plus_unkeyed({"q.yaml:8:66: warning: a: unknown key 'colour' is ignored",
                                  "q.yaml:9:23: error: b: unknown type 'slider' (likert, choice, multi, "
                                  "text, number, episodes)"}),
             boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(episode_fields_must_fit_their_use) {
  const auto got = questionnaire_messages(with_items(
      "      - {id: a, type: likert, scale: s5, key: fix.near, text: A}\n"
      "      - id: e\n        type: episodes\n        text: E\n        fields:\n"
      "          - {id: from, type: text, use: from_year}\n"
      "          - {id: who, type: choice, use: stage, options: [{value: me}]}\n"));
  BOOST_TEST(got == plus_unkeyed({"q.yaml:13:13: error: e.from: a field with use 'from_year' must be a number",
                                  "q.yaml:14:13: error: e.who: option 'me' must name the stage it places"}),
             boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(next_step_names_a_part_of_the_sheet_for_choices_and_own_words) {
  const auto got = questionnaire_messages(with_items(
      "      - {id: a, type: likert, scale: s5, key: fix.near, text: A, next_step: where}\n"
      "      - {id: b, type: multi, text: B, options: [{value: x}], next_step: against}\n"
      "      - {id: c, type: text, text: C, next_step: timing}\n"
      "      - {id: d, type: text, text: D, report: own_words, next_step: allies}\n"
      "      - {id: e, type: choice, text: E, options: [{value: x}], next_step: later}\n"));
  BOOST_TEST(got == plus_unkeyed({"q.yaml:8:77: error: a: next_step is for choice, multi or text items",
                                  "q.yaml:10:49: error: c: next_step on a text item needs report: own_words "
                                  "(only those words are printed)",
                                  "q.yaml:12:74: error: e: next_step is where, allies, against or timing, "
                                  "not 'later'"}),
             boost::test_tools::per_element());
  Diagnostics d;
  const Questionnaire q = Questionnaire::parse(
      with_items("      - {id: a, type: likert, scale: s5, key: fix.near, text: A}\n"
                 "      - {id: b, type: multi, text: B, options: [{value: x}], next_step: against}\n"
                 "      - {id: d, type: text, text: D, report: own_words, next_step: allies}\n"),
      "q.yaml", test::tiny_model(), d);
  BOOST_TEST(!d.has_errors());
  BOOST_TEST((q.items[0].next_step == SheetPart::none));
  BOOST_TEST((q.items[1].next_step == SheetPart::against));
  BOOST_TEST((q.items[2].next_step == SheetPart::allies));
}

BOOST_AUTO_TEST_CASE(fuzzer_found_a_choice_without_options_crashed_the_loader) {
  // tests/data/regression/fuzz_questionnaire_missing_options.yaml (from tools/fuzz.sh): a
  // missing key's node used to throw yaml-cpp's InvalidNode out of the library.
  std::ifstream in(std::string(CAREERMAP_SOURCE_DIR) + "/tests/data/regression/fuzz_questionnaire_missing_options.yaml");
  std::stringstream text;
  text << in.rdbuf();
  Diagnostics d;
  Questionnaire::parse(text.str(), "x.yaml", test::tiny_model(), d);
  const auto got = test::messages(d);
  auto has = [&](const std::string& m) { return std::find(got.begin(), got.end(), m) != got.end(); };
  BOOST_TEST(has("x.yaml:23:9: error: wish: a choice needs a non-empty list of options"));
  BOOST_TEST(has("x.yaml:22:9: error: c1: a likert item needs a scale"));
}

BOOST_AUTO_TEST_CASE(malformed_yaml_throws_with_location) {
  Diagnostics d;
  BOOST_CHECK_EXCEPTION(Questionnaire::parse("questionnaire: [t\n", "q.yaml", test::tiny_model(), d), Error,
                        [](const Error& e) {
                          return std::string(e.what()) ==
                                 "q.yaml:2:1: error: malformed YAML: end of sequence flow not found";
                        });
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(questionnaire_bounds)

// Issue 12: a scale of -2^31..2^31-1 overflowed int, a max of 1e10 was reported as
// "scale 0..-2147483648", a key weight of 1e308 gave a scene with no score.
BOOST_AUTO_TEST_CASE(scales_are_bounded_whole_numbers) {
  const auto got = questionnaire_messages(
      "questionnaire: t\ntitle: T\nscales:\n"
      "  huge: {min: -2147483648, max: 2147483647}\n"
      "  far: {min: 0, max: 1e10}\n"
      "  wide: {min: -1000, max: 1000}\n"
      "  half: {min: 1, max: 5.5}\n"
      "  fine: {min: 0.00001, max: 3}\n"
      "  word: {min: one, max: 3}\n"
      "  edge: {min: -1000, max: -900, labels: [a]}\n"
      "  ok: {min: 1.0, max: 1e1}\n"
      "sections:\n  - id: main\n    items:\n"
      "      - {id: a, type: likert, scale: ok, key: fix.near, text: A}\n");
  BOOST_TEST(got == plus_unkeyed({
                        "q.yaml:4:15: error: huge: min and max must be from -1000 to 1000",
                        "q.yaml:4:33: error: huge: min and max must be from -1000 to 1000",
                        "q.yaml:5:22: error: far: min and max must be from -1000 to 1000",
                        "q.yaml:6:3: error: wide: a scale has at most 101 points (max - min at most 100)",
                        "q.yaml:7:23: error: half: min and max must be whole numbers",
                        "q.yaml:8:15: error: fine: min and max must be whole numbers",
                        "q.yaml:9:15: error: word: expected a number, got \"one\"",
                        "q.yaml:10:41: error: edge: the scale -1000..-900 has 101 points but 1 labels",
                    }),
             boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(weights_and_settings_are_bounded_exact_decimals) {
  const auto got = questionnaire_messages(with_items(
      "      - {id: a, type: likert, scale: s5, key: {scene: fix.near, weight: 1e308}, text: A}\n"
      "      - {id: b, type: likert, scale: s5, key: {scene: fix.near, weight: 0}, text: B}\n"
      "      - {id: c, type: likert, scale: s5, key: {scene: fix.near, weight: 0.33333}, text: C}\n"
      "      - {id: d, type: likert, scale: s5, key: {scene: fix.near, weight: 1000.0001}, text: D}\n"
      "      - {id: e, type: likert, scale: s5, key: {scene: fix.near, weight: [1]}, text: E}\n"
      "      - {id: f, type: likert, scale: s5, key: {scene: fix.near, weight: 1000}, text: F}\n",
      "scoring:\n  min_answered_share: 1.0001\n  episode_weight: -0.1\n  evidence_threshold: 0.12345\n"
      "  episode_full_at: 0\n"));
  BOOST_TEST(got == plus_unkeyed({
                        "q.yaml:13:73: error: a: a key weight must be above 0 and at most 1000",
                        "q.yaml:14:73: error: b: a key weight must be above 0 and at most 1000",
                        "q.yaml:15:73: error: c: at most 4 decimal places, got \"0.33333\"",
                        "q.yaml:16:73: error: d: a key weight must be above 0 and at most 1000",
                        "q.yaml:17:73: error: e: expected a number, got a list",
                        "q.yaml:6:23: error: scoring.min_answered_share: must be between 0 and 1",
                        "q.yaml:7:19: error: scoring.episode_weight: must be between 0 and 1",
                        "q.yaml:8:23: error: scoring.evidence_threshold: at most 4 decimal places, got \"0.12345\"",
                        "q.yaml:9:20: error: scoring.episode_full_at: must be above 0 and at most 1000",
                    }),
             boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(settings_keep_their_exact_decimals) {
  Diagnostics d;
  const Questionnaire q = Questionnaire::parse(
      with_items("      - {id: a, type: likert, scale: s5, key: {scene: fix.near, weight: 1.5}, text: A}\n",
                 "scoring:\n  min_answered_share: 0.28\n  episode_weight: 0.1\n  episode_full_at: 2.5\n"
                 "  evidence_threshold: 0.7\n"),
      "q.yaml", test::tiny_model(), d);
  BOOST_TEST(q.scoring.min_answered_share.units == 2800);
  BOOST_TEST(q.scoring.episode_weight.units == 1000);
  BOOST_TEST(q.scoring.episode_full_at.units == 25000);
  BOOST_TEST(q.scoring.evidence_threshold.units == 7000);
  BOOST_TEST(q.items[0].key[0].weight.units == 15000);
}

BOOST_AUTO_TEST_CASE(role_weights_are_from_0_to_1000) {
  const std::string eps =
      "      - {id: a, type: likert, scale: s5, key: fix.near, text: A}\n"
      "      - id: e\n        type: episodes\n        text: E\n        fields:\n"
      "          - {id: role, type: choice, use: role, options: [{value: led}, {value: helped}, {value: saw}]}\n";
  const auto got = questionnaire_messages(
      with_items(eps, "scoring:\n  role_weights: {led: 1001, helped: -0.5, saw: 0}\n"));
  BOOST_TEST(got == plus_unkeyed({"q.yaml:6:23: error: scoring.role_weights.led: must be from 0 to 1000",
                                  "q.yaml:6:37: error: scoring.role_weights.helped: must be from 0 to 1000"}),
             boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(a_scene_too_fine_to_score_exactly_is_refused) {
  // Five scales of coprime lengths (97, 89, 83, 79, 73) and weights that share no factor:
  // the whole-number sums of the scene would pass 2^53.
  const auto got = questionnaire_messages(
      "questionnaire: t\ntitle: T\nscales:\n"
      "  a: {min: 0, max: 97}\n  b: {min: 0, max: 89}\n  c: {min: 0, max: 83}\n  d: {min: 0, max: 79}\n  e: {min: 0, max: 73}\n"
      "sections:\n  - id: main\n    items:\n"
      "      - {id: i1, type: likert, scale: a, key: {scene: fix.near, weight: 999.9999}, text: A}\n"
      "      - {id: i2, type: likert, scale: b, key: {scene: fix.near, weight: 999.9998}, text: B}\n"
      "      - {id: i3, type: likert, scale: c, key: {scene: fix.near, weight: 999.9997}, text: C}\n"
      "      - {id: i4, type: likert, scale: d, key: {scene: fix.near, weight: 0.0001}, text: D}\n"
      "      - {id: i5, type: likert, scale: e, key: {scene: fix.near, weight: 999.9996}, text: E}\n");
  BOOST_TEST(got == plus_unkeyed({"q.yaml:12:9: error: fix.near: the weights and scales of the items keyed to "
                                  "this scene are too fine to score exactly (use fewer different scale lengths "
                                  "or simpler weights)"}),
             boost::test_tools::per_element());
}

BOOST_AUTO_TEST_SUITE_END()
