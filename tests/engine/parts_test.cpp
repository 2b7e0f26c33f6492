#include "engine/parts.hpp"

#include <boost/test/unit_test.hpp>

#include "engine/questionnaire.hpp"
#include "tests/testutil.hpp"

using namespace careermap;
using test::questionnaire_messages;

namespace {

// Two sections (a: a keyed likert item, b: a text item) and `extra` after them (line 12 on).
std::string two_sections(const std::string& extra) {
  return "questionnaire: t\ntitle: T\nscales:\n  s5: {min: 1, max: 5}\nsections:\n"
         "  - id: a\n    items:\n      - {id: x, type: likert, scale: s5, key: fix.near, text: X}\n"
         "  - id: b\n    items:\n      - {id: y, type: text, text: Y}\n" +
         extra;
}

std::vector<std::string> plus_unkeyed(std::vector<std::string> v) {
  for (const char* s : {"fix.far", "deep.near", "deep.far"})
    v.push_back(std::string("q.yaml: warning: ") + s + ": no item is keyed to this scene; it will have no score");
  return v;
}

Questionnaire load(const std::string& rel) {
  Diagnostics d;
  Questionnaire q = Questionnaire::load(std::string(CAREERMAP_SOURCE_DIR) + "/" + rel, d);
  for (const auto& x : d.list()) BOOST_TEST_MESSAGE(x.format());
  BOOST_REQUIRE(!d.has_errors());
  return q;
}

std::vector<std::string> ids_of(const Questionnaire& q, const std::vector<int>& idx) {
  std::vector<std::string> out;
  for (int i : idx) out.push_back(q.parts[i].id);
  return out;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(parts)

BOOST_AUTO_TEST_CASE(without_parts_one_implicit_part_and_the_meetings_pre_and_post) {
  const Questionnaire q = test::tiny_questionnaire();
  BOOST_TEST(!q.parts_declared);
  BOOST_TEST(!q.meetings_declared);
  BOOST_REQUIRE(q.parts.size() == 1u);
  BOOST_TEST(q.parts[0].id == "all");
  BOOST_TEST(q.parts[0].title.en == "Tiny questionnaire");
  BOOST_TEST(q.parts[0].sections == (std::vector<int>{0}), boost::test_tools::per_element());
  BOOST_TEST(q.parts[0].scored);
  BOOST_TEST(q.scored_parts() == (std::vector<std::string>{"all"}), boost::test_tools::per_element());
  BOOST_REQUIRE(q.meetings.size() == 2u);
  BOOST_TEST(q.meetings[0].id == "pre");
  BOOST_TEST(q.meetings[0].name.ja == "事前");
  BOOST_TEST(q.meetings[1].id == "post");
  BOOST_TEST(q.meetings[1].name.en == "After");
  BOOST_TEST(q.meetings[1].collects == (std::vector<int>{0}), boost::test_tools::per_element());
  BOOST_TEST(q.meeting_ids() == "pre|post");
  BOOST_TEST(q.part_ids() == "all");
  for (const auto& item : q.items) BOOST_TEST(item.part == 0);
}

BOOST_AUTO_TEST_CASE(a_questionnaire_in_two_parts_at_three_meetings) {
  const Questionnaire q = load("tests/data/tiny/course.yaml");
  BOOST_TEST(q.parts_declared);
  BOOST_TEST(q.meetings_declared);
  BOOST_REQUIRE(q.parts.size() == 2u);
  BOOST_TEST(q.parts[0].id == "survey");
  BOOST_TEST(q.parts[0].sections == (std::vector<int>{0, 1}), boost::test_tools::per_element());
  BOOST_TEST(q.parts[1].title.ja == "歩みシート");
  BOOST_TEST(q.parts[1].sections == (std::vector<int>{2}), boost::test_tools::per_element());
  BOOST_TEST(q.scored_parts() == (std::vector<std::string>{"survey"}), boost::test_tools::per_element());
  BOOST_TEST(q.items[*q.find_item("voice")].part == 0);
  BOOST_TEST(q.items[*q.find_item("steps")].part == 1);
  BOOST_TEST(q.meeting_ids() == "kickoff|midway|closing");
  BOOST_TEST(q.part_ids() == "survey|journey");
  BOOST_TEST(q.find_meeting("closing")->order == 4);
  BOOST_TEST(q.find_meeting("closing")->name.ja == "最終回");
  BOOST_TEST(ids_of(q, q.find_meeting("midway")->collects) == (std::vector<std::string>{"journey"}),
             boost::test_tools::per_element());
  BOOST_TEST(q.find_meeting("pre") == nullptr);
  BOOST_TEST(*q.find_part("journey") == 1);
  BOOST_TEST(!q.find_part("all"));
}

BOOST_AUTO_TEST_CASE(presession_v1_questionnaire_then_worksheet) {
  const Questionnaire q = load("questionnaires/presession-v1.yaml");
  BOOST_REQUIRE(q.parts.size() == 2u);
  BOOST_TEST(q.parts[0].id == "questionnaire");
  BOOST_TEST(q.parts[1].id == "worksheet");
  std::vector<std::string> worksheet;
  for (const auto& item : q.items)
    if (item.part == 1) worksheet.push_back(item.id);
  BOOST_TEST(worksheet == (std::vector<std::string>{"episodes"}), boost::test_tools::per_element());
  BOOST_TEST(q.scored_parts() == (std::vector<std::string>{"questionnaire"}), boost::test_tools::per_element());
  BOOST_TEST(q.meeting_ids() == "m1|m3|m5");
  BOOST_TEST(q.meetings[0].name.ja == "第1回（5月）");
  BOOST_TEST(ids_of(q, q.meetings[1].collects) == (std::vector<std::string>{"worksheet"}),
             boost::test_tools::per_element());
  BOOST_TEST(ids_of(q, q.meetings[2].collects) == (std::vector<std::string>{"questionnaire"}),
             boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(meetings_without_parts_collect_the_implicit_part_and_are_ordered_by_order) {
  const auto text = two_sections(
      "meetings:\n  - {id: late, order: 9, name: {ja: 後, en: Late}}\n  - {id: early, order: 2, name: Early}\n");
  Diagnostics d;
  const Questionnaire q = Questionnaire::parse(text, "q.yaml", test::tiny_model(), d);
  BOOST_TEST(test::messages(d) == plus_unkeyed({}), boost::test_tools::per_element());
  BOOST_TEST(q.meeting_ids() == "early|late");
  BOOST_TEST(q.meetings[0].name.en == "Early");
  BOOST_TEST(q.meetings[1].collects == (std::vector<int>{0}), boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(bad_parts_are_located_errors) {
  BOOST_TEST(questionnaire_messages(two_sections("parts:\n  - {id: p1, sections: [a, zz]}\n  - {id: p2, sections: [a]}\n")) ==
                 plus_unkeyed({"q.yaml:13:28: error: p1: unknown section 'zz'",
                               "q.yaml:14:24: error: p2: section 'a' is already in part 'p1'",
                               "q.yaml:13:3: error: b: this section is in no part (every section belongs to one part)"}),
             boost::test_tools::per_element());
  BOOST_TEST(questionnaire_messages(two_sections("parts:\n  - {id: p1, sections: [a, b, a]}\n  - {id: p1, title: P, sections: []}\n  - {sections: [b]}\n")) ==
                 plus_unkeyed({"q.yaml:13:31: error: p1: names section 'a' twice",
                               "q.yaml:14:10: error: p1: duplicate id",
                               "q.yaml:14:34: error: p1: sections must be a non-empty list of section ids",
                               "q.yaml:15:5: error: parts[3]: needs an id",
                               "q.yaml:15:16: error: parts[3]: section 'b' is already in part 'p1'"}),
             boost::test_tools::per_element());
  BOOST_TEST(questionnaire_messages(two_sections("parts: {a: b}\n")) ==
                 plus_unkeyed({"q.yaml:12:8: error: parts: expected a non-empty list of parts"}),
             boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(bad_meetings_are_located_errors) {
  const std::string parts = "parts:\n  - {id: p1, sections: [a]}\n  - {id: p2, sections: [b]}\n";
  BOOST_TEST(questionnaire_messages(two_sections(parts +
                                                 "meetings:\n"
                                                 "  - {id: one, order: 1, name: One, collects: [p1, p3]}\n"
                                                 "  - {id: one, order: 1, collects: [p2]}\n"
                                                 "  - {id: three, order: 2.5, name: Three, collects: p1}\n"
                                                 "  - {id: 'a b', name: Four}\n")) ==
                 plus_unkeyed({"q.yaml:16:51: error: one: unknown part 'p3'",
                               "q.yaml:17:10: error: one: duplicate id",
                               "q.yaml:17:5: error: one: a meeting needs a name (ja and en)",
                               "q.yaml:17:22: error: one: meeting 'one' has the same order",
                               "q.yaml:18:24: error: three: order must be a whole number from 1 to 1000",
                               "q.yaml:18:52: error: three: collects must be a non-empty list of part ids",
                               "q.yaml:19:10: error: meetings[4]: the id may use only letters, digits, '_' and '-' (at most 64)",
                               "q.yaml:19:5: error: meetings[4]: a meeting needs an order (its number in the programme: 1, 2, ...)"}),
             boost::test_tools::per_element());
}

BOOST_AUTO_TEST_SUITE_END()
