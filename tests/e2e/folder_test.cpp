// A folder given where answers files go stands for its YAML files, in name order: score,
// validate, render and import of the folder give what they give for the files listed one by
// one, on a questionnaire other than presession-v1 (the tiny course), with a person who sent
// two meetings, a duplicate id and a bad file. A folder with no YAML file is an input that
// could not be read, said in Japanese and English.
#include <boost/test/unit_test.hpp>
#include <filesystem>
#include <fstream>
#include <regex>
#include <set>

#include "tests/e2e/run.hpp"
#include "tests/testutil.hpp"

namespace fs = std::filesystem;
using careermap::test::run;
using careermap::test::slurp;

namespace {


// 12 synthetic people in DIR/in (one at a second meeting, one twice), and the files one by one.
std::string make_inputs(const fs::path& dir) {
  BOOST_REQUIRE_EQUAL(run(kSynth + " -q " + kCourse + " -n 12 -o " + (dir / "in").string() + " --seed 8").status, 0);
  std::string text = slurp(dir / "in" / "s000003.yaml");
  std::ofstream(dir / "in" / "s000003-again.yaml") << text;  // the same id and meeting: a duplicate
  text.replace(text.find("meeting: \"pre\""), 14, "meeting: \"post\"");
  std::ofstream(dir / "in" / "s000003-post.yaml") << text;
  std::ofstream(dir / "in" / "s000009-bad.yaml") << "questionnaire: course\nparticipant: [oops\n";
  std::ofstream(dir / "in" / "notes.txt") << "not answers\n";
  std::set<std::string> sorted;
  for (const auto& e : fs::directory_iterator(dir / "in"))
    if (e.path().extension() == ".yaml") sorted.insert(e.path().string());
  std::string files;
  for (const auto& f : sorted) files += " " + f;
  return files;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(folder)

BOOST_AUTO_TEST_CASE(a_folder_gives_what_its_files_one_by_one_give) {
  careermap::test::TempDir dir;
  const std::string files = make_inputs(dir.path()), folder = " " + (dir.path() / "in").string();
  for (const std::string& cmd : {" score -q " + kCourse + " --format csv", " score -q " + kCourse,
                                " validate -q " + kCourse}) {
    const auto listed = run(kBin + cmd + files), given = run(kBin + cmd + folder);
    BOOST_TEST(listed.status == 1);  // the duplicate and the bad file
    BOOST_TEST(given.status == listed.status);
    BOOST_TEST(given.out == listed.out);
    BOOST_TEST(given.err == listed.err);
    BOOST_TEST(listed.err.find("s000003.yaml: error: participant:") != std::string::npos);  // after -again
  }
  const std::string render = kBin + " render -q " + kCourse + " --date 2026-07-01 -o ";
  const auto listed = run(render + (dir.path() / "a").string() + files);
  const auto given = run(render + (dir.path() / "b").string() + folder);
  BOOST_TEST(given.status == listed.status);
  std::set<std::string> names;
  for (const auto& e : fs::directory_iterator(dir.path() / "a")) names.insert(e.path().filename().string());
  BOOST_TEST(names.size() == 13u);  // 12 people, one at two meetings
  for (const auto& n : names) BOOST_TEST(slurp(dir.path() / "a" / n) == slurp(dir.path() / "b" / n), n);
  for (const char* a : {"a.db", "b.db"}) {
    const auto imported = run(kBin + " import -q " + kCourse + " --cohort c2026 --archive " +
                              (dir.path() / a).string() + (a[0] == 'a' ? files : folder));
    BOOST_TEST(imported.status == 1);  // the bad file, quarantined
    BOOST_TEST(imported.out == "careermap import: 13 added, 0 new versions, 1 unchanged, 1 quarantined\n");
  }
  const auto list = [&](const char* a) {  // but the time of the import
    return std::regex_replace(run(kBin + " archive --list --archive " + (dir.path() / a).string()).out,
                              std::regex("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ"), "TIME");
  };
  BOOST_TEST(list("a.db") == list("b.db"));
}

BOOST_AUTO_TEST_CASE(a_folder_without_answers_files_is_an_input_not_read) {
  careermap::test::TempDir dir;
  fs::create_directories(dir.path() / "empty");
  std::ofstream(dir.path() / "empty" / "notes.txt") << "x\n";
  const std::string empty = (dir.path() / "empty").string();
  const auto en = run("LANG=C " + kBin + " score -q " + kCourse + " " + empty);
  BOOST_TEST(en.status == 1);
  BOOST_TEST(en.err == empty + ": error: no answers files in this folder (names ending .yaml or .yml)\n"
                                "careermap: 0 of 1 answers used; invalid: " + empty + "\n");
  const auto ja = run("LANG=ja_JP.UTF-8 " + kBin + " import -q " + kCourse + " --cohort c --archive " +
                      (dir.path() / "a.db").string() + " " + empty);
  BOOST_TEST(ja.status == 1);
  BOOST_TEST(ja.err.find(empty + ": エラー: このフォルダに回答ファイルがありません（名前が .yaml か .yml で終わるもの）\n") == 0);
  BOOST_TEST(!fs::exists(dir.path() / "a.db"));
}

BOOST_AUTO_TEST_SUITE_END()
