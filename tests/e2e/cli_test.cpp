// End-to-end tests: run the real careermap program and check what it prints and writes.
#include <sys/stat.h>
#include <sys/wait.h>

#include <boost/test/unit_test.hpp>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "tests/e2e/run.hpp"
#include "tests/testutil.hpp"

namespace fs = std::filesystem;
namespace tt = boost::test_tools;

namespace {

const std::string kTiny = kSrc + "/tests/data/tiny/";

using careermap::test::Run;
using careermap::test::run;
using careermap::test::slurp;

std::string samples() {
  std::string s;
  for (const char* id : {"p01", "p02", "p03", "p04", "p05"}) s += " " + kSrc + "/questionnaires/samples/" + id + ".yaml";
  return s;
}

// The text of a PDF with line breaks removed (wrapped Japanese has no spaces to lose).
std::string pdf_text(const fs::path& pdf);

size_t count(const std::string& hay, const std::string& needle) {
  size_t n = 0;
  for (size_t at = hay.find(needle); at != std::string::npos; at = hay.find(needle, at + 1)) ++n;
  return n;
}

std::string pdf_text(const fs::path& pdf) {
  std::string text = run("pdftotext " + pdf.string() + " -").out;
  std::erase(text, '\n');
  return text;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(cli)

BOOST_AUTO_TEST_CASE(validate_accepts_the_samples) {
  const Run r = run(kBin + " validate -q " + kPre + samples());
  BOOST_TEST(r.status == 0);
  BOOST_TEST(r.err == "");
  BOOST_TEST(count(r.out, ": ok\n") == 6u);
}

BOOST_AUTO_TEST_CASE(validate_reports_every_problem_of_every_file_with_its_location) {
  const Run r = run("cd " + kTiny + " && " + kBin + " validate -q tiny.yaml good.yaml broken.yaml malformed.yaml");
  BOOST_TEST(r.status == 1);
  BOOST_TEST(r.out == "tiny.yaml: ok\ngood.yaml: ok\n");
  BOOST_TEST(r.err ==
             "broken.yaml:4:7: error: a1: 6 is outside the scale 1..5\n"
             "broken.yaml:5:7: error: a2: expected a number on the scale 1..5, got text\n"
             "broken.yaml:6:3: warning: a3: unknown item; 'tiny' has no such id (did you mean a1?); ignored\n"
             "broken.yaml:7:13: error: wish: the answer is not an option; expected one of: n, f, d\n"
             "broken.yaml:9:24: error: eps[1]: to-year 2019 is before from-year 2021\n"
             "broken.yaml:10:7: error: eps[2].title: required field is missing\n"
             "broken.yaml:3:1: error: size: required answer is missing\n"
             "malformed.yaml:5:1: error: malformed YAML: end of sequence flow not found\n"
             "careermap: 1 of 3 answers used; invalid: broken.yaml malformed.yaml\n");
}

BOOST_AUTO_TEST_CASE(usage_errors_and_unreadable_questionnaires_exit_2) {
  BOOST_TEST(run(kBin).status == 2);
  BOOST_TEST(run(kBin + " frobnicate").status == 2);
  const Run noq = run(kBin + " validate x.yaml");
  BOOST_TEST(noq.status == 2);
  BOOST_TEST(noq.err == "careermap validate: missing -q Q.yaml\n"
                        "usage: careermap validate -q Q.yaml [--mapping M.yaml] [ANSWERS...]\n");
  const Run bad = run(kBin + " validate -q /nonexistent/q.yaml");
  BOOST_TEST(bad.status == 2);
  BOOST_TEST(bad.err == "/nonexistent/q.yaml: error: cannot read: No such file or directory\n");
  const Run opt = run(kBin + " score -q " + kPre + " --colour red");
  BOOST_TEST(opt.status == 2);
  BOOST_TEST(opt.err.find("careermap score: unknown option --colour") == 0u);
}

BOOST_AUTO_TEST_CASE(score_prints_the_json_of_the_design) {
  const Run r = run(kBin + " score -q " + kPre + " --format json" + samples());
  BOOST_TEST(r.status == 0);
  BOOST_TEST(r.err == "");
  BOOST_TEST(r.out.rfind("{\"questionnaire\": \"presession-v1\",\n \"participants\": [", 0) == 0u);
  BOOST_TEST(count(r.out, "\"number\": ") == 60u);
  BOOST_TEST(count(r.out, "\"id\": \"p0") == 5u);
  // p01, fix.individual: items 5, 4, reversed 1 -> (1 + .75 + 1) / 3; one led episode
  // there (1 of 2): .75 * .9167 + .25 * .5 = .8125.
  BOOST_TEST(r.out.find("{\"id\": \"fix.individual\", \"number\": 1, \"score\": 81.25, \"answered\": 3, "
                        "\"items\": 3, \"needs\": 2, \"episodes\": 1,\n      \"evidence\": "
                        "[{\"item\": \"fix_individual_1\", \"answer\": 5, \"points\": 25}, "
                        "{\"item\": \"fix_individual_3\", \"answer\": 1, \"points\": 25}, "
                        "{\"item\": \"fix_individual_2\", \"answer\": 4, \"points\": 18.75}, "
                        "{\"episode\": 1, \"points\": 12.5}]}") != std::string::npos);
  // p04 left fix.region unanswered: null, not 0, and no evidence.
  BOOST_TEST(r.out.find("{\"id\": \"fix.region\", \"number\": 4, \"score\": null, \"answered\": 0, "
                        "\"items\": 3, \"needs\": 2, \"episodes\": 0,\n      \"evidence\": []}") != std::string::npos);
  // p04 by hand: improve.individual (4, 5, 3) -> (.75 + 1 + .5) / 3 = 75, the highest; it
  // wishes the workplace stage, so one stage wider ranks first; improve.individual (.75)
  // is the deepest scene at the evidence threshold (.75): innovate.individual (.5, neutral
  // on average) is not evidence, and no scene beyond the individual stage is.
  const size_t p04 = r.out.find("{\"id\": \"p04\"");
  BOOST_REQUIRE(p04 != std::string::npos);
  BOOST_TEST(r.out.find("\"current\": \"improve.individual\",\n   \"frontier\": {\"stage\": \"individual\", "
                        "\"level\": \"improve\"},\n   \"walls_ahead\": [{\"after\": \"individual\", \"before\": "
                        "\"workplace\"}, {\"after\": \"workplace\", \"before\": \"cityhall\"}, {\"after\": \"cityhall\", "
                        "\"before\": \"region\"}, {\"after\": \"region\", \"before\": null}],\n   \"centroid\": "
                        "{\"stage\": 1.469, \"level\": 1.844},\n   \"next_steps\": [\"improve.workplace\", "
                        "\"innovate.individual\"],\n   \"path\": [],",
                        p04) != std::string::npos);
  BOOST_TEST(r.out.find("\"path\": [\n     {\"from\": 2018, \"to\": 2019, \"title\": \"転入届の記入例をつくり直す\", "
                        "\"scene\": \"fix.individual\", \"role\": \"led\"}") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(score_csv_opens_in_excel) {
  const Run r = run(kBin + " score -q " + kPre + " --format csv" + samples());
  BOOST_TEST(r.status == 0);
  BOOST_TEST(r.out.rfind("\xEF\xBB\xBFparticipant,cohort,meeting,current,frontier_stage,frontier_level,"
                         "centroid_stage,centroid_level,next_steps,fix.individual,fix.workplace,", 0) == 0u);
  BOOST_TEST(count(r.out, "\r\n") == 6u);
  BOOST_TEST(r.out.find("\r\np04,2026,m1,improve.individual,individual,improve,1.469,1.844,"
                        "improve.workplace innovate.individual,41.67,41.67,25,,75,16.67,,,50,16.67,,,0\r\n") !=
             std::string::npos);
}

BOOST_AUTO_TEST_CASE(analyze_prints_item_statistics_and_alpha) {
  const Run j = run(kBin + " analyze -q " + kPre + " --format json" + samples());
  BOOST_TEST(j.status == 0);
  BOOST_TEST(j.out.rfind("{\"n\": 5,\n \"scales\": [\n  {\"id\": \"fix.individual\", \"items\": "
                         "[\"fix_individual_1\", \"fix_individual_2\", \"fix_individual_3\"], \"alpha\": ", 0) == 0u);
  BOOST_TEST(count(j.out, "\"alpha\": ") == 12u);
  BOOST_TEST(count(j.out, "\"r_drop\": ") == 36u);
  const Run t = run(kBin + " analyze -q " + kPre + samples());
  BOOST_TEST(t.status == 0);
  BOOST_TEST(t.out.rfind("presession-v1: 5 people\n", 0) == 0u);
  BOOST_TEST(t.out.find("fix_individual_1             5    3.80    0.84") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(score_continues_past_a_bad_file_and_exits_1) {
  const Run r = run("cd " + kTiny + " && " + kBin + " score -q tiny.yaml good.yaml broken.yaml");
  BOOST_TEST(r.status == 1);
  BOOST_TEST(count(r.out, "\"id\": \"t01\"") == 1u);
  BOOST_TEST(r.out.find("t02") == std::string::npos);
  BOOST_TEST(r.err.find("careermap: 1 of 2 answers used; invalid: broken.yaml\n") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(render_writes_checked_japanese_pdfs_byte_identical_on_rerun) {
  careermap::test::TempDir dir;
  const std::string cmd = kBin + " render -q " + kPre + " --date 2026-07-01 -o " + dir.path().string() + samples();
  const Run r = run(cmd);
  BOOST_TEST(r.status == 0);
  BOOST_TEST(r.err == "");
  for (const char* id : {"p01", "p02", "p03", "p04", "p05"}) {
    const fs::path pdf = dir.path() / (std::string(id) + ".pdf");
    BOOST_REQUIRE(fs::exists(pdf));
    struct stat st{};
    ::stat(pdf.c_str(), &st);
    BOOST_TEST((st.st_mode & 0777) == 0600u);
    BOOST_TEST(run("qpdf --check " + pdf.string() + " >/dev/null").status == 0);
    BOOST_TEST(run("pdftotext " + pdf.string() + " /dev/null").err == "");  // no poppler warning
    const std::string text = pdf_text(pdf);
    for (const char* word : {"改善キャリアマップ", "不具合解消", "改善", "革新", "個人", "職場", "役所全体", "地域",
                             "現在地", "作成日 2026-07-01", "キャリアの歩み", "12の場面のスコア", "強みの場面",
                             "まだ越えていない壁", "面談シート", "メモ", "この地図を見て、最初に目に留まったのはどこですか。",
                             "1 / "})
      BOOST_TEST(text.find(word) != std::string::npos, id << " has " << word);
  }
  const std::string p01 = pdf_text(dir.path() / "p01.pdf");
  BOOST_TEST(p01.find("架空 花子 さん") != std::string::npos);
  BOOST_TEST(p01.find("転入届の記入例をつくり直す") != std::string::npos);
  const std::string fonts = run("pdffonts " + (dir.path() / "p01.pdf").string()).out;
  BOOST_TEST(fonts.find("IPAexGothic") != std::string::npos);
  BOOST_TEST(fonts.find("yes yes yes") != std::string::npos);  // embedded, subset, unicode
  const std::string first = slurp(dir.path() / "p03.pdf");
  BOOST_TEST(run(cmd).status == 0);
  BOOST_TEST((slurp(dir.path() / "p03.pdf") == first));
}

BOOST_AUTO_TEST_CASE(render_in_english_and_past_bad_files) {
  careermap::test::TempDir dir;
  const Run r = run("cd " + kTiny + " && " + kBin + " render -q tiny.yaml --lang en --date 2026-07-01 -o " +
                    dir.path().string() + " good.yaml broken.yaml");
  BOOST_TEST(r.status == 1);
  BOOST_TEST(fs::exists(dir.path() / "t01.pdf"));
  BOOST_TEST(!fs::exists(dir.path() / "t02.pdf"));
  const std::string text = pdf_text(dir.path() / "t01.pdf");
  BOOST_TEST(text.find("Improvement career map") != std::string::npos);
  BOOST_TEST(text.find("試験 一子") != std::string::npos);
  BOOST_TEST(text.find("手順書づくり") != std::string::npos);
}

// Issue 14: the next-step sheet, from the real program, on a questionnaire that is not
// presession-v1: the candidates, the wall before the wider one, the prompts with their reasons.
BOOST_AUTO_TEST_CASE(the_map_ends_with_the_next_step_sheet) {
  careermap::test::TempDir dir;
  const Run r = run("cd " + kTiny + " && " + kBin + " render -q tiny.yaml --date 2026-09-01 -o " + dir.path().string() +
                    " good.yaml");
  BOOST_TEST(r.status == 0);
  const std::string text = pdf_text(dir.path() / "t01.pdf");
  for (const char* want :
       {"あなたの次の一歩探し", "候補：「遠くを直す」（越境：近い → 遠い）", "候補：「近くを深める」（ステップアップ：直す → 深める）",
        "2.「遠くを直す」に踏み出すとしたら、最初の小さな一歩は何ですか。（候補：遠くを直す）",
        "「遠くを直す」の手前に「壁」", "5.「壁」を越えるとき、最初に話を通しておくのは誰ですか。（「壁」の手前）",
        "あなたの次の一歩探し（続き）", "私の次の一歩"})
    BOOST_TEST(text.find(want) != std::string::npos, want);
  // Map; the short profile with the interview sheet under it; two pages of the next-step sheet.
  BOOST_TEST(run("pdfinfo " + (dir.path() / "t01.pdf").string()).out.find("Pages:           4") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(a_5000_character_answer_comes_out_whole_once_across_pages) {
  careermap::test::TempDir dir;
  std::string text;
  for (int k = 1; text.size() < 15000; ++k) text += "第" + std::to_string(k) + "文：窓口のDX推進について係で話し合った。";
  std::string yaml = slurp(kSrc + "/questionnaires/samples/p01.yaml");
  const size_t at = yaml.find("  initiative: ");
  BOOST_REQUIRE(at != std::string::npos);
  yaml.replace(at, yaml.find('\n', at) - at, "  initiative: \"" + text + "\"");
  std::ofstream(dir.path() / "long.yaml") << yaml;
  const Run r = run(kBin + " render -q " + kPre + " --date 2026-07-01 -o " + (dir.path() / "pdf").string() + " " +
                    (dir.path() / "long.yaml").string());
  BOOST_TEST(r.status == 0);
  const fs::path pdf = dir.path() / "pdf" / "p01.pdf";
  // The content area of every page (headers and footers cropped away), lines joined, in
  // drawing order (-raw): the profile flows in two columns, the second under the notes.
  const Run body = run("pdftotext -raw -x 0 -y 100 -W 842 -H 450 " + pdf.string() + " -");
  BOOST_TEST(body.err == "");  // poppler has nothing to warn about
  std::string joined = body.out;
  std::erase(joined, '\n');
  std::erase(joined, '\f');
  BOOST_TEST(count(joined, text) == 1u);
  const std::string info = run("pdfinfo " + pdf.string()).out;
  // Map, four profile pages, the interview sheet and three pages of the next-step sheet
  // (which points to the long answer instead of printing it again).
  BOOST_TEST(info.find("Pages:           9") != std::string::npos);
  BOOST_TEST(fs::file_size(pdf) < 80u * 1024u);
}

BOOST_AUTO_TEST_CASE(characters_outside_the_font_are_drawn_as_geta_with_a_warning) {
  careermap::test::TempDir dir;
  std::string yaml = slurp(kSrc + "/questionnaires/samples/p02.yaml");
  yaml.replace(yaml.find("name: 見本 太郎"), std::string("name: 見本 太郎").size(), "name: 𠮷田 太郎");
  std::ofstream(dir.path() / "nb.yaml") << yaml;
  const Run r = run("cd " + dir.path().string() + " && " + kBin + " render -q " + kPre + " -o out nb.yaml");
  BOOST_TEST(r.status == 0);
  BOOST_TEST(r.err == "nb.yaml: warning: name: participant p02: U+20BB7 cannot be drawn by the font; shown as 〓\n");
  BOOST_TEST(pdf_text(dir.path() / "out" / "p02.pdf").find("〓田 太郎 さん") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(a_font_of_whole_4k_blocks_is_written) {
  careermap::test::TempDir dir;
  const Run r = run(kBin + " render -q " + kPre + " --date 2026-07-01 -o " + dir.path().string() + " " + kSrc +
                    "/tests/data/regression/font_block_boundary.yaml");
  BOOST_TEST(r.status == 0);
  BOOST_TEST(r.err == "");
  BOOST_TEST(run("qpdf --check " + (dir.path() / "s000595.pdf").string() + " >/dev/null").status == 0);
}

BOOST_AUTO_TEST_CASE(a_password_encrypts_with_aes_256) {
  careermap::test::TempDir dir;
  std::ofstream(dir.path() / "pw") << "s3cret pass\n";
  const Run r = run("cd " + dir.path().string() + " && " + kBin + " render -q " + kPre + " -o out --password-file pw " +
                    kSrc + "/questionnaires/samples/p03.yaml");
  BOOST_TEST(r.status == 0);
  const std::string pdf = (dir.path() / "out" / "p03.pdf").string();
  BOOST_TEST(run("pdfinfo " + pdf).status != 0);  // nothing opens without the password
  const Run info = run("pdfinfo -upw 's3cret pass' " + pdf);
  BOOST_TEST(info.out.find("algorithm:AES-256") != std::string::npos);
  BOOST_TEST(run("pdftotext -upw 's3cret pass' " + pdf + " -").out.find("仮名 さくら さん") != std::string::npos);
  BOOST_TEST(run("qpdf --check --password='s3cret pass' " + pdf + " >/dev/null").status == 0);
  BOOST_TEST(slurp(pdf).find("仮名") == std::string::npos);
  BOOST_TEST(run(kBin + " render -q " + kPre + " -o x --password-file /nonexistent/pw " + samples()).status == 2);
}

BOOST_AUTO_TEST_CASE(jobs_do_not_change_a_byte) {
  careermap::test::TempDir dir;
  const std::string base = kBin + " render -q " + kPre + " --date 2026-07-01 ";
  BOOST_TEST(run(base + "--jobs 1 -o " + (dir.path() / "one").string() + samples()).status == 0);
  BOOST_TEST(run(base + "--jobs 2 -o " + (dir.path() / "two").string() + samples()).status == 0);
  for (const char* id : {"p01", "p02", "p03", "p04", "p05"}) {
    const std::string name = std::string(id) + ".pdf";
    BOOST_TEST((slurp(dir.path() / "one" / name) == slurp(dir.path() / "two" / name)), id);
  }
  BOOST_TEST(run(base + "--jobs 0 -o x" + samples()).status == 2);
}

BOOST_AUTO_TEST_CASE(a_form_service_export_goes_to_answers_with_every_bad_row_named) {
  careermap::test::TempDir dir;
  const std::string forms = kSrc + "/tests/data/forms/";
  const std::string cd = "cd " + dir.path().string() + " && ";
  const Run init = run(cd + kBin + " mapping -q " + kPre + " --init " + forms + "google_forms.csv -o g.yaml");
  BOOST_TEST(init.status == 0);
  BOOST_TEST(init.err == "careermap mapping: wrote g.yaml (14 of 14 columns matched)\n");
  const std::string mapping = slurp(dir.path() / "g.yaml");
  BOOST_TEST(mapping.find("  \"メールアドレス\": ignore   # added by the form service\n") != std::string::npos);
  BOOST_TEST(mapping.find("  \"いま取り組んでいること(または取り組みたいこと)を教えてください。\": initiative\n") !=
             std::string::npos);
  const Run v = run(cd + "cp " + forms + "google_forms.csv . && " + kBin + " validate -q " + kPre +
                    " --mapping g.yaml google_forms.csv");
  BOOST_TEST(v.status == 1);
  BOOST_TEST(v.err ==
             "google_forms.csv:4: error: 職場の業務の不具合について、上司や同僚に率直に話を持ちかけられる。: expected a "
             "number on the scale 1..5, got text\n"
             "google_forms.csv:5: error: お勤めの自治体の規模を教えてください。: required answer is missing\n"
             "careermap: 1 of 3 answers used; invalid: google_forms.csv:4 google_forms.csv:5\n");
  // Dry run: nothing written; a real run writes the valid row, mode 0600, nothing else.
  const Run dry = run(cd + kBin + " convert -q " + kPre + " --mapping g.yaml -o conv --dry-run google_forms.csv 2>/dev/null");
  BOOST_TEST(dry.out == "google_forms.csv:2 -> conv/g01.yaml (dry run: not written)\n");
  BOOST_TEST(!fs::exists(dir.path() / "conv"));
  BOOST_TEST(run(cd + kBin + " convert -q " + kPre + " --mapping g.yaml -o conv google_forms.csv").status == 1);
  const std::string g01 = slurp(dir.path() / "conv" / "g01.yaml");
  BOOST_TEST(g01.find("  troubles: [\"no_cooperation\", \"proposals_rejected\"]\n") != std::string::npos);
  BOOST_TEST(g01.find("  fix_individual_1: 5\n") != std::string::npos);  // とてもあてはまる
  // Free text byte for byte, double-quoted: no line break added at its end.
  BOOST_TEST(g01.find("  initiative: \"窓口の案内を見直しています。\\n来月から試行します。\"\n") != std::string::npos);
  BOOST_TEST(g01.find("example.invalid") == std::string::npos);  // e-mail addresses are never copied
  struct stat st{};
  ::stat((dir.path() / "conv" / "g01.yaml").c_str(), &st);
  BOOST_TEST((st.st_mode & 0777) == 0600u);
  BOOST_TEST(run(cd + kBin + " validate -q " + kPre + " conv/g01.yaml").status == 0);
}

BOOST_AUTO_TEST_CASE(a_shift_jis_excel_csv_is_converted_and_said_so) {
  careermap::test::TempDir dir;
  const std::string cd = "cd " + dir.path().string() + " && cp " + kSrc + "/tests/data/forms/excel_cp932.csv . && ";
  BOOST_TEST(run(cd + kBin + " mapping -q " + kPre + " --init excel_cp932.csv -o e.yaml").status == 0);
  const Run r = run(cd + kBin + " score -q " + kPre + " --mapping e.yaml excel_cp932.csv");
  BOOST_TEST(r.status == 0);
  BOOST_TEST(r.err == "excel_cp932.csv: note: read as Shift_JIS (CP932) and converted to UTF-8\n");
  BOOST_TEST(count(r.out, "\"id\": \"x0") == 2u);
}

BOOST_AUTO_TEST_CASE(blank_form_header_round_trip_scores_like_the_yaml) {
  careermap::test::TempDir dir;
  const std::string cd = "cd " + dir.path().string() + " && ";
  // The shipped round-trip CSV has exactly the header `form --csv` prints.
  const Run header = run(kBin + " form -q " + kPre + " --csv");
  BOOST_TEST(header.status == 0);
  const std::string csv = slurp(kSrc + "/tests/data/forms/roundtrip.csv");
  BOOST_TEST(csv.compare(0, header.out.size(), header.out) == 0);
  BOOST_TEST(header.out.rfind("\xEF\xBB\xBF参加者ID,お名前（面談用の表示名・任意）,", 0) == 0u);
  const Run init = run(cd + kBin + " mapping -q " + kPre + " --init " + kSrc + "/tests/data/forms/roundtrip.csv -o rt.yaml");
  BOOST_TEST(init.err == "careermap mapping: wrote rt.yaml (82 of 82 columns matched)\n");
  // The samples say their meeting (session: pre, the first): so does the mapping, in the line --init leaves commented.
  BOOST_TEST(run(cd + "sed -i 's/^# meeting: m1$/meeting: m1/' rt.yaml && grep -c '^meeting: m1$' rt.yaml").out == "1\n");
  const Run from_csv = run(cd + kBin + " score -q " + kPre + " --mapping rt.yaml " + kSrc + "/tests/data/forms/roundtrip.csv");
  const Run from_yaml = run(kBin + " score -q " + kPre + samples());
  BOOST_TEST(from_csv.status == 0);
  BOOST_TEST(from_csv.out == from_yaml.out);
}

BOOST_AUTO_TEST_CASE(the_blank_paper_form) {
  careermap::test::TempDir dir;
  const fs::path pdf = dir.path() / "blank.pdf";
  BOOST_TEST(run(kBin + " form -q " + kPre + " -o " + pdf.string()).status == 0);
  BOOST_TEST(run("qpdf --check " + pdf.string() + " >/dev/null").status == 0);
  const std::string text = pdf_text(pdf);
  for (const char* s : {"次世代改善リーダー事例研究会 事前アンケート", "参加者ID（事務局が記入）", "あなたについて",
                        "12の場面でのご経験", "とてもあてはまる", "改善キャリアマップ（第3回までに記入）", "開始年",
                        "担当業務で起きたミスや手戻りの原因を調べ、再発しないよう手順を直したことがある。"})
    BOOST_TEST(text.find(s) != std::string::npos, s);
  const std::string first = slurp(pdf);
  BOOST_TEST(run(kBin + " form -q " + kPre + " -o " + pdf.string()).status == 0);
  BOOST_TEST((slurp(pdf) == first));
}

BOOST_AUTO_TEST_CASE(demo_renders_the_sample_cohort_and_a_two_year_archive) {
  careermap::test::TempDir dir;
  const Run r = run(kBin + " demo -o " + dir.path().string());
  BOOST_TEST(r.status == 0);
  BOOST_TEST(count(r.out, ".pdf\n") == 20u);  // 5 samples, the half year's 14 maps, the cohort report
  BOOST_TEST(r.err == "careermap demo: 5 career maps written to " + dir.path().string() +
                          "/\ncareermap demo: the 2026 cohort's half year (meetings 1, 3 and 5) imported into " +
                          dir.path().string() + "/archive.db and its 14 career maps written to " + dir.path().string() +
                          "/halfyear/\ncareermap demo: a five-year sample archive (cohorts of 3 to 5) and its cohort report written to " +
                          dir.path().string() + "/\n");
  for (const char* name : {"p01-m1.pdf", "p01-m3.pdf", "p01-m5.pdf", "p04-m1.pdf", "p04-m5.pdf", "p05-m3.pdf"})
    BOOST_TEST(fs::file_size(dir.path() / "halfyear" / name) > 1000u, name);
  BOOST_TEST(!fs::exists(dir.path() / "halfyear" / "p04-m3.pdf"));  // p04 sent no worksheet
  for (const char* id : {"p01", "p02", "p03", "p04", "p05"})
    BOOST_TEST(fs::file_size(dir.path() / (std::string(id) + ".pdf")) > 1000u);
  const fs::path report = dir.path() / "cohort.pdf";
  BOOST_TEST(run("qpdf --check " + report.string() + " >/dev/null").status == 0);
  const std::string text = pdf_text(report);
  for (const char* s : {"期ごとの傾向", "2022期", "2023期", "2024期", "2025期", "2026期", "全期（21人）", "12の場面の平均スコア",
                        "第1回（5月）から第5回（9月）への動き", "年ごとの推移", "クロンバック", "各期の平均", "全期の平均（破線）",
                        "n=21人", "目安にとどまります"})
    BOOST_TEST(text.find(s) != std::string::npos, s);
  // No person in the cohort outputs: no id, no name, no free text of the samples.
  const std::string csv = slurp(dir.path() / "cohort.csv");
  for (const char* s : {"p01", "q01", "架空", "見本", "窓口の受付手順"}) {
    BOOST_TEST(text.find(s) == std::string::npos, s);
    BOOST_TEST(csv.find(s) == std::string::npos, s);
  }
}

BOOST_AUTO_TEST_CASE(import_list_export_and_score_from_the_archive) {
  careermap::test::TempDir dir;
  const std::string cd = "cd " + dir.path().string() + " && ";
  const std::string imp = kBin + " import -q " + kPre + " --archive a.db --cohort 2026 --session pre";
  const Run first = run(cd + imp + samples());
  BOOST_TEST(first.out == "careermap import: 5 added, 0 new versions, 0 unchanged, 0 quarantined\n");
  BOOST_TEST(run(cd + imp + samples()).out == "careermap import: 0 added, 0 new versions, 5 unchanged, 0 quarantined\n");
  std::string p01 = slurp(kSrc + "/questionnaires/samples/p01.yaml");
  p01.replace(p01.find("fix_individual_2: 4"), 19, "fix_individual_2: 5");
  std::ofstream(dir.path() / "p01.yaml") << p01;
  std::ofstream(dir.path() / "bad.yaml") << "questionnaire: presession-v1\nparticipant: p77\nanswers:\n  fix_individual_1: 9\n";
  const Run second = run(cd + imp + " p01.yaml bad.yaml");
  BOOST_TEST(second.status == 1);
  BOOST_TEST(second.out == "careermap import: 0 added, 1 new versions, 0 unchanged, 1 quarantined\n");
  struct stat st{};
  ::stat((dir.path() / "a.db").c_str(), &st);
  BOOST_TEST((st.st_mode & 0777) == 0600u);
  const Run list = run(cd + kBin + " archive --archive a.db --list");
  BOOST_TEST(count(list.out, "\tvalid\t") == 6u);
  BOOST_TEST(list.out.find("\tp77\tquarantined\t") != std::string::npos);
  BOOST_TEST(list.out.find("\t  bad.yaml:4:21: error: fix_individual_1: 9 is outside the scale 1..5\n") != std::string::npos);
  // Score from the archive: the newest p01 counts (fix_individual_2 now 5).
  const Run score = run(cd + kBin + " score -q " + kPre + " --archive a.db --cohort 2026");
  BOOST_TEST(score.status == 0);
  BOOST_TEST(count(score.out, "\"id\": \"p0") == 5u);
  BOOST_TEST(score.out.find("{\"item\": \"fix_individual_2\", \"answer\": 5,") != std::string::npos);
  // Export: everything back out, with an index.
  const Run ex = run(cd + kBin + " export --archive a.db -o exp");
  BOOST_TEST(ex.out == "careermap export: 7 submissions written to exp/ (index.csv lists them)\n");
  BOOST_TEST(slurp(dir.path() / "exp" / "2026" / "m1" / "p01.v6.yaml") == p01);  // session: pre is meeting m1
  BOOST_TEST(count(slurp(dir.path() / "exp" / "index.csv"), "\r\n") == 8u);
  // A person with answers at the first and the last meeting gets two career maps, named by them.
  std::string post = slurp(kSrc + "/questionnaires/samples/p02.yaml");
  post.replace(post.find("session: pre"), 12, "session: post");
  std::ofstream(dir.path() / "p02post.yaml") << post;
  BOOST_TEST(run(cd + kBin + " import -q " + kPre + " --archive a.db --cohort 2026 --session post p02post.yaml").status == 0);
  const Run both = run(cd + kBin + " render -q " + kPre + " --archive a.db --cohort 2026 -o maps");
  BOOST_TEST(both.status == 0);
  BOOST_TEST(both.out.find("maps/p01.pdf\n") != std::string::npos);
  BOOST_TEST(both.out.find("maps/p02-m1.pdf\n") != std::string::npos);
  BOOST_TEST(both.out.find("maps/p02-m5.pdf\n") != std::string::npos);
  BOOST_TEST(count(both.out, ".pdf\n") == 6u);
  // The cohort report and CSV.
  const Run co = run(cd + kBin + " cohort --archive a.db -q " + kPre + " -o c.pdf --csv c.csv --date 2026-09-30");
  BOOST_TEST(co.status == 0);
  const std::string csv = slurp(dir.path() / "c.csv");
  BOOST_TEST(csv.rfind("\xEF\xBB\xBFtable,category,group,value\r\npeople,,2026,5\r\n", 0) == 0u);
  BOOST_TEST(csv.find("\r\npeople,,all,5\r\n") != std::string::npos);
  BOOST_TEST(csv.find("movement,same,2026,suppressed") != std::string::npos);  // one person moved: hidden
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(cohort_releases)

// An archive in `dir` of the five samples (cohort 2026) and four of 2025, first meeting.
std::string two_cohorts_in(const careermap::test::TempDir& dir) {
  const std::string cd = "cd " + dir.path().string() + " && ";
  const std::string imp = kBin + " import -q " + kPre + " --archive a.db --session pre --cohort ";
  BOOST_TEST(run(cd + imp + "2026" + samples()).status == 0);
  std::string more;
  for (const char* id : {"q01", "q02", "q03", "q04"}) more += " " + kSrc + "/questionnaires/samples/archive/2025-pre/" + id + ".yaml";
  BOOST_TEST(run(cd + imp + "2025" + more).status == 0);
  return cd;
}

// The release log end to end: a dry run writes and logs nothing; a report is logged; after one
// late import the changed cohort and the pool are hidden whole and the report says so.
BOOST_AUTO_TEST_CASE(a_late_import_hides_the_groups_it_changed_by_one_person) {
  careermap::test::TempDir dir;
  const std::string cd = two_cohorts_in(dir);
  const std::string imp = kBin + " import -q " + kPre + " --archive a.db --session pre --cohort ";
  const std::string cohort = kBin + " cohort --archive a.db -q " + kPre + " --date 2026-09-30";
  const Run dry = run(cd + cohort + " --dry-run");
  BOOST_TEST(dry.status == 0);
  BOOST_TEST(dry.out.rfind("careermap cohort: dry run; nothing written, no release logged\n", 0) == 0u);
  BOOST_TEST(dry.out.find("\ntable\tcategory\tgroup\tstate\treader_can_tell\n") != std::string::npos);
  BOOST_TEST(!fs::exists(dir.path() / "c1.pdf"));
  const std::string header = "release\tcreated\tquestionnaire\tmin_group\tgroup\tsubmissions\tfigures_shown\tcommand\n";
  BOOST_TEST(run(cd + kBin + " archive --archive a.db --releases").out == header);
  const Run first = run(cd + cohort + " -o c1.pdf --csv c1.csv");
  BOOST_TEST(first.status == 0);
  BOOST_TEST(first.err == "careermap cohort: release 1 logged in the archive (3 groups; archive --releases lists them)\n");
  const Run list = run(cd + kBin + " archive --archive a.db --releases");
  BOOST_TEST(list.out.rfind(header, 0) == 0u);
  BOOST_TEST(count(list.out, "\n") == 4u);
  BOOST_TEST(list.out.find("\tpresession-v1\t3\t2026\t5\t") != std::string::npos);
  BOOST_TEST(list.out.find("\tcohort --date 2026-09-30 --csv\n") != std::string::npos);  // no file names
  BOOST_TEST(list.out.find("c1.") == std::string::npos);
  // One late participant in 2026.
  std::string late = slurp(kSrc + "/questionnaires/samples/p03.yaml");
  late.replace(late.find("participant: p03"), 16, "participant: p66");
  std::ofstream(dir.path() / "p66.yaml") << late;
  BOOST_TEST(run(cd + imp + "2026 p66.yaml").status == 0);
  const Run second = run(cd + cohort + " -o c2.pdf --csv c2.csv");
  BOOST_TEST(second.status == 0);
  const std::string c1 = slurp(dir.path() / "c1.csv"), c2 = slurp(dir.path() / "c2.csv");
  BOOST_TEST(c1.find("\r\npeople,,2026,5\r\n") != std::string::npos);
  BOOST_TEST(c2.find("\r\npeople,,2026,suppressed\r\n") != std::string::npos);
  BOOST_TEST(c2.find("\r\nprofile,fix.individual,2026,suppressed\r\n") != std::string::npos);
  BOOST_TEST(c2.find("\r\nprofile,fix.individual,all,suppressed\r\n") != std::string::npos);
  BOOST_TEST(pdf_text(dir.path() / "c2.pdf").find("前回の集計との差が少人数のため非表示") != std::string::npos);
  BOOST_TEST(pdf_text(dir.path() / "c1.pdf").find("前回の集計との差が少人数のため非表示") == std::string::npos);
}

// export writes the release log only as counts: per group how many submissions, never which.
BOOST_AUTO_TEST_CASE(export_writes_the_release_log_as_counts) {
  careermap::test::TempDir dir;
  const std::string cd = two_cohorts_in(dir);
  BOOST_TEST(run(cd + kBin + " export --archive a.db -o before").status == 0);
  BOOST_TEST(slurp(dir.path() / "before/releases.csv") ==
             "\xEF\xBB\xBFrelease,created_at,questionnaire,min_group,command,groups\r\n");
  BOOST_TEST(run(cd + kBin + " cohort --archive a.db -q " + kPre + " --date 2026-09-30 --min-group 4 -o c.pdf").status == 0);
  const Run list = run(cd + kBin + " archive --archive a.db --releases");
  const size_t at = list.out.find("\n1\t") + 3;  // the first row's created time
  const std::string created = list.out.substr(at, list.out.find('\t', at) - at);
  BOOST_TEST(created.size() == 20u);  // 2026-12-01T10:00:00Z
  const Run ex = run(cd + kBin + " export --archive a.db -o exp");
  BOOST_TEST(ex.status == 0);
  BOOST_TEST(slurp(dir.path() / "exp/releases.csv") ==
             "\xEF\xBB\xBFrelease,created_at,questionnaire,min_group,command,groups\r\n"
             "1," + created + ",presession-v1,4,cohort --min-group 4 --date 2026-09-30,2025: 4; 2026: 5; all: 9\r\n");
}

// Pooled years on the five-year demo archive: 2022-2024 becomes one group of 12.
BOOST_AUTO_TEST_CASE(pooled_years_are_one_group) {
  careermap::test::TempDir dir;
  BOOST_TEST(run(kBin + " demo -o " + dir.path().string()).status == 0);
  const std::string cd = "cd " + dir.path().string() + " && ";
  const Run r = run(cd + kBin + " cohort --archive archive.db -q " + kPre + " --pool 2022-2024 -o p.pdf --csv p.csv");
  BOOST_TEST(r.status == 0);
  const std::string csv = slurp(dir.path() / "p.csv");
  BOOST_TEST(csv.rfind("\xEF\xBB\xBFtable,category,group,value\r\npeople,,2022-2024,12\r\n", 0) == 0u);
  BOOST_TEST(csv.find(",2022,") == std::string::npos);
  BOOST_TEST(pdf_text(dir.path() / "p.pdf").find("2022-2024期") != std::string::npos);
  BOOST_TEST(run(cd + kBin + " archive --archive archive.db --releases").out.find("\t2022-2024\t24\t") != std::string::npos);
}

BOOST_AUTO_TEST_SUITE_END()
