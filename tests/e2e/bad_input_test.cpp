// The bad-input corpus: every hostile or broken answers file gives a clear message, the
// good files beside it are still processed, and each finishes in bounded time and memory.
#include <sys/stat.h>
#include <sys/wait.h>

#include <boost/test/unit_test.hpp>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "engine/answers.hpp"
#include "tests/e2e/run.hpp"
#include "tests/testutil.hpp"

namespace fs = std::filesystem;

namespace {


// A memory bound for the program under test; none under AddressSanitizer, which reserves
// terabytes of address space for its shadow memory.
#if defined(__SANITIZE_ADDRESS__)
const std::string kLimit = "true";
#else
const std::string kLimit = "ulimit -v 4000000";
#endif

// A tighter bound for the YAML policy's tests: 300 MB of address space is enough for any
// command on good input, far from what an alias bomb needs.
#if defined(__SANITIZE_ADDRESS__)
const std::string kPrlimit = "";
#else
const std::string kPrlimit = "prlimit --as=300000000 ";
#endif

struct Result {
  int status = -1;
  std::string err;
  double seconds = 0;
};

// Runs `careermap validate` on `files` inside `dir` under the memory bound; times it.
Result validate_in(const fs::path& dir, const std::string& files) {
  const auto t0 = std::chrono::steady_clock::now();
  const std::string cmd = "cd " + dir.string() + " && " + kLimit + " && " + kBin + " validate -q " + kPre + " " + files +
                          " 2>err >/dev/null";
  const int st = std::system(cmd.c_str());
  Result r;
  r.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  r.status = WIFEXITED(st) ? WEXITSTATUS(st) : -1;
  std::ifstream in(dir / "err");
  std::stringstream s;
  s << in.rdbuf();
  r.err = s.str();
  return r;
}

// Validates `name` (written with `bytes`) beside a good sample.
Result check(const std::string& name, const std::string& bytes) {
  careermap::test::TempDir dir;
  std::ofstream(dir.path() / name, std::ios::binary) << bytes;
  fs::copy_file(kSrc + "/questionnaires/samples/p01.yaml", dir.path() / "good.yaml");
  return validate_in(dir.path(), "good.yaml " + name);
}

std::string answers(const std::string& body, const std::string& participant = "x1") {
  return "questionnaire: presession-v1\nparticipant: " + participant +
         "\nanswers:\n  municipality_size: city_50k\n  years_of_service: y5_9\n  department_kind: front\n" + body;
}

// Runs `careermap ARGS` in `dir` (with `env` before it) under the 300 MB bound.
Result run_in(const fs::path& dir, const std::string& args, const std::string& env = "") {
  const std::string cmd = "cd " + dir.string() + " && " + env + " " + kPrlimit + kBin + " " + args + " 2>err >/dev/null";
  const int st = std::system(cmd.c_str());
  Result r;
  r.status = WIFEXITED(st) ? WEXITSTATUS(st) : -1;
  std::ifstream in(dir / "err");
  std::stringstream s;
  s << in.rdbuf();
  r.err = s.str();
  return r;
}

// `n` levels of nested aliases, each standing for 8 of the level below: 8^n values in a
// file of a few hundred bytes.
std::string alias_levels(int n) {
  std::string s = "x0: &x0 [a, a, a, a, a, a, a, a]\n";
  for (int i = 1; i <= n; ++i) {
    s += "x" + std::to_string(i) + ": &x" + std::to_string(i) + " [";
    for (int k = 0; k < 8; ++k) s += (k ? ", *x" : "*x") + std::to_string(i - 1);
    s += "]\n";
  }
  return s;
}

// `n` lines of "a" as a YAML double-quoted scalar's content.
std::string lines_of_a(int n) {
  std::string t = "a";
  for (int i = 1; i < n; ++i) t += "\\na";
  return t;
}

bool has(const Result& r, const std::string& line) { return r.err.find(line) != std::string::npos; }

}  // namespace

BOOST_AUTO_TEST_SUITE(bad_input)

