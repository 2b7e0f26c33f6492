// The last-meeting map from the real program: a person's first- and last-meeting answers
// rendered together give the later map a comparison page, in the templates' words, and
// the earlier map none; writing only the worksheet in between shows as no change. On the
// tiny test questionnaire (its own model), not presession-v1.
#include <boost/test/unit_test.hpp>

#include "tests/e2e/run.hpp"

using namespace careermap::test;

namespace {

const std::string kTiny = kSrc + "/tests/data/tiny/tiny.yaml";

void write(const std::filesystem::path& p, const std::string& session, const std::string& body) {
  std::ofstream(p) << "questionnaire: tiny\nparticipant: t01\nsession: " << session << "\nanswers:\n" << body;
}

// The text of a PDF without line breaks and spaces (pdftotext breaks lines where the page does).
std::string flat(const std::filesystem::path& pdf) {
  std::string out;
  for (char c : run("pdftotext " + pdf.string() + " -").out)
    if (c != '\n' && c != ' ') out += c;
  return out;
}

// Renders the two files; returns the PDFs (earlier, later) named on stdout.
std::pair<std::filesystem::path, std::filesystem::path> render(const TempDir& dir, const std::string& lang) {
  const Run r = run(kBin + " render -q " + kTiny + " --lang " + lang + " --date 2026-09-20 -o " +
                    (dir.path() / "out").string() + " " + (dir.path() / "pre.yaml").string() + " " +
                    (dir.path() / "post.yaml").string());
  BOOST_REQUIRE_MESSAGE(r.status == 0, r.err);
  const std::string first = r.out.substr(0, r.out.find('\n'));
  const std::string second = r.out.substr(first.size() + 1, r.out.size() - first.size() - 2);
  return {first, second};
}

}  // namespace

BOOST_AUTO_TEST_SUITE(comparison_end_to_end)

BOOST_AUTO_TEST_CASE(the_later_map_says_what_changed_and_the_earlier_map_nothing) {
  TempDir dir;
  write(dir.path() / "pre.yaml", "pre", "  size: small\n  a1: 4\n  a2: 2\n  b1: 2\n  b2: 2\n");
  write(dir.path() / "post.yaml", "post", "  size: small\n  a1: 4\n  a2: 2\n  b1: 5\n  b2: 4\n  c1: 3\n");
  const auto [pre, post] = render(dir, "ja");
  const std::string later = flat(post), earlier = flat(pre);
  for (const char* s : {"前回との比較", "ステージが近いから遠いへ広がりました。", "変革レベルが直すから深めるへ深まりました。",
                        "前回から今回までに「壁」を越えました。", "25→92", "+67"})
    BOOST_TEST(later.find(s) != std::string::npos, s);
  BOOST_TEST(earlier.find("前回との比較") == std::string::npos);
  BOOST_TEST(earlier.find("広がりました") == std::string::npos);
  const auto [pre_en, post_en] = render(dir, "en");
  BOOST_TEST(flat(post_en).find("YourstagehaswidenedfromNeartoFar.") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(only_the_worksheet_written_in_between_is_no_change) {
  TempDir dir;
  const std::string body = "  size: small\n  a1: 4\n  a2: 2\n  b1: 2\n  b2: 2\n";
  write(dir.path() / "pre.yaml", "pre", body);
  write(dir.path() / "post.yaml", "post",
        body + "  eps:\n    - {from: 2020, title: T, who: town, what: deeper, role: led}\n"
               "    - {from: 2022, title: U, who: town, what: deeper, role: led}\n");
  const auto [pre, post] = render(dir, "ja");
  const std::string later = flat(post);
  for (const char* s : {"ステージの広がりは、前回と同じく近いまでです。", "変革レベルは、前回と同じく直すまでです。",
                        "いちばん手応えのある場面は、前回と同じ「近くを直す」です。"})
    BOOST_TEST(later.find(s) != std::string::npos, s);
  BOOST_TEST(later.find("越えました") == std::string::npos);
  BOOST_TEST(later.find("広がりました") == std::string::npos);
}

BOOST_AUTO_TEST_CASE(the_archive_gives_the_later_map_the_same_comparison) {
  TempDir dir;
  write(dir.path() / "pre.yaml", "pre", "  size: small\n  a1: 4\n  a2: 2\n  b1: 2\n  b2: 2\n");
  write(dir.path() / "post.yaml", "post", "  size: small\n  a1: 4\n  a2: 2\n  b1: 5\n  b2: 4\n  c1: 3\n");
  const std::string db = (dir.path() / "a.db").string();
  for (const char* s : {"pre", "post"}) {
    const Run r = run(kBin + " import -q " + kTiny + " --archive " + db + " --cohort 2026 --session " + s + " " +
                      (dir.path() / (std::string(s) + ".yaml")).string());
    BOOST_REQUIRE_MESSAGE(r.status == 0, r.err);
  }
  const Run r = run(kBin + " render -q " + kTiny + " --archive " + db + " --cohort 2026 --date 2026-09-20 -o " +
                    (dir.path() / "out").string());
  BOOST_REQUIRE_MESSAGE(r.status == 0, r.err);
  int with = 0, without = 0;
  for (const auto& f : std::filesystem::directory_iterator(dir.path() / "out")) {
    const std::string text = flat(f.path());
    if (text.find("ステージが近いから遠いへ広がりました。") != std::string::npos) ++with;
    else if (text.find("前回との比較") == std::string::npos) ++without;
  }
  BOOST_TEST(with == 1);
  BOOST_TEST(without == 1);
}

BOOST_AUTO_TEST_SUITE_END()
