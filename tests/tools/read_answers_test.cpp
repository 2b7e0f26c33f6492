#include "tools/read_answers.hpp"

#include <boost/test/unit_test.hpp>
#include <fstream>
#include <random>
#include <sstream>
#include <thread>
#include <atomic>

#include "engine/answers_blob.hpp"
#include "engine/csv_read.hpp"
#include "tests/testutil.hpp"

using namespace careermap;
using namespace careermap::cli;

BOOST_AUTO_TEST_SUITE(read_answers_files)

// What read_answers says of `file` without a mapping (the file need not exist).
std::string said_without_mapping(const std::string& file) {
  const Questionnaire q = test::tiny_questionnaire();
  std::ostringstream err;
  const ReadResult r = read_answers(q, {file}, nullptr, err, nullptr, [](AnswersRead&) {});
  BOOST_TEST(r.unread == 1);
  return err.str();
}

BOOST_AUTO_TEST_CASE(a_csv_or_a_workbook_is_known_by_its_extension_in_any_case) {
  for (const std::string f : {"form.csv", "FORM.CSV", "Form.Csv"})
    BOOST_TEST(said_without_mapping(f) == f + ": error: a CSV file needs --mapping; make one with: careermap mapping -q tiny.yaml --init " +
                                              f + " -o " + f.substr(0, f.size() - 4) + ".mapping.yaml\n");
  for (const std::string f : {"form.xlsx", "FORM.XLSX", "f.XLS", "f.Xlsm"})
    BOOST_TEST(said_without_mapping(f) == f + ": error: a workbook needs --mapping; make one with: careermap mapping -q tiny.yaml --init " +
                                              f + " -o " + f.substr(0, f.rfind('.')) + ".mapping.yaml\n");
}

// Everything read_answers hands on and prints, as text.
struct Transcript {
  std::string each, err;
  ReadResult r;
};
Transcript transcript(const Questionnaire& q, const std::vector<std::string>& files, unsigned jobs) {
  Transcript t;
  std::ostringstream err;
  std::map<std::string, std::string> seen;
  t.r = read_answers(q, files, nullptr, err, &seen, [&](AnswersRead& a) {
    t.each += a.answers.file + " ok=" + std::to_string(a.ok) + " csv=" + std::to_string(a.csv_row) + " id=" +
              a.answers.participant + " raw=" + std::string(a.raw) + " blob=" + encode_answers(a.answers) + "\n";
    for (const auto& d : a.problems->list()) t.each += "  " + d.format() + "\n";
  }, jobs);
  t.err = err.str();
  return t;
}

// The files read on several threads are handed on, checked and printed exactly as on one:
// valid and invalid files, one repeating another's participant, one that cannot be read, a
// CSV without a mapping between runs of YAML files.
BOOST_AUTO_TEST_CASE(yaml_files_read_on_several_threads_come_out_as_on_one) {
  const Questionnaire q = test::tiny_questionnaire();
  test::TempDir dir;
  std::mt19937 rng(20261204);
  std::vector<std::string> files;
  size_t valid = 0;
  for (int k = 0; k < 120; ++k) {
    const std::string f = (dir.path() / ("p" + std::to_string(k) + ".yaml")).string();
    const unsigned kind = rng() % 10;
    std::string body = "questionnaire: tiny\nparticipant: t" + std::to_string(kind == 0 ? 1 : k) + "\nanswers:\n  size: " +
                       (kind == 1 ? "huge" : "small") + "\n  a1: " + std::to_string(1 + rng() % 5) + "\n";
    if (kind == 2) body += "  b1: [5\n";
    if (kind == 3) body += "  notes: \"x\"\n  notes: \"y\"\n";
    valid += kind >= 4 || (kind == 0 && k == 1);
    std::ofstream(f, std::ios::binary) << body;
    files.push_back(f);
    if (k == 40) files.push_back((dir.path() / "missing.yaml").string());
    if (k == 80) files.push_back((dir.path() / "form.csv").string());
  }
  const Transcript one = transcript(q, files, 1);
  BOOST_TEST(one.r.valid == valid);
  BOOST_TEST(one.r.unread == 2);
  BOOST_TEST(one.r.invalid.size() == files.size() - valid);
  BOOST_TEST(one.err.find("missing.yaml: error: cannot read") != std::string::npos);
  BOOST_TEST(one.err.find("the key is given twice") != std::string::npos);
  BOOST_TEST(one.err.find("malformed YAML") != std::string::npos);
  for (unsigned jobs : {2u, 3u, 8u}) {
    const Transcript many = transcript(q, files, jobs);
    BOOST_TEST(many.each == one.each, "jobs " << jobs);
    BOOST_TEST(many.err == one.err, "jobs " << jobs);
    BOOST_TEST(many.r.valid == one.r.valid);
    BOOST_TEST(many.r.unread == one.r.unread);
    BOOST_TEST(many.r.invalid == one.r.invalid);
  }
}

// Prepare is called once for every answers read, before `each` and (for YAML files read on
// several threads) on the reading threads; it sees the read's own verdict, and `each` gets
// what it made beside the final one (a repeated participant id is invalid only there).
BOOST_AUTO_TEST_CASE(what_prepare_makes_of_a_read_comes_with_it_to_each) {
  const Questionnaire q = test::tiny_questionnaire();
  test::TempDir dir;
  std::vector<std::string> files;
  for (int k = 0; k < 40; ++k) {
    const std::string f = (dir.path() / ("p" + std::to_string(k) + ".yaml")).string();
    std::ofstream(f, std::ios::binary) << "questionnaire: tiny\nparticipant: t" << (k == 7 ? 3 : k)
                                       << "\nanswers:\n  size: " << (k == 9 ? "huge" : "small") << "\n  a1: 2\n";
    files.push_back(f);
  }
  struct Made : Prepared {
    std::string file;
    bool ok = false;
    std::thread::id on;
  };
  const std::thread::id caller = std::this_thread::get_id();
  for (unsigned jobs : {1u, 3u}) {
    std::atomic<int> made{0};
    const Prepare prepare = [&](const AnswersRead& r) {
      auto m = std::make_unique<Made>();
      m->file = r.answers.file;
      m->ok = r.ok;
      m->on = std::this_thread::get_id();
      ++made;
      return m;
    };
    std::string seen_by_each;
    std::map<std::string, std::string> seen;
    std::ostringstream err;
    read_answers(q, FileList(files), nullptr, err, &seen, [&](AnswersRead& r) {
      const auto* m = dynamic_cast<const Made*>(r.prepared);
      BOOST_REQUIRE(m);
      BOOST_TEST(m->file == r.answers.file);
      BOOST_TEST((m->on != caller) == (jobs > 1));
      seen_by_each += std::to_string(m->ok) + std::to_string(r.ok) + " ";
    }, jobs, {}, nullptr, prepare);
    BOOST_TEST(made == 40);
    std::string want;
    for (int k = 0; k < 40; ++k) want += k == 9 ? "00 " : k == 7 ? "10 " : "11 ";
    BOOST_TEST(seen_by_each == want, "jobs " << jobs);
  }
}

BOOST_AUTO_TEST_SUITE_END()