BOOST_AUTO_TEST_CASE(every_case_is_named_and_the_good_file_still_passes) {
  struct Case {
    std::string name, bytes, expect;
  };
  std::string bomb = "questionnaire: presession-v1\nparticipant: x1\na0: &a0 [x, x, x, x, x, x, x, x, x, x]\n";
  for (int i = 1; i < 12; ++i) {
    bomb += "a" + std::to_string(i) + ": &a" + std::to_string(i) + " [";
    for (int k = 0; k < 10; ++k) bomb += (k ? ", *a" : "*a") + std::to_string(i - 1);
    bomb += "]\n";
  }
  bomb += "answers:\n  troubles: *a11\n";
  std::string episodes = "  episodes:\n";
  for (int i = 0; i < 10000; ++i) episodes += "    - {from: 2019, title: t}\n";
  std::string random_bytes;
  for (int i = 0; i < 4096; ++i) random_bytes.push_back(static_cast<char>((i * 7919 + 13) % 251));
  const std::vector<Case> cases = {
      {"malformed.yaml", "questionnaire: [presession-v1\n", "malformed.yaml:2:1: error: malformed YAML: end of sequence flow not found"},
      {"bomb.yaml", bomb, "bomb.yaml:3:5: error: YAML anchors and aliases (& and *) are not accepted; write each value out"},
      {"deep.yaml", answers("  initiative: " + std::string(100000, '[') + std::string(100000, ']') + "\n"), "deep.yaml:7:77: error: lists and maps nested deeper than 64 levels"},
      {"garbage.yaml", random_bytes, "garbage.yaml:1: error: the file holds a NUL byte; it is not a text file"},
      {"latin1.yaml", answers("  initiative: caf\xe9\n"), "latin1.yaml:7: error: the file is not UTF-8 text (save it as UTF-8)"},
      {"nul.yaml", answers(std::string("  initiative: a\0b\n", 18)), "nul.yaml:7: error: the file holds a NUL byte; it is not a text file"},
      {"utf16.yaml", std::string("\xff\xfeq\0u\0", 6), "utf16.yaml:1: error: the file holds a NUL byte; it is not a text file"},
      {"dup.yaml", answers("  fix_individual_1: 4\n  fix_individual_1: 5\n"), "dup.yaml:8:3: error: fix_individual_1: the key is given twice (first at 7:3)"},
      {"dup_participant.yaml", answers("", "x1\nparticipant: x2"), "dup_participant.yaml:3:1: error: participant: the key is given twice (first at 2:1)"},
      {"dup_field.yaml", answers("  episodes:\n    - from: 2019\n      title: t\n      from: 2020\n"),
       "dup_field.yaml:10:7: error: from: the key is given twice (first at 8:7)"},
      {"checklist.yaml", answers("  troubles: [other, other, other, other, other, other]\n"),
       "checklist.yaml:7:13: error: troubles: 6 entries; the list has 5 options, each at most once"},
      {"lines.yaml", answers("  initiative: \"" + lines_of_a(101) + "\"\n"),
       "lines.yaml:7:15: error: initiative: the text has 101 lines; at most 100 fit a career map"},
      {"huge.yaml", answers("  fix_individual_1: 1e308\n"), "huge.yaml:7:21: error: fix_individual_1: 1e+308 is outside the scale 1..5"},
      {"years.yaml", answers("  episodes:\n    - {from: -5, title: t}\n    - {from: 3000, title: t}\n"),
       "years.yaml:8:14: error: episodes[1].from: -5 is outside 1960..2100"},
      {"episodes.yaml", answers(episodes), "episodes.yaml:8:5: error: episodes: 10000 episodes; at most 200 fit a career map"},
      {"long.yaml", answers("  initiative: " + std::string(1000000, 'a') + "\n"),
       "long.yaml:7:15: error: initiative: the text has 1000000 characters; at most 20000 fit a career map"},
      {"path.yaml", answers("", "../x"), "path.yaml:2:14: error: participant: the id may use only letters, digits, '_' and '-'"},
  };
  for (const auto& c : cases) {
    const Result r = check(c.name, c.bytes);
    BOOST_TEST(r.status == 1, c.name);
    BOOST_TEST(has(r, c.expect), c.name << " says\n" << r.err);
    BOOST_TEST(has(r, "careermap: 1 of 2 answers used; invalid: " + c.name), c.name);
    BOOST_TEST(r.seconds < 20, c.name << " took " << r.seconds << " s");
  }
}

