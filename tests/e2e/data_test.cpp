// Where the program finds its data (tools/cli.hpp data_dir): a copied tree uses its own
// edited templates, CAREERMAP_DATA wins over the tree, and a program with no data beside it
// says where it looked. Each runs a copy of the real program; a questionnaire other than
// presession-v1 (tests/data/tiny).
#include <boost/test/unit_test.hpp>
#include <filesystem>
#include <fstream>
#include <string>

#include "tests/e2e/run.hpp"

namespace fs = std::filesystem;
using careermap::test::run;
using careermap::test::slurp;

namespace {

const std::string kTiny = kSrc + "/tests/data/tiny/tiny.yaml";

// The first cell of `form --csv --lang en`, after the byte order mark.
std::string first_column(const std::string& csv) {
  const std::string body = csv.rfind("\xEF\xBB\xBF", 0) == 0 ? csv.substr(3) : csv;
  return body.substr(0, body.find(','));
}

// A copy of the source's data in `dir` (templates/, questionnaires/), with form.yaml's
// English participant column renamed to `label`.
void copy_data(const fs::path& dir, const std::string& label) {
  fs::create_directories(dir);
  fs::copy(kSrc + "/templates", dir / "templates", fs::copy_options::recursive);
  fs::copy(kSrc + "/questionnaires", dir / "questionnaires", fs::copy_options::recursive);
  std::string form = slurp(dir / "templates" / "form.yaml");
  const std::string from = "en: Participant ID}";
  BOOST_REQUIRE(form.find(from) != std::string::npos);
  form.replace(form.find(from), from.size(), "en: " + label + "}");
  std::ofstream(dir / "templates" / "form.yaml", std::ios::trunc) << form;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(data)

BOOST_AUTO_TEST_CASE(a_copied_build_tree_uses_its_own_edited_templates) {
  careermap::test::TempDir dir;
  const fs::path tree = dir.path() / "copy";
  copy_data(tree, "Member number");
  fs::create_directories(tree / "build");
  fs::copy_file(kBin, tree / "build" / "careermap");
  fs::permissions(tree / "build" / "careermap", fs::perms::owner_exec, fs::perm_options::add);
  fs::copy_file(fs::path(kBin).parent_path() / "careermap-data.txt", tree / "build" / "careermap-data.txt");
  const auto copied = run("cd / && env -u CAREERMAP_DATA " + (tree / "build" / "careermap").string() + " form -q " +
                          kTiny + " --csv --lang en");
  BOOST_TEST(copied.status == 0);
  BOOST_TEST(copied.err == "");
  BOOST_TEST(first_column(copied.out) == "Member number");
  // The program the copy was made from still reads its own source.
  const auto original = run("cd / && env -u CAREERMAP_DATA " + kBin + " form -q " + kTiny + " --csv --lang en");
  BOOST_TEST(first_column(original.out) == "Participant ID");
}

BOOST_AUTO_TEST_CASE(an_installed_tree_uses_share_careermap_beside_its_bin) {
  careermap::test::TempDir dir;
  copy_data(dir.path() / "prefix" / "share" / "careermap", "Member");
  fs::create_directories(dir.path() / "prefix" / "bin");
  fs::copy_file(kBin, dir.path() / "prefix" / "bin" / "careermap");
  const auto r = run("cd / && env -u CAREERMAP_DATA " + (dir.path() / "prefix" / "bin" / "careermap").string() +
                     " form -q " + kTiny + " --csv --lang en");
  BOOST_TEST(r.status == 0);
  BOOST_TEST(first_column(r.out) == "Member");
}

BOOST_AUTO_TEST_CASE(careermap_data_wins_over_the_tree) {
  careermap::test::TempDir dir;
  copy_data(dir.path() / "data", "Attendee");
  const auto r = run("cd / && CAREERMAP_DATA=" + (dir.path() / "data").string() + " " + kBin + " form -q " + kTiny +
                     " --csv --lang en");
  BOOST_TEST(r.status == 0);
  BOOST_TEST(first_column(r.out) == "Attendee");
  const auto wrong = run("cd / && CAREERMAP_DATA=" + dir.path().string() + " " + kBin + " form -q " + kTiny + " --csv");
  BOOST_TEST(wrong.status == 2);
  BOOST_TEST(wrong.out == "");
  BOOST_TEST(wrong.err == dir.path().string() +
                              ": error: CAREERMAP_DATA names no folder holding careermap's templates/: No such file or "
                              "directory\n");
}

BOOST_AUTO_TEST_CASE(a_program_with_no_data_beside_it_says_where_it_looked) {
  careermap::test::TempDir dir;
  fs::create_directories(dir.path() / "bin");
  fs::copy_file(kBin, dir.path() / "bin" / "careermap");
  const auto r = run("cd / && env -u CAREERMAP_DATA " + (dir.path() / "bin" / "careermap").string() + " form -q " +
                     kTiny + " --csv");
  BOOST_TEST(r.status == 2);
  BOOST_TEST(r.out == "");
  BOOST_TEST(r.err == (dir.path() / "share" / "careermap").string() +
                          ": error: careermap's data (templates/, questionnaires/) is not here, beside the program; "
                          "install it with the program or set CAREERMAP_DATA to the folder holding it: No such file or "
                          "directory\n");
}

// render finds its templates before it reads the answers: without them it says so at once,
// with nothing about the files (which it has not read) and no output folder made.
BOOST_AUTO_TEST_CASE(render_without_its_data_says_so_before_reading_the_files) {
  careermap::test::TempDir dir;
  std::ofstream(dir.path() / "bad.yaml") << "questionnaire: presession-v1\nparticipant: [oops\n";
  const auto r = run("CAREERMAP_DATA=" + dir.path().string() + " " + kBin + " render -q " + kPre + " -o " +
                     (dir.path() / "out").string() + " " + (dir.path() / "bad.yaml").string());
  BOOST_TEST(r.status == 2);
  BOOST_TEST(r.err == dir.path().string() +
                          ": error: CAREERMAP_DATA names no folder holding careermap's templates/: No such file or "
                          "directory\n");
  BOOST_TEST(!std::filesystem::exists(dir.path() / "out"));
}

BOOST_AUTO_TEST_SUITE_END()
