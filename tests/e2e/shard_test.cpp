// --shard K/N from outside: the parts 1/3, 2/3 and 3/3 of score, render and import together
// give exactly what one run gives, on a questionnaire other than presession-v1 (the tiny
// course: two parts, three meetings), with people who sent several meetings and a bad file.
#include <boost/test/unit_test.hpp>
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>

#include "tests/e2e/run.hpp"
#include "tests/testutil.hpp"

namespace fs = std::filesystem;
using careermap::test::run;
using careermap::test::slurp;

namespace {


// 30 synthetic people; 8 of them also at the closing meeting (another file, same id); one
// malformed file.
std::string make_inputs(const fs::path& dir) {
  BOOST_REQUIRE_EQUAL(run(kSynth + " -q " + kCourse + " -n 30 -o " + (dir / "in").string() + " --seed 4").status, 0);
  for (int i = 1; i <= 8; ++i) {
    char id[16];
    std::snprintf(id, sizeof id, "s%06d", i * 3);
    std::string text = slurp(dir / "in" / (std::string(id) + ".yaml"));
    text.replace(text.find("meeting: \"pre\""), 14, "meeting: \"post\"");
    std::ofstream(dir / "in" / (std::string(id) + "-post.yaml")) << text;
  }
  std::ofstream(dir / "in" / "zz-bad.yaml") << "questionnaire: course\nparticipant: [oops\n";
  std::string files;
  std::set<std::string> sorted;
  for (const auto& e : fs::directory_iterator(dir / "in")) sorted.insert(e.path().string());
  for (const auto& f : sorted) files += " " + f;
  return files;
}

std::vector<std::string> lines(const std::string& s) {
  std::vector<std::string> out;
  std::istringstream in(s);
  for (std::string l; std::getline(in, l);) out.push_back(l);
  return out;
}

// The participants of a score JSON, one text per participant (from its `{"id":` line on).
std::vector<std::string> json_people(const std::string& json) {
  std::vector<std::string> out;
  for (const auto& l : lines(json)) {
    if (l.rfind("  {\"id\": ", 0) == 0) out.emplace_back();
    if (!out.empty()) out.back() += l + "\n";
  }
  // A participant ends with "}," or, the last, with "}]}" (the end of the document).
  for (auto& p : out) {
    while (!p.empty() && p.back() == '\n') p.pop_back();
    if (!p.empty() && p.back() == ',') p.pop_back();
    else if (p.size() >= 2 && p.compare(p.size() - 2, 2, "]}") == 0) p.resize(p.size() - 2);
  }
  return out;
}

// Each of `whole` is in exactly one of `parts`, and each part keeps the whole's order.
void require_partition(const std::vector<std::string>& whole, const std::vector<std::vector<std::string>>& parts) {
  std::vector<std::string> all;
  for (const auto& p : parts) {
    // In the whole's order: positions rise.
    size_t at = 0;
    for (const auto& x : p) {
      const auto it = std::find(whole.begin() + static_cast<long>(at), whole.end(), x);
      BOOST_REQUIRE_MESSAGE(it != whole.end(), "a shard's entry is not in the whole run's, in order: " << x.substr(0, 80));
      at = static_cast<size_t>(it - whole.begin()) + 1;
    }
    all.insert(all.end(), p.begin(), p.end());
  }
  std::vector<std::string> a = whole;
  std::sort(a.begin(), a.end());
  std::sort(all.begin(), all.end());
  BOOST_REQUIRE(a == all);
}

}  // namespace

BOOST_AUTO_TEST_SUITE(shard)

BOOST_AUTO_TEST_CASE(three_shards_of_score_give_the_whole_run) {
  careermap::test::TempDir dir;
  const std::string files = make_inputs(dir.path());
  for (const std::string format : {"csv", "json"}) {
    const auto whole = run(kBin + " score -q " + kCourse + " --format " + format + files);
    BOOST_REQUIRE_EQUAL(whole.status, 1);  // the bad file
    std::vector<std::vector<std::string>> parts;
    std::vector<std::string> whole_rows = format == "csv" ? lines(whole.out) : json_people(whole.out);
    const std::string header = format == "csv" ? whole_rows.front() : "";
    if (format == "csv") whole_rows.erase(whole_rows.begin());
    BOOST_REQUIRE_GT(whole_rows.size(), 30u);  // 30 people, 8 at two meetings
    for (int k = 1; k <= 3; ++k) {
      const auto part = run(kBin + " score -q " + kCourse + " --format " + format + " --shard " + std::to_string(k) + "/3" + files);
      BOOST_REQUIRE_EQUAL(part.status, 1);  // every shard reports the bad file
      BOOST_TEST(part.err.find("zz-bad.yaml") != std::string::npos);
      std::vector<std::string> rows = format == "csv" ? lines(part.out) : json_people(part.out);
      if (format == "csv") {
        BOOST_REQUIRE_EQUAL(rows.front(), header);
        rows.erase(rows.begin());
      } else {
        BOOST_TEST(part.out.rfind("{\"questionnaire\": \"course\",\n \"participants\": [", 0) == 0);
      }
      BOOST_TEST(!rows.empty());
      parts.push_back(rows);
    }
    require_partition(whole_rows, parts);
  }
}