BOOST_AUTO_TEST_CASE(alias_bombs_are_refused_in_every_yaml_input_within_300_mb) {
  const std::string refused = "error: YAML anchors and aliases (& and *) are not accepted; write each value out\n";
  careermap::test::TempDir dir;
  fs::copy_file(kSrc + "/tests/data/tiny/model.yaml", dir.path() / "model.yaml");
  // A questionnaire whose sections, items and options are aliases: before the policy, 902
  // bytes gave 11.8 million error lines and 2.3 GB.
  const int k = 70;
  std::string q = "model: model.yaml\nquestionnaire: bomb\ntitle: Bomb\no: &o {value: a}\nopts: &opts [*o";
  for (int i = 1; i < k; ++i) q += ",*o";
  q += "]\nit: &it {id: i, type: multi, text: T, options: *opts}\nitems: &items [*it";
  for (int i = 1; i < k; ++i) q += ",*it";
  q += "]\ns: &s {id: s, title: S, items: *items}\nsections: [*s";
  for (int i = 1; i < k; ++i) q += ",*s";
  std::ofstream(dir.path() / "bomb.yaml") << q << "]\n";
  Result r = run_in(dir.path(), "validate -q bomb.yaml");
  BOOST_TEST(r.status == 2);
  BOOST_TEST(r.err == "bomb.yaml:4:4: " + refused);

  // A model, and the templates (8^11 texts once flattened).
  std::ofstream(dir.path() / "q.yaml") << "model: m.yaml\nquestionnaire: q\ntitle: Q\nsections: []\n";
  std::ofstream(dir.path() / "m.yaml") << alias_levels(11) << "stages: *x11\n";
  r = run_in(dir.path(), "validate -q q.yaml");
  BOOST_TEST(r.status == 2);
  BOOST_TEST(r.err == "m.yaml:1:5: " + refused);

  fs::create_directories(dir.path() / "data" / "templates");
  std::ofstream(dir.path() / "data" / "templates" / "careermap.yaml") << alias_levels(11) << "profile: *x11\n";
  fs::copy_file(kSrc + "/questionnaires/samples/p01.yaml", dir.path() / "p01.yaml");
  r = run_in(dir.path(), "render -q " + kPre + " -o out p01.yaml", "CAREERMAP_DATA=" + (dir.path() / "data").string());
  BOOST_TEST(r.status == 1);
  BOOST_TEST(r.err == (dir.path() / "data" / "templates" / "careermap.yaml").string() + ":1:5: " + refused);
  BOOST_TEST(!fs::exists(dir.path() / "out" / "p01.pdf"));
}

BOOST_AUTO_TEST_CASE(a_checklist_of_millions_of_entries_is_refused_within_300_mb) {
  careermap::test::TempDir dir;
  std::string list = "  troubles: [other";
  list.reserve(16'000'000);
  for (int i = 1; i < 7'900'000; ++i) list += ",a";  // 15.8 MB
  std::ofstream(dir.path() / "t.yaml") << answers(list + "]\n");
  BOOST_REQUIRE(fs::file_size(dir.path() / "t.yaml") < careermap::kMaxAnswersBytes);
  const Result r = run_in(dir.path(), "validate -q " + kPre + " t.yaml");
  BOOST_TEST(r.status == 1);
  BOOST_TEST(r.err == "t.yaml:7:399988: error: more than 200000 values in one file\n"
                      "careermap: 0 of 1 answers used; invalid: t.yaml\n");
}

// 40 episodes whose outcomes were 19,999 line breaks and a letter made a 28,577-page PDF,
// 80 crashed libharu: now validate refuses such a text, and no answers can make a career
// map of more than 100 pages.
BOOST_AUTO_TEST_CASE(a_career_map_is_bounded_in_lines_and_pages) {
  careermap::test::TempDir dir;
  auto with_outcomes = [](int episodes, const std::string& outcome) {
    std::string s = "  episodes:\n";
    for (int i = 0; i < episodes; ++i)
      s += "    - {from: 2019, to: 2020, title: t, involved: team, changed: better, role: led, outcome: \"" + outcome + "\"}\n";
    return s;
  };
  std::string breaks;
  for (int i = 0; i < 19999; ++i) breaks += "\\n";
  std::ofstream(dir.path() / "breaks.yaml") << answers(with_outcomes(80, breaks + "a"));
  Result r = run_in(dir.path(), "render -q " + kPre + " -o out breaks.yaml");
  std::string expect;
  for (int i = 1; i <= 80; ++i)
    expect += "breaks.yaml:" + std::to_string(7 + i) + ":93: error: episodes[" + std::to_string(i) +
              "].outcome: the text has 20000 lines; at most 100 fit a career map\n";
  BOOST_TEST(r.status == 1);
  BOOST_TEST(r.err == expect + "careermap: 0 of 1 answers used; invalid: breaks.yaml\n");

  // Within every bound of FORMAT.md, and still too long for a career map.
  std::string long_text;
  for (int i = 0; i < 99; ++i) long_text += std::string(150, 'a') + "\\n";
  std::ofstream(dir.path() / "long.yaml") << answers(with_outcomes(200, long_text));
  r = run_in(dir.path(), "validate -q " + kPre + " long.yaml");
  BOOST_TEST(r.status == 0);
  r = run_in(dir.path(), "render -q " + kPre + " -o out long.yaml");
  BOOST_TEST(r.status == 1);
  BOOST_TEST(r.err == "long.yaml: error: the career map would have more than 100 pages\n"
                      "careermap: 1 of 1 PDFs could not be written\n");
  BOOST_TEST(!fs::exists(dir.path() / "out" / "x1.pdf"));
}

