#include "engine/records.hpp"

#include <boost/test/unit_test.hpp>
#include <random>
#include <set>

#include "tests/testutil.hpp"

using namespace careermap;

namespace {

const Questionnaire& course() {
  static const Questionnaire q = [] {
    Diagnostics d;
    Questionnaire c = Questionnaire::load(std::string(CAREERMAP_SOURCE_DIR) + "/tests/data/tiny/course.yaml", d);
    for (const auto& x : d.list()) BOOST_TEST_MESSAGE(x.format());
    BOOST_REQUIRE(!d.has_errors());
    return c;
  }();
  return q;
}

Answers course_answers(const std::string& head, const std::string& body, Diagnostics& d) {
  return parse_answers(course(), "questionnaire: course\nparticipant: c1\n" + head + "answers:\n" + body, "c.yaml", d);
}

// Answers with the given likert values (item -> value) at `meeting`.
Answers version(const std::string& meeting, const std::map<std::string, double>& values) {
  Answers a;
  a.participant = "c1";
  a.meeting = meeting;
  for (const auto& [id, v] : values) {
    Answer ans;
    ans.type = ItemType::likert;
    ans.number = v;
    a.values[id] = ans;
  }
  return a;
}

std::map<std::string, double> numbers(const Answers& a) {
  std::map<std::string, double> out;
  for (const auto& [id, ans] : a.values) out[id] = ans.number.value_or(-1);
  return out;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(records)

BOOST_AUTO_TEST_CASE(the_parts_a_file_holds_and_its_answers_restricted_to_parts) {
  Diagnostics d;
  const Answers a = course_answers("", "  org: town\n  k1: 2\n  note: 題\n  steps:\n    - {y0: 2020, what: 何か}\n", d);
  BOOST_TEST(test::messages(d).empty());
  BOOST_TEST(part_ids_present(course(), a) == (std::vector<std::string>{"survey", "journey"}),
             boost::test_tools::per_element());
  const Answers survey = answers_of_parts(course(), a, {"survey"});
  BOOST_TEST(survey.participant == "c1");
  BOOST_TEST(survey.values.size() == 2u);
  BOOST_TEST(survey.values.count("org") == 1u);
  BOOST_TEST(survey.values.count("k1") == 1u);
  const Answers journey = answers_of_parts(course(), a, {"journey"});
  BOOST_TEST(part_ids_present(course(), journey) == (std::vector<std::string>{"journey"}),
             boost::test_tools::per_element());
  BOOST_TEST(answers_of_parts(course(), a, {"journey", "survey"}).values.size() == 4u);
  BOOST_TEST(answers_of_parts(course(), a, {}).values.empty());
  BOOST_CHECK_EXCEPTION(answers_of_parts(course(), a, {"all"}), Error, [](const Error& e) {
    return std::string(e.what()).find("error: parts: the questionnaire 'course' has no part 'all'") != std::string::npos;
  });
}

BOOST_AUTO_TEST_CASE(meetings_by_id_and_the_older_session_names) {
  BOOST_TEST(*resolve_meeting(course(), "midway") == "midway");
  BOOST_TEST(*resolve_meeting(course(), "pre") == "kickoff");
  BOOST_TEST(*resolve_meeting(course(), "post") == "closing");
  BOOST_TEST(*resolve_meeting(course(), "") == "");
  BOOST_TEST(!resolve_meeting(course(), "Midway"));
  const Questionnaire tiny = test::tiny_questionnaire();
  BOOST_TEST(*resolve_meeting(tiny, "post") == "post");
  BOOST_TEST(!resolve_meeting(tiny, "kickoff"));
  BOOST_TEST(meeting_rank(course(), "closing") == 2);
  BOOST_TEST(meeting_rank(course(), "") == -1);
}

BOOST_AUTO_TEST_CASE(an_answers_file_names_its_meeting) {
  Diagnostics d;
  BOOST_TEST(course_answers("meeting: midway\n", "  note: x\n", d).meeting == "midway");
  BOOST_TEST(course_answers("session: post\n", "  org: town\n", d).meeting == "closing");
  BOOST_TEST(test::messages(d).empty());
  Diagnostics bad;
  BOOST_TEST(course_answers("meeting: m9\n", "  org: town\n", bad).meeting == "");
  BOOST_TEST(course_answers("meeting: midway\nsession: pre\n", "  org: town\n", bad).meeting == "");
  BOOST_TEST(course_answers("session: midway\n", "  org: town\n", bad).meeting == "");
  BOOST_TEST(test::messages(bad) ==
                 (std::vector<std::string>{"c.yaml:3:10: error: meeting: names no meeting of 'course' (kickoff|midway|closing)",
                                           "c.yaml:4:10: error: session: give meeting or session, not both",
                                           "c.yaml:3:10: error: session: must be pre or post"}),
             boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(a_meeting_record_holds_the_newest_version_of_each_part_as_of_that_meeting) {
  std::vector<Answers> versions = {
      version("kickoff", {{"k1", 1}, {"k2", 1}}),   // survey
      version("midway", {{"note", 5}}),             // journey (a number stands for any answer here)
      version("closing", {{"k1", 3}}),              // survey again
      version("midway", {{"note", 6}}),             // the journey revised, sent after the closing survey
      version("kickoff", {{"k3", 2}}),              // a late kickoff survey: replaces the first
  };
  versions[0].name = "N1";
  versions[0].cohort = "c1";
  versions[2].name = "N2";
  const auto recs = meeting_records(course(), versions);
  BOOST_REQUIRE(recs.size() == 3u);
  BOOST_TEST(recs[0].answers.name == "N1");
  BOOST_TEST(recs[1].answers.name == "N1");  // the worksheet said none
  BOOST_TEST(recs[1].answers.cohort == "c1");
  BOOST_TEST(recs[2].answers.name == "N2");
  BOOST_TEST(recs[2].answers.cohort == "c1");
  BOOST_TEST(recs[0].meeting == "kickoff");
  BOOST_TEST((numbers(recs[0].answers) == std::map<std::string, double>{{"k3", 2}}));
  BOOST_TEST(recs[0].parts == (std::vector<std::string>{"survey"}), boost::test_tools::per_element());
  BOOST_TEST(recs[0].missing == (std::vector<std::string>{"journey"}), boost::test_tools::per_element());
  BOOST_TEST(recs[1].meeting == "midway");
  BOOST_TEST((numbers(recs[1].answers) == std::map<std::string, double>{{"k3", 2}, {"note", 6}}));
  BOOST_TEST(recs[1].missing.empty());
  BOOST_TEST(recs[2].meeting == "closing");
  BOOST_TEST((numbers(recs[2].answers) == std::map<std::string, double>{{"k1", 3}, {"note", 6}}));
  BOOST_TEST(recs[2].answers.meeting == "closing");
  // The versions each record takes parts from.
  BOOST_TEST(recs[0].versions == (std::vector<size_t>{4}), boost::test_tools::per_element());
  BOOST_TEST(recs[1].versions == (std::vector<size_t>{3, 4}), boost::test_tools::per_element());
  BOOST_TEST(recs[2].versions == (std::vector<size_t>{2, 3}), boost::test_tools::per_element());
}

// The rule of FORMAT.md told another way: replay the versions sent up to the meeting, earlier
// meetings first and in the order sent within one; each version replaces the parts it holds.
BOOST_AUTO_TEST_CASE(records_agree_with_a_replay_of_the_versions_on_random_histories) {
  const Questionnaire& q = course();
  const std::vector<std::string> meetings = {"", "kickoff", "midway", "closing"};
  const std::vector<std::string> items = {"org", "k1", "k4", "note", "steps"};
  std::mt19937 rng(14);
  for (int run = 0; run < 2000; ++run) {
    std::vector<Answers> versions;
    const int n = 1 + static_cast<int>(rng() % 6);
    for (int v = 0; v < n; ++v) {
      std::map<std::string, double> values;
      for (const auto& id : items)
        if (rng() % 3 == 0) values[id] = static_cast<double>(rng() % 4);
      versions.push_back(version(meetings[rng() % meetings.size()], values));
    }
    const auto recs = meeting_records(q, versions);
    // Taking the versions (one is moved) gives the same records.
    const auto taken = meeting_records(q, std::vector<Answers>(versions));
    BOOST_REQUIRE_EQUAL(taken.size(), recs.size());
    for (size_t r = 0; r < recs.size(); ++r) {
      BOOST_REQUIRE_EQUAL(taken[r].meeting, recs[r].meeting);
      BOOST_REQUIRE(taken[r].parts == recs[r].parts);
      BOOST_REQUIRE(taken[r].missing == recs[r].missing);
      BOOST_REQUIRE(taken[r].versions == recs[r].versions);
      BOOST_REQUIRE(numbers(taken[r].answers) == numbers(recs[r].answers));
      BOOST_REQUIRE_EQUAL(taken[r].answers.participant, recs[r].answers.participant);
      BOOST_REQUIRE_EQUAL(taken[r].answers.meeting, recs[r].answers.meeting);
    }
    std::vector<std::string> sent_at;
    for (const auto& m : meetings)
      for (const auto& v : versions)
        if (v.meeting == m) {
          sent_at.push_back(m);
          break;
        }
    BOOST_REQUIRE(recs.size() == sent_at.size());
    for (size_t r = 0; r < recs.size(); ++r) {
      BOOST_TEST(recs[r].meeting == sent_at[r]);
      std::map<std::string, double> replay;
      std::map<std::string, size_t> source;  // part -> the version it was last taken from
      const auto upto = std::find(meetings.begin(), meetings.end(), sent_at[r]) - meetings.begin();
      for (long m = 0; m <= upto; ++m)
        for (size_t i = 0; i < versions.size(); ++i) {
          const Answers& v = versions[i];
          if (v.meeting != meetings[m]) continue;
          for (const auto& part : part_ids_present(q, v)) {
            source[part] = i;
            for (auto it = replay.begin(); it != replay.end();)
              it = q.parts[q.items[*q.find_item(it->first)].part].id == part ? replay.erase(it) : std::next(it);
            for (const auto& [id, x] : numbers(answers_of_parts(q, v, {part}))) replay[id] = x;
          }
        }
      BOOST_TEST((numbers(recs[r].answers) == replay));
      std::set<size_t> from;
      for (const auto& [part, i] : source) from.insert(i);
      BOOST_TEST(recs[r].versions == std::vector<size_t>(from.begin(), from.end()), boost::test_tools::per_element());
      std::vector<std::string> held = part_ids_present(q, recs[r].answers);
      BOOST_TEST(recs[r].parts == held, boost::test_tools::per_element());
      BOOST_TEST(recs[r].parts.size() + recs[r].missing.size() == q.parts.size());
    }
  }
}

BOOST_AUTO_TEST_SUITE_END()
