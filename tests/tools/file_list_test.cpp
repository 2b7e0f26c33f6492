#include "tools/file_list.hpp"

#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <boost/test/unit_test.hpp>
#include <filesystem>
#include <fstream>
#include <cstdio>
#include <random>

#include "tests/testutil.hpp"

using namespace careermap;
using namespace careermap::cli;
namespace fs = std::filesystem;

namespace {

std::vector<std::string> all(const FileList& l) {
  std::vector<std::string> out;
  for (size_t i = 0; i < l.size(); ++i) out.push_back(l[i]);
  return out;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(file_list)

// Files stay as given; a folder gives its YAML files (.yaml, .yml, any case; not hidden, not
// sub-folders, not other files), sorted by bytes, in the place of the folder, with or without
// its '/'; links to files are followed.
BOOST_AUTO_TEST_CASE(a_folder_gives_its_yaml_files_in_name_order) {
  test::TempDir dir;
  const fs::path d = dir.path() / "answers";
  fs::create_directories(d / "sub.yaml");
  for (const char* n : {"b.yaml", "a.YML", "B.yaml", ".hidden.yaml", "notes.txt", "form.csv", "z.yml", "x.yamlx"})
    std::ofstream(d / n) << "x";
  fs::create_symlink(d / "b.yaml", d / "link.yaml");
  const std::string dd = d.string();
  const FileList l({"one.yaml", dd, "two.csv", dd + "/"});
  const std::vector<std::string> want = {
      "one.yaml",         dd + "/B.yaml", dd + "/a.YML",      dd + "/b.yaml", dd + "/link.yaml", dd + "/z.yml",
      "two.csv",          dd + "/B.yaml", dd + "/a.YML",      dd + "/b.yaml", dd + "/link.yaml", dd + "/z.yml"};
  BOOST_TEST(all(l) == want, boost::test_tools::per_element());
  for (size_t i = 0; i < l.size(); ++i) BOOST_TEST(!l.problem(i));
}

// A folder without YAML files, and one that cannot be read, stay one entry with their problem.
BOOST_AUTO_TEST_CASE(a_folder_that_gives_no_file_is_an_entry_with_its_problem) {
  test::TempDir dir;
  const fs::path empty = dir.path() / "empty", closed = dir.path() / "closed";
  fs::create_directories(empty);
  fs::create_directories(closed);
  std::ofstream(empty / "notes.txt") << "x";
  std::ofstream(closed / "a.yaml") << "x";
  ::chmod(closed.c_str(), 0);
  const FileList l({"a.yaml", empty.string(), closed.string()});
  BOOST_TEST_REQUIRE(l.size() == 3u);
  BOOST_TEST(l[1] == empty.string());
  BOOST_TEST(!l.problem(0));
  BOOST_TEST_REQUIRE(l.problem(1));
  BOOST_TEST(l.problem(1)->format() ==
             empty.string() + ": error: no answers files in this folder (names ending .yaml or .yml)");
  if (::geteuid() != 0) {  // root reads any folder
    BOOST_TEST_REQUIRE(l.problem(2));
    BOOST_TEST(l.problem(2)->format() == closed.string() + ": error: cannot read the folder: Permission denied");
  } else {
    BOOST_TEST(l[2] == closed.string() + "/a.yaml");
  }
  ::chmod(closed.c_str(), 0700);
}

// Many names, random: the list is the names sorted, each path whole.
BOOST_AUTO_TEST_CASE(many_random_names_come_back_sorted) {
  test::TempDir dir;
  std::mt19937 rng(5);
  std::vector<std::string> want;
  for (int i = 0; i < 500; ++i) {
    std::string n;
    for (int k = 0, len = 1 + static_cast<int>(rng() % 12); k < len; ++k) n += "aZ0_-é"[rng() % 6];
    n += rng() % 2 ? ".yaml" : ".yml";
    if (std::find(want.begin(), want.end(), n) != want.end()) continue;
    std::ofstream(dir.path() / n) << "x";
    want.push_back(n);
  }
  std::sort(want.begin(), want.end());
  for (auto& n : want) n = dir.path().string() + "/" + n;
  BOOST_TEST(all(FileList({dir.path().string()})) == want, boost::test_tools::per_element());
}

// Names that share their starts and ends with the ones before them in every way (one inside
// another, the same twice, none shared), given as they are: each comes back whole, in any
// order of asking.
BOOST_AUTO_TEST_CASE(names_that_share_their_starts_and_ends_come_back_whole_in_any_order) {
  std::mt19937 rng(18);
  std::vector<std::string> names = {"a.yaml", "aa.yaml", "a.yaml", "abab", "ab", "", "b", "ab", "abab.yaml"};
  for (int i = 0; i < 3000; ++i) {
    const std::string& before = names[rng() % names.size()];
    std::string n = before.substr(0, rng() % (before.size() + 1));
    for (int k = 0, len = static_cast<int>(rng() % 4); k < len; ++k) n += "ab.y"[rng() % 4];
    n += before.substr(before.size() - rng() % (before.size() + 1));
    names.push_back("/nowhere-" + std::to_string(rng() % 2) + "/" + n);
  }
  const FileList l(names);
  BOOST_TEST(all(l) == names, boost::test_tools::per_element());
  for (int k = 0; k < 3000; ++k) {
    const size_t i = rng() % names.size();
    BOOST_REQUIRE_EQUAL(l[i], names[i]);
  }
}

// Numbered names, as a form service or careermap-synth makes them, cost a few bytes each
// (they were their whole name and a 4-byte start before).
BOOST_AUTO_TEST_CASE(a_hundred_thousand_numbered_names_cost_a_few_bytes_each) {
  std::vector<std::string> names;
  for (int i = 1; i <= 100000; ++i) {
    char n[32];
    std::snprintf(n, sizeof n, "/nowhere/s%06d.yaml", i);
    names.push_back(n);
  }
  const FileList l(names);
  BOOST_TEST(l.size() == 100000u);
  BOOST_TEST(l[0] == "/nowhere/s000001.yaml");
  BOOST_TEST(l[99999] == "/nowhere/s100000.yaml");
  BOOST_TEST(l[12345] == "/nowhere/s012346.yaml");
  BOOST_TEST(l.name_bytes() < 6u * 100000);
}

BOOST_AUTO_TEST_SUITE_END()
