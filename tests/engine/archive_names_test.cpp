#include "engine/archive_names.hpp"

#include <boost/test/unit_test.hpp>
#include <cstring>
#include <map>
#include <random>
#include <set>

#include "engine/answers.hpp"
#include "engine/utf8.hpp"

using namespace careermap;

namespace {

std::string lower(std::string s) {
  for (auto& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

// An independent statement of what a file or folder name may be on ext4, NTFS, FAT and
// exFAT, and when unzipped anywhere: Microsoft's "Naming Files, Paths, and Namespaces".
bool portable_name(const std::string& name) {
  if (name.empty() || name.size() > 100 || name == "." || name == "..") return false;
  for (unsigned char c : name)
    if (c < 0x20 || c == 0x7F || c >= 0x80 || std::strchr("<>:\"/\\|?*", c)) return false;
  if (name.back() == '.' || name.back() == ' ') return false;
  const std::string stem = lower(name.substr(0, name.find('.')));
  static const std::set<std::string> reserved = [] {
    std::set<std::string> r = {"con", "prn", "aux", "nul"};
    for (char d = '0'; d <= '9'; ++d) r.insert({std::string("com") + d, std::string("lpt") + d});
    return r;
  }();
  return !reserved.count(stem);
}

// Hostile text, as an answers file or an old archive might hold it.
std::string hostile(std::mt19937& rng) {
  static const std::vector<std::string> parts = {
      "..", ".", "/", "\\", std::string("\0", 1), "\x1b[31m", "\n", "\t", "\r", "CON", "con", "Com1", "lpt9", "AUX",
      "nul", "p01", "P01", "p02.v1.yaml", " ", "a.", "<>:\"|?*", std::string(200, 'a'), std::string(64, 'B'),
      "\xE5\xB1\xB1\xE7\x94\xB0", "\xff", "\xC0\xAF", "", "none", "NONE", "unknown", "mapped.0123456789abcdef",
      "index.csv", "/etc/passwd", "C:\\x", "\xE2\x80\xAE", "~", "-", "_"};
  std::string s;
  const int n = static_cast<int>(rng() % 4);
  for (int i = 0; i < n; ++i) {
    if (rng() % 3 == 0) {  // a short random id, random case
      for (int k = 0, len = 1 + static_cast<int>(rng() % 3); k < len; ++k) s += "aAbB01"[rng() % 6];
    } else {
      s += parts[rng() % parts.size()];
    }
  }
  return s;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(archive_names)

BOOST_AUTO_TEST_CASE(escaped_shows_controls_bidi_and_bad_bytes_as_codes) {
  BOOST_TEST(escaped("p01") == "p01");
  BOOST_TEST(escaped("\xE5\xB1\xB1\xE7\x94\xB0") == "\xE5\xB1\xB1\xE7\x94\xB0");  // 山田: text as it is
  BOOST_TEST(escaped("a\tb\nc\r") == "a\\x09b\\x0Ac\\x0D");
  BOOST_TEST(escaped("\x1b[31mred") == "\\x1B[31mred");
  BOOST_TEST(escaped(std::string("id\0x", 4)) == "id\\x00x");
  BOOST_TEST(escaped("a\\x09") == "a\\\\x09");  // a backslash cannot fake an escape
  BOOST_TEST(escaped("\x7f\xC2\x85") == "\\x7F\\u{0085}");
  BOOST_TEST(escaped("\xE2\x80\xAEtxt.exe") == "\\u{202E}txt.exe");  // right-to-left override
  BOOST_TEST(escaped("a\xE2\x80\x8B" "b") == "a\\u{200B}b");            // zero-width space
  BOOST_TEST(escaped("\xff\xC0\xAF\xED\xA0\x80") == "\\xFF\\xC0\\xAF\\xED\\xA0\\x80");  // not UTF-8
  BOOST_TEST(escaped("\xE5\xB1") == "\\xE5\\xB1");  // cut short
}

BOOST_AUTO_TEST_CASE(escaped_never_lets_a_control_through_on_random_bytes) {
  std::mt19937 rng(12);
  for (int i = 0; i < 5000; ++i) {
    std::string s(rng() % 24, '\0');
    for (auto& c : s) c = static_cast<char>(rng() % 4 == 0 ? 0xE2 : rng());
    const std::string e = escaped(s);
    BOOST_TEST_REQUIRE(first_invalid_utf8(e) == std::string::npos);
    for (unsigned char c : e) BOOST_TEST_REQUIRE((c >= 0x20 && c != 0x7F));
    BOOST_TEST_REQUIRE(e.find("\xC2\x85") == std::string::npos);
    BOOST_TEST_REQUIRE(e.find("\xE2\x80\xAE") == std::string::npos);
    BOOST_TEST_REQUIRE(e.find("\xE2\x81\xA6") == std::string::npos);
  }
}

BOOST_AUTO_TEST_CASE(safe_file_names_are_ids_that_are_no_device) {
  for (const char* ok : {"p01", "P01", "2026", "con1", "console", "lpt", "com10", "a-b_c"}) BOOST_TEST(safe_file_name(ok), ok);
  for (const char* bad : {"", "CON", "con", "Prn", "aux", "NUL", "com1", "COM9", "lpt0", "LPT5", "..", "a.b", "a/b", "a b",
                          "p02.v1.yaml"})
    BOOST_TEST(!safe_file_name(bad), bad);
  BOOST_TEST(!safe_file_name(std::string("p1\0", 3)));
  BOOST_TEST(!safe_file_name(std::string(65, 'a')));
}

BOOST_AUTO_TEST_CASE(folder_names_are_stable_and_unique_ignoring_case) {
  FolderNames f("none");
  BOOST_TEST(f.of("2026") == "2026");
  BOOST_TEST(f.of("") == "none");
  BOOST_TEST(f.of("A") == "A");
  BOOST_TEST(f.of("a") == "mapped.ca978112ca1bbdca");  // "a" differs from "A" only in case
  BOOST_TEST(f.of("A") == "A");
  BOOST_TEST(f.of("none") == "mapped.140bedbf9c3f6d56");  // the name of no session is taken
  BOOST_TEST(f.of("../x") == "mapped.d6b96a97d147daaa");
  BOOST_TEST(f.of("CON") == "mapped.a3dbc4b644a9a2c5");
  BOOST_TEST(file_name_part("p01", "unknown") == "p01");
  BOOST_TEST(file_name_part("", "unknown") == "unknown");
  BOOST_TEST(file_name_part(std::string("p02.v1.yaml\0", 12), "unknown") == "mapped.d101f28d8a21da58");
}

BOOST_AUTO_TEST_CASE(shown_ids_are_checked_ids_only) {
  BOOST_TEST(shown_id("p01", "-") == "p01");
  BOOST_TEST(shown_id("", "-") == "-");
  BOOST_TEST(shown_id("p01\t2026\tvalid\n", "-") == "(not an id)");
  BOOST_TEST(shown_id("\x1b]0;owned\x07", "") == "(not an id)");
  BOOST_TEST(shown_id("\xE5\xB1\xB1\xE7\x94\xB0", "") == "(not an id)");  // a name, perhaps
}

BOOST_AUTO_TEST_CASE(export_paths_stay_inside_and_are_unique_ignoring_case_on_random_hostile_ids) {
  std::mt19937 rng(2026);
  for (int archive = 0; archive < 200; ++archive) {
    std::vector<Submission> subs;
    for (int i = 0, n = 1 + static_cast<int>(rng() % 60); i < n; ++i) {
      Submission s;
      s.id = static_cast<int64_t>(subs.size()) + 1;
      s.cohort = hostile(rng);
      s.meeting = rng() % 2 ? hostile(rng) : std::string(rng() % 2 ? "pre" : "post");
      s.participant = hostile(rng);
      s.quarantined = rng() % 2;
      s.source = rng() % 2 ? "form.csv:" + std::to_string(i) : "x.yaml";
      subs.push_back(s);
    }
    const auto paths = export_paths(subs);
    BOOST_TEST_REQUIRE(paths.size() == subs.size());
    std::set<std::string> folded;
    std::map<std::string, std::string> cohort_folder, folder_cohort;  // folders are one-to-one, ignoring case
    for (size_t i = 0; i < paths.size(); ++i) {
      BOOST_TEST_REQUIRE(folded.insert(lower(paths[i])).second, "unique ignoring case: " << paths[i]);
      std::vector<std::string> parts;
      for (size_t at = 0;;) {
        const size_t slash = paths[i].find('/', at);
        parts.push_back(paths[i].substr(at, slash - at));
        if (slash == std::string::npos) break;
        at = slash + 1;
      }
      BOOST_TEST_REQUIRE(parts.size() == 3u);
      for (const auto& p : parts) BOOST_TEST_REQUIRE(portable_name(p), "portable: " << p);
      const std::string suffix = ".v" + std::to_string(subs[i].id) + ".";
      BOOST_TEST_REQUIRE(parts[2].find(suffix) != std::string::npos);
      auto [c, fresh_c] = cohort_folder.emplace(subs[i].cohort, parts[0]);
      BOOST_TEST_REQUIRE(c->second == parts[0]);
      auto [f, fresh_f] = folder_cohort.emplace(lower(parts[0]), subs[i].cohort);
      BOOST_TEST_REQUIRE((f->second == subs[i].cohort));
      if (safe_file_name(subs[i].participant)) BOOST_TEST_REQUIRE(parts[2].rfind(subs[i].participant + ".v", 0) == 0u);
    }
  }
}

BOOST_AUTO_TEST_SUITE_END()
