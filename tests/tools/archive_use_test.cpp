#include "tools/archive_use.hpp"

#include <boost/test/unit_test.hpp>
#include <fstream>
#include <random>
#include <sstream>

#include "engine/answers_blob.hpp"
#include "engine/sha256.hpp"
#include "tests/testutil.hpp"

using namespace careermap;
using namespace careermap::cli;

BOOST_AUTO_TEST_SUITE(archive_use)

// Every field of a submission, as text.
std::string fields(const Submission& s) {
  return s.cohort + "|" + s.meeting + "|" + s.participant + "|" + s.questionnaire + "|" + s.source + "|" + s.sha256 +
         "|" + std::to_string(s.quarantined) + "|" + s.diagnostics + "|" + s.raw + "|" + s.parts + "|" + s.answers +
         "|" + s.answers_key;
}

// The submissions of import, made on the threads that read the files, are those one thread
// makes, field by field; each carries the SHA-256 of its bytes, the answers they hold (for
// the valid ones) and its problems (for the others).
BOOST_AUTO_TEST_CASE(submissions_made_on_the_reading_threads_are_those_of_one) {
  const Questionnaire q = test::tiny_questionnaire();
  test::TempDir dir;
  std::mt19937 rng(20261202);
  std::vector<std::string> files;
  for (int k = 0; k < 90; ++k) {
    const std::string f = (dir.path() / ("p" + std::to_string(k) + ".yaml")).string();
    const unsigned kind = rng() % 6;
    std::ofstream(f, std::ios::binary) << "questionnaire: tiny\nparticipant: t" << k << "\nmeeting: "
                                       << (kind == 1 ? "post" : "pre") << "\nanswers:\n  size: "
                                       << (kind == 0 ? "huge" : "small") << "\n  a1: " << 1 + rng() % 5 << "\n"
                                       << (kind == 2 ? "  b1: [5\n" : "");
    files.push_back(f);
  }
  const auto submissions = [&](unsigned jobs, const std::string& session) {
    std::vector<std::string> out;
    std::ostringstream err;
    const int unread = each_submission(q, FileList(files), nullptr, "c2026", session, err,
                                       [&](Submission&& s) { out.push_back(fields(s)); }, jobs);
    BOOST_TEST(unread == 0);
    return out;
  };
  for (const std::string session : {"", "post"}) {
    const std::vector<std::string> one = submissions(1, session);
    BOOST_REQUIRE_EQUAL(one.size(), files.size());
    for (unsigned jobs : {2u, 5u}) BOOST_TEST(submissions(jobs, session) == one, boost::test_tools::per_element());
  }
  std::ostringstream err;
  size_t valid = 0;
  each_submission(q, FileList(files), nullptr, "c2026", "", err, [&](Submission&& s) {
    BOOST_TEST(s.sha256 == sha256_hex(s.raw));
    if (s.quarantined) {
      BOOST_TEST(s.answers.empty());
      BOOST_TEST(s.parts.empty());
      BOOST_TEST(s.diagnostics.find(s.source + ":") == 0u);
      return;
    }
    ++valid;
    Diagnostics d;
    BOOST_TEST(s.answers == encode_answers(parse_answers(q, s.raw, s.source, d)));
    BOOST_TEST(s.answers_key == answers_blob_key(q));
    BOOST_TEST(s.parts == "all");
    BOOST_TEST(s.diagnostics.empty());
  }, 3);
  BOOST_TEST(valid > 40u);
  BOOST_TEST(valid < files.size());
}

BOOST_AUTO_TEST_SUITE_END()
