#include "engine/answers.hpp"

#include <algorithm>
#include <boost/test/unit_test.hpp>
#include <random>
#include <set>

#include "tests/testutil.hpp"

using namespace careermap;
using test::messages;
using test::tiny_answers;
using Lines = std::vector<std::string>;

// Body lines start at line 4 of the answers file (after questionnaire, participant, answers:).

BOOST_AUTO_TEST_SUITE(answers)

BOOST_AUTO_TEST_CASE(valid_answers_are_read_by_type) {
  Diagnostics d;
  const Answers a = tiny_answers("p1",
                                 "  size: small\n  a1: 4\n  a2:\n  wish: [n, d]\n  notes: 自由な記述\n"
                                 "  years: 12\n  eps:\n"
                                 "    - {from: 2019, to: 2021, title: T, who: me, what: fixed, role: led}\n",
                                 d);
  BOOST_TEST(messages(d) == Lines{}, boost::test_tools::per_element());
  BOOST_TEST(a.participant == "p1");
  BOOST_TEST(*a.find("a1")->number == 4.0);
  BOOST_TEST(a.find("a2") == nullptr);  // blank = not answered
  BOOST_TEST(a.find("wish")->choices == (Lines{"n", "d"}), boost::test_tools::per_element());
  BOOST_TEST(a.find("notes")->text == "自由な記述");
  BOOST_TEST(*a.find("years")->number == 12.0);
  BOOST_REQUIRE(a.find("eps")->episodes.size() == 1u);
  BOOST_TEST(*a.find("eps")->episodes[0].get("who") == "me");
  BOOST_TEST(a.find("eps")->episodes[0].where.line == 11);
}