BOOST_AUTO_TEST_CASE(devices_pipes_and_links_to_them_are_refused_without_reading) {
  careermap::test::TempDir dir;
  BOOST_REQUIRE(::mkfifo((dir.path() / "fifo.yaml").c_str(), 0600) == 0);
  fs::create_symlink("/dev/urandom", dir.path() / "random.yaml");
  fs::copy_file(kSrc + "/questionnaires/samples/p01.yaml", dir.path() / "good.yaml");
  const std::string tail = ", not a regular file; careermap reads only files\n";
  Result r = run_in(dir.path(), "validate -q " + kPre + " /dev/zero fifo.yaml random.yaml good.yaml");
  BOOST_TEST(r.status == 1);
  BOOST_TEST(r.err == "/dev/zero: error: cannot read: this is a device" + tail +
                          "fifo.yaml: error: cannot read: this is a pipe (FIFO)" + tail +
                          "random.yaml: error: cannot read: this is a device" + tail +
                          "careermap: 1 of 4 answers used; invalid: /dev/zero fifo.yaml random.yaml\n");
  r = run_in(dir.path(), "validate -q random.yaml");
  BOOST_TEST(r.status == 2);
  BOOST_TEST(r.err == "random.yaml: error: cannot read: this is a device" + tail);
  r = run_in(dir.path(), "validate -q " + kPre + " --mapping fifo.yaml x.csv");
  BOOST_TEST(r.status == 2);
  BOOST_TEST(r.err == "fifo.yaml: error: cannot read: this is a pipe (FIFO)" + tail);
}

BOOST_AUTO_TEST_CASE(a_200_mb_file_is_refused_before_it_is_read) {
  careermap::test::TempDir dir;
  const fs::path big = dir.path() / "big.yaml";
  std::ofstream(big) << "x";
  fs::resize_file(big, 200'000'000);  // sparse: no disk is used
  const Result r = validate_in(dir.path(), "big.yaml");
  BOOST_TEST(r.status == 1);
  BOOST_TEST(has(r, "big.yaml: error: the file has 200 MB; an answers file is at most 16 MB"));
  BOOST_TEST(r.seconds < 5);
  // import reads submissions through the same bounded reader.
  const int st = std::system(("cd " + dir.path().string() + " && " + kLimit + " && " + kBin + " import -q " + kPre +
                              " --archive a.db --cohort 2026 big.yaml >out2 2>err2").c_str());
  std::ifstream in(dir.path() / "err2");
  std::stringstream err;
  err << in.rdbuf();
  BOOST_TEST(err.str() == "big.yaml: error: the file has 200 MB; an answers file is at most 16 MB\n"
                          "careermap import: nothing imported: 1 of 1 inputs could not be read\n");
  BOOST_TEST(WEXITSTATUS(st) == 1);
  BOOST_TEST(fs::file_size(dir.path() / "out2") == 0u);
  BOOST_TEST(!fs::exists(dir.path() / "a.db"));  // all or nothing: not even an empty archive
}

BOOST_AUTO_TEST_CASE(a_name_with_a_right_to_left_override_is_warned_and_still_renders) {
  careermap::test::TempDir dir;
  std::ofstream(dir.path() / "n.yaml") << "questionnaire: presession-v1\nparticipant: n1\nname: \"山田\\u202E太郎\\u200B\"\n"
                                          "answers:\n  municipality_size: city_50k\n  years_of_service: y5_9\n"
                                          "  department_kind: front\n";
  const std::string warning =
      "n.yaml:3:7: warning: name: holds U+202E, U+200B, invisible characters that can make a name look like another; "
      "kept as written\n";
  Result r = run_in(dir.path(), "validate -q " + kPre + " n.yaml");
  BOOST_TEST(r.status == 0);
  BOOST_TEST(r.err == warning);
  r = run_in(dir.path(), "render -q " + kPre + " -o out n.yaml");
  BOOST_TEST(r.status == 0);
  BOOST_TEST(r.err == warning);
  BOOST_TEST(fs::exists(dir.path() / "out" / "n1.pdf"));
}

BOOST_AUTO_TEST_CASE(a_name_the_font_lacks_still_renders) {
  careermap::test::TempDir dir;
  std::ofstream(dir.path() / "n.yaml") << "questionnaire: presession-v1\nparticipant: n1\nname: 𠮷野 🙂\nanswers:\n"
                                          "  municipality_size: city_50k\n  years_of_service: y5_9\n  department_kind: front\n";
  const int st = std::system(("cd " + dir.path().string() + " && " + kBin + " render -q " + kPre +
                              " -o out n.yaml >/dev/null 2>err").c_str());
  BOOST_TEST(WEXITSTATUS(st) == 0);
  BOOST_TEST(fs::exists(dir.path() / "out" / "n1.pdf"));
}

BOOST_AUTO_TEST_SUITE_END()