BOOST_AUTO_TEST_CASE(three_shards_of_render_give_the_same_pdfs) {
  careermap::test::TempDir dir;
  const std::string files = make_inputs(dir.path());
  const fs::path whole = dir.path() / "whole", parts = dir.path() / "parts";
  BOOST_REQUIRE_EQUAL(run(kBin + " render -q " + kCourse + " --date 2026-07-01 -o " + whole.string() + files).status, 1);
  for (int k = 1; k <= 3; ++k)
    BOOST_REQUIRE_EQUAL(run(kBin + " render -q " + kCourse + " --date 2026-07-01 --shard " + std::to_string(k) + "/3 -o " +
                            parts.string() + files)
                            .status,
                        1);
  std::map<std::string, std::string> a, b;
  for (const auto& e : fs::directory_iterator(whole)) a[e.path().filename().string()] = slurp(e.path());
  for (const auto& e : fs::directory_iterator(parts)) b[e.path().filename().string()] = slurp(e.path());
  BOOST_TEST(a.size() == 38u);  // 30 people, 8 of them at two meetings
  BOOST_TEST(a.count("s000003-closing.pdf") == 1u);
  BOOST_REQUIRE_EQUAL(a.size(), b.size());
  for (const auto& [name, bytes] : a) {
    BOOST_REQUIRE_MESSAGE(b.count(name), name);
    BOOST_REQUIRE_MESSAGE(b[name] == bytes, name << " differs");
  }
}

BOOST_AUTO_TEST_CASE(three_shards_imported_into_one_archive_equal_importing_all) {
  careermap::test::TempDir dir;
  const std::string files = make_inputs(dir.path());
  const std::string whole = (dir.path() / "whole.db").string(), parts = (dir.path() / "parts.db").string();
  BOOST_REQUIRE_EQUAL(run(kBin + " import -q " + kCourse + " --archive " + whole + " --cohort c1" + files).status, 1);
  // The bad file (no id: it goes by its file name) is quarantined by exactly one shard.
  int quarantining = 0;
  for (int k = 1; k <= 3; ++k) {
    const auto r = run(kBin + " import -q " + kCourse + " --archive " + parts + " --cohort c1 --shard " + std::to_string(k) +
                       "/3" + files);
    BOOST_REQUIRE(r.status == 0 || r.status == 1);
    quarantining += r.status;
  }
  BOOST_TEST(quarantining == 1);
  // The listing without the id and the import time: the same submissions, in any order.
  const auto listing = [](const std::string& archive) {
    std::vector<std::string> rows;
    for (const auto& l : lines(run(kBin + " archive --list --archive " + archive).out)) {
      std::vector<std::string> cols;
      std::istringstream in(l);
      for (std::string c; std::getline(in, c, '\t');) cols.push_back(c);
      if (cols.size() < 9) {
        rows.push_back(l);  // a quarantined file's problem
        continue;
      }
      cols.erase(cols.begin() + 6);  // imported
      cols.erase(cols.begin());      // id
      std::string row;
      for (const auto& c : cols) row += c + "\t";
      rows.push_back(row);
    }
    std::sort(rows.begin(), rows.end());
    return rows;
  };
  const auto a = listing(whole), b = listing(parts);
  BOOST_TEST(a.size() > 39u);
  BOOST_TEST(a == b, boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(a_malformed_shard_is_refused_in_both_languages) {
  for (const std::string bad : {"0/3", "4/3", "3", "1/0", "a/b", "1/3/2", "-1/3", "1/100001", " 1/3"}) {
    const auto en = run(kBin + " score -q " + kCourse + " --shard '" + bad + "' x.yaml");
    BOOST_TEST(en.status == 2);
    BOOST_TEST(en.out.empty());
    BOOST_TEST(en.err.rfind("careermap score: --shard '" + bad +
                                "': expected K/N, part K of N parts (whole numbers, 1 <= K <= N <= 100000), such as 2/3\n",
                            0) == 0,
               en.err);
  }
  const auto ja = run(kBin + " --lang ja render -q " + kCourse + " -o x --shard 5/4 x.yaml");
  BOOST_TEST(ja.status == 2);
  BOOST_TEST(ja.err.rfind("careermap render: --shard '5/4': 2/3 のように K/N（N 個に分けたうちの K 番目。整数で 1 <= K <= N <= "
                          "100000、半角）を指定してください\n",
                          0) == 0,
             ja.err);
  const auto imp = run(kBin + " import -q " + kCourse + " --archive x.db --cohort c --shard 1/ x.yaml");
  BOOST_TEST(imp.status == 2);
  BOOST_TEST(imp.err.find("--shard '1/': expected K/N") != std::string::npos, imp.err);
}

BOOST_AUTO_TEST_SUITE_END()