BOOST_AUTO_TEST_CASE(values_outside_the_scale) {
  Diagnostics d;
  tiny_answers("p1", "  size: small\n  a1: 6\n  a2: 0\n  b1: 4.5\n  years: 99\n", d);
  BOOST_TEST(messages(d) == (Lines{"p1.yaml:5:7: error: a1: 6 is outside the scale 1..5",
                                   "p1.yaml:6:7: error: a2: 0 is outside the scale 1..5",
                                   "p1.yaml:7:7: error: b1: 4.5 is not a point of the scale 1..5",
                                   "p1.yaml:8:10: error: years: 99 is outside 0..60"}),
             boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(wrong_types_never_echo_free_text) {
  Diagnostics d;
  tiny_answers("p1",
               "  size: small\n  a1: four\n  a2: [1, 2]\n  b1: とてもあてはまる\n  notes: {a: 1}\n"
               "  wish: n\n  eps: many\n",
               d);
  BOOST_TEST(messages(d) == (Lines{
                                "p1.yaml:5:7: error: a1: expected a number on the scale 1..5, got text",
                                "p1.yaml:6:7: error: a2: expected a number on the scale 1..5, got a list",
                                "p1.yaml:7:7: error: b1: expected a number on the scale 1..5, got text",
                                "p1.yaml:8:10: error: notes: expected text, got a map",
                                "p1.yaml:9:9: error: wish: expected a list of: n, f, d, got text",
                                "p1.yaml:10:8: error: eps: expected a list of episodes, got text",
                            }),
             boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(chosen_options_of_a_choice_and_a_multi) {
  Diagnostics d;
  const Answers a = tiny_answers("p1", "  size: large\n  wish: [d, n]\n", d);
  BOOST_TEST(messages(d) == Lines{}, boost::test_tools::per_element());
  const Questionnaire q = test::tiny_questionnaire();
  BOOST_TEST(chosen_options(q.items[*q.find_item("size")], *a.find("size")) == Lines{"large"}, boost::test_tools::per_element());
  BOOST_TEST(chosen_options(q.items[*q.find_item("wish")], *a.find("wish")) == (Lines{"d", "n"}), boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(choices_must_be_options) {
  Diagnostics d;
  tiny_answers("p1", "  size: medium\n  wish: [n, moon, n]\n", d);
  BOOST_TEST(messages(d) == (Lines{
                                "p1.yaml:4:9: error: size: the answer is not an option; expected one of: small, large",
                                "p1.yaml:5:13: error: wish: the answer is not an option; expected one of: n, f, d",
                                "p1.yaml:5:19: warning: wish: 'n' is chosen twice",
                            }),
             boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(unknown_items_are_warnings_with_a_suggestion) {
  Diagnostics d;
  const Answers a = tiny_answers("p1", "  size: small\n  a3: 4\n  zzzzzz: 1\n", d);
  BOOST_TEST(messages(d) ==
                 (Lines{"p1.yaml:5:3: warning: a3: unknown item; 'tiny' has no such id (did you mean a1?); ignored",
                        "p1.yaml:6:3: warning: zzzzzz: unknown item; 'tiny' has no such id; ignored"}),
             boost::test_tools::per_element());
  BOOST_TEST(!d.has_errors());
  BOOST_TEST(a.values.size() == 1u);
}

BOOST_AUTO_TEST_CASE(missing_required_answers_and_duplicates) {
  Diagnostics d;
  tiny_answers("p1", "  a1: 4\n  a1: 5\n", d);
  // A key given twice is refused by the YAML policy before any answer is read.
  BOOST_TEST(messages(d) == (Lines{"p1.yaml:5:3: error: a1: the key is given twice (first at 4:3)"}),
             boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(episodes_years_fields_and_required_fields) {
  Diagnostics d;
  const Answers a = tiny_answers("p1",
                                 "  size: small\n  eps:\n"
                                 "    - {from: 2021, to: 2019, title: T}\n"
                                 "    - {from: 2020, who: moon, title: T, colour: red}\n"
                                 "    - {from: 2020}\n"
                                 "    - {from: 2022, title: ongoing}\n",
                                 d);
  BOOST_TEST(messages(d) ==
                 (Lines{"p1.yaml:6:24: error: eps[1]: to-year 2019 is before from-year 2021",
                        "p1.yaml:7:25: error: eps[2].who: the answer is not an option; expected one of: me, town",
                        "p1.yaml:7:41: warning: eps[2].colour: unknown field; ignored",
                        "p1.yaml:8:7: error: eps[3].title: required field is missing"}),
             boost::test_tools::per_element());
  BOOST_TEST(a.find("eps")->episodes.size() == 1u);  // only the valid one is kept
}

BOOST_AUTO_TEST_CASE(header_fields_are_checked) {
  Diagnostics d;
  const Questionnaire q = test::tiny_questionnaire();
  const Answers a = parse_answers(
      q, "questionnaire: other\nparticipant: ../x\nsession: mid\ncohort: \"../c\"\nanswers:\n  size: small\n"
         "  \"\u5c71\u7530 \u82b1\u5b50\": 1\n  eps: [{from: 2020, title: t, \"my notes!\": x}]\n",
      "h.yaml", d);
  BOOST_TEST(messages(d) == (Lines{"h.yaml:1:16: error: questionnaire: these answers are for another questionnaire, not 'tiny'",
                                   "h.yaml:2:14: error: participant: the id may use only letters, digits, '_' and '-'",
                                   "h.yaml:4:9: warning: cohort: not an id (letters, digits, '_' and '-'); left out",
                                   "h.yaml:3:10: error: session: must be pre or post",
                                   "h.yaml:7:3: warning: a key that is not an item id; ignored",
                                   "h.yaml:8:32: warning: eps[1]: a key that is not a field id; ignored"}),
             boost::test_tools::per_element());
  // What breaks the id rule is never kept: it could be a path, a name or escape codes.
  BOOST_TEST(a.participant == "");
  BOOST_TEST(a.meeting == "");
  BOOST_TEST(a.cohort == "");
}

BOOST_AUTO_TEST_CASE(missing_header_and_answers) {
  Diagnostics d;
  const Questionnaire q = test::tiny_questionnaire();
  parse_answers(q, "name: x\n", "h.yaml", d);
  BOOST_TEST(messages(d) == (Lines{"h.yaml:1:1: error: questionnaire: missing: say which questionnaire these answers are for",
                                   "h.yaml:1:1: error: participant: missing: every answers file needs a participant id",
                                   "h.yaml:1:1: error: answers: missing: the file has no answers",
                                   "h.yaml:1:1: error: size: required answer is missing"}),
             boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(malformed_yaml_and_unreadable_files_are_diagnostics) {
  Diagnostics d;
  tiny_answers("p1", "  size: [small\n", d);
  BOOST_TEST(messages(d) == (Lines{"p1.yaml:5:1: error: malformed YAML: end of sequence flow not found"}),
             boost::test_tools::per_element());
  Diagnostics d2;
  load_answers(test::tiny_questionnaire(), "/nonexistent/p9.yaml", d2);
  BOOST_TEST(messages(d2) == (Lines{"/nonexistent/p9.yaml: error: cannot read: No such file or directory"}),
             boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(participant_ids_are_unique_in_a_batch) {
  Diagnostics d;
  std::vector<Answers> batch;
  batch.push_back(tiny_answers("p1", "  size: small\n", d));
  batch.push_back(tiny_answers("p2", "  size: small\n", d));
  batch.push_back(tiny_answers("p1", "  size: large\n", d));
  batch[2].file = "again.yaml";
  BOOST_TEST(d.empty());
  check_unique_participants(test::tiny_questionnaire(), batch, d);
  BOOST_TEST(messages(d) == (Lines{"again.yaml: error: participant: 'p1' is also the participant of p1.yaml"}),
             boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(participant_id_rule) {
  BOOST_TEST(valid_participant_id("p01"));
  BOOST_TEST(valid_participant_id("A_b-9"));
  BOOST_TEST(!valid_participant_id(""));
  BOOST_TEST(!valid_participant_id("a b"));
  BOOST_TEST(!valid_participant_id("../x"));
  BOOST_TEST(!valid_participant_id("花子"));
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(answer_bounds)

BOOST_AUTO_TEST_CASE(a_multi_holds_at_most_as_many_entries_as_options) {
  Diagnostics d;
  tiny_answers("p1", "  size: small\n  wish: [n, f, d]\n", d);
  BOOST_TEST(!d.has_errors());
  Diagnostics d2;
  tiny_answers("p1", "  size: small\n  wish: [n, n, n, n]\n", d2);
  BOOST_TEST(messages(d2) == (Lines{"p1.yaml:5:9: error: wish: 4 entries; the list has 3 options, each at most once"}),
             boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(a_text_holds_at_most_100_lines) {
  std::string text = "x";
  for (int i = 1; i < 100; ++i) text += "\\nx";
  Diagnostics d;
  const Answers a = tiny_answers("p1", "  size: small\n  notes: \"" + text + "\"\n", d);
  BOOST_TEST(!d.has_errors());
  BOOST_TEST(a.find("notes")->text.size() == 199u);
  Diagnostics d2;
  tiny_answers("p1", "  size: small\n  notes: \"" + text + "\\n\"\n", d2);
  BOOST_TEST(messages(d2) == (Lines{"p1.yaml:5:10: error: notes: the text has 101 lines; at most 100 fit a career map"}),
             boost::test_tools::per_element());
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(invisible_characters)

// An independent reference of the rule: the code points FORMAT.md lists.
bool listed(char32_t c) {
  static const std::set<char32_t> set = {0x200B, 0x200C, 0x200D, 0x200E, 0x200F, 0x202A, 0x202B, 0x202C,
                                         0x202D, 0x202E, 0x2060, 0x2066, 0x2067, 0x2068, 0x2069, 0xFEFF};
  return set.count(c) > 0;
}

std::string utf8(char32_t c) {
  std::string s;
  if (c < 0x80) s += static_cast<char>(c);
  else if (c < 0x800) s += {static_cast<char>(0xC0 | (c >> 6)), static_cast<char>(0x80 | (c & 0x3F))};
  else
    s += {static_cast<char>(0xE0 | (c >> 12)), static_cast<char>(0x80 | ((c >> 6) & 0x3F)),
          static_cast<char>(0x80 | (c & 0x3F))};
  return s;
}

BOOST_AUTO_TEST_CASE(a_name_with_direction_controls_or_zero_width_characters_is_warned_without_echoing_it) {
  Diagnostics d;
  const Answers a = parse_answers(test::tiny_questionnaire(),
                                  "questionnaire: tiny\nparticipant: p1\nname: \"架空\u202E花子\u200B\u202E\"\n"
                                  "answers:\n  size: small\n",
                                  "p1.yaml", d);
  BOOST_TEST(messages(d) == (Lines{"p1.yaml:3:7: warning: name: holds U+202E, U+200B, invisible characters that can "
                                   "make a name look like another; kept as written"}),
             boost::test_tools::per_element());
  BOOST_TEST(a.name == "架空\u202E花子\u200B\u202E");
}

BOOST_AUTO_TEST_CASE(random_names_are_warned_exactly_when_they_hold_a_listed_character) {
  std::mt19937 rng(1201);
  const char32_t pool[] = {U'a', U'花', U'\u00e9', U'\u200A', U'\u2010', U'\u2065', U'\u206A', U'\uFEFE', U'\u2029'};
  int warned = 0;
  for (int c = 0; c < 2000; ++c) {
    std::string name;
    std::vector<char32_t> expect;
    for (int k = 0, n = 1 + static_cast<int>(rng() % 6); k < n; ++k) {
      char32_t ch = rng() % 3 == 0 ? static_cast<char32_t>(0x2000 + rng() % 0x80) : pool[rng() % 9];
      if (rng() % 40 == 0) ch = 0xFEFF;
      name += utf8(ch);
      if (listed(ch) && std::find(expect.begin(), expect.end(), ch) == expect.end()) expect.push_back(ch);
    }
    std::string codes;
    for (char32_t ch : expect) {
      char buf[16];
      std::snprintf(buf, sizeof buf, "U+%04X", static_cast<unsigned>(ch));
      codes += (codes.empty() ? "" : ", ") + std::string(buf);
    }
    std::string quoted;
    for (char ch : name) quoted += ch == '"' || ch == '\\' ? std::string("\\") + ch : std::string(1, ch);
    Diagnostics d;
    parse_answers(test::tiny_questionnaire(),
                  "questionnaire: tiny\nparticipant: p1\nname: \"" + quoted + "\"\nanswers:\n  size: small\n", "p1.yaml", d);
    const Lines want = codes.empty() ? Lines{}
                                     : Lines{"p1.yaml:3:7: warning: name: holds " + codes +
                                             ", invisible characters that can make a name look like another; kept as written"};
    BOOST_TEST(messages(d) == want, "case " << c);
    warned += !codes.empty();
  }
  BOOST_TEST(warned > 200);
  BOOST_TEST(warned < 1800);
}

BOOST_AUTO_TEST_SUITE_END()
