// End-to-end tests of the form kit (`careermap form --kit`): the workbook filled by a script
// as Excel would save it (Debian's python3-openpyxl: shared strings, numbers) reads back and
// scores exactly as the same answers written as YAML; the question list's titles are matched
// by `mapping --init`; the workbook's drop-down lists and limits exist; broken workbooks are
// refused as broken CSV files are.
#include <zip.h>

#include <boost/test/unit_test.hpp>
#include <filesystem>
#include <fstream>

#include "tests/e2e/run.hpp"

namespace fs = std::filesystem;
namespace tt = boost::test_tools;
using careermap::test::Run;
using careermap::test::run;
using careermap::test::slurp;

namespace {

const std::string kWorkshop = kSrc + "/tests/data/form/workshop.yaml";
const std::string kFill = "/usr/bin/python3 " + kSrc + "/tests/e2e/fill_kit.py";

std::string in(const careermap::test::TempDir& d) { return "cd '" + d.path().string() + "' && "; }

// The number of data lines of the kit's question list (its columns).
size_t columns_of(const fs::path& questions_csv) {
  const std::string s = slurp(questions_csv);
  size_t n = 0;
  for (size_t p = s.find("\r\n"); p != std::string::npos; p = s.find("\r\n", p + 2)) ++n;
  return n - 1;  // the header
}

// Makes the kit for `q`, fills it with `n` participants, and checks the round trip.
void round_trip(const std::string& q, int n, int seed) {
  careermap::test::TempDir dir;
  const Run kit = run(in(dir) + kBin + " form -q " + q + " --kit -o kit");
  BOOST_REQUIRE(kit.status == 0);
  BOOST_TEST(kit.out == "kit/questions.csv\nkit/questions.md\nkit/answers.xlsx\n");
  BOOST_TEST(kit.err.empty());
  const size_t cols = columns_of(dir.path() / "kit/questions.csv");

  // mapping --init matches every title of the workbook's header, which is the question list's.
  const Run m = run(in(dir) + kBin + " mapping -q " + q + " --init kit/answers.xlsx -o m.yaml");
  BOOST_TEST(m.status == 0);
  BOOST_TEST(m.err == "careermap mapping: wrote m.yaml (" + std::to_string(cols) + " of " + std::to_string(cols) +
                          " columns matched)\n");
  BOOST_TEST(slurp(dir.path() / "m.yaml").find("NOT MATCHED") == std::string::npos);

  const Run fill = run(in(dir) + kFill + " fill " + q + " kit " + std::to_string(n) + " " + std::to_string(seed));
  BOOST_REQUIRE_MESSAGE(fill.status == 0, fill.err);
  const std::string yaml = "kit/yaml/*.yaml";
  const Run vy = run(in(dir) + kBin + " validate -q " + q + " " + yaml);
  BOOST_TEST(vy.status == 0, vy.err);
  const Run vx = run(in(dir) + kBin + " validate -q " + q + " --mapping m.yaml kit/filled.xlsx");
  BOOST_TEST(vx.status == 0, vx.err);
  size_t ok = 0;
  for (size_t p = vx.out.find(": ok\n"); p != std::string::npos; p = vx.out.find(": ok\n", p + 1)) ++ok;
  BOOST_TEST(ok == static_cast<size_t>(n) + 1);  // the questionnaire, then every row
  BOOST_TEST(vx.out.find("kit/filled.xlsx:回答:" + std::to_string(n + 1) + ": ok\n") != std::string::npos);
  BOOST_TEST(slurp(dir.path() / "kit/filled.xlsx").find("xl/sharedStrings.xml") != std::string::npos);
  const Run sy = run(in(dir) + kBin + " score --format json -q " + q + " " + yaml);
  const Run sx = run(in(dir) + kBin + " score --format json -q " + q + " --mapping m.yaml kit/filled.xlsx");
  BOOST_TEST(sy.status == 0);
  BOOST_TEST(sx.status == 0);
  BOOST_TEST(sy.out.size() > 100u * n);
  BOOST_TEST(sx.out == sy.out);  // byte for byte
}

// A zip of `parts` (name, content).
void write_zip(const fs::path& path, const std::vector<std::pair<std::string, std::string>>& parts) {
  int err = 0;
  zip_t* z = zip_open(path.c_str(), ZIP_CREATE | ZIP_TRUNCATE, &err);
  BOOST_REQUIRE(z);
  for (const auto& [name, content] : parts) {
    zip_source_t* s = zip_source_buffer(z, content.data(), content.size(), 0);
    BOOST_REQUIRE(zip_file_add(z, name.c_str(), s, 0) >= 0);
  }
  BOOST_REQUIRE(zip_close(z) == 0);
}

}  // namespace

BOOST_AUTO_TEST_SUITE(form_kit)

BOOST_AUTO_TEST_CASE(the_filled_workbook_scores_as_the_yaml_answers_workshop) { round_trip(kWorkshop, 40, 7); }

BOOST_AUTO_TEST_CASE(the_filled_workbook_scores_as_the_yaml_answers_presession) { round_trip(kPre, 25, 11); }

BOOST_AUTO_TEST_CASE(the_question_list_titles_are_matched_by_mapping_init) {
  careermap::test::TempDir dir;
  for (const std::string lang : {"ja", "en"}) {
    BOOST_REQUIRE(run(in(dir) + kBin + " form -q " + kWorkshop + " --kit -o kit-" + lang + " --lang " + lang).status == 0);
    // A form built by hand from the list: its titles, as a CSV header row.
    const std::string py = "import csv,sys; r=list(csv.reader(open('kit-" + lang +
                           "/questions.csv',encoding='utf-8-sig')))[1:]; w=csv.writer(open('form-" + lang +
                           ".csv','w',newline='',encoding='utf-8')); w.writerow([x[1] for x in r])";
    BOOST_REQUIRE(run(in(dir) + "/usr/bin/python3 -c \"" + py + "\"").status == 0);
    const size_t cols = columns_of(dir.path() / ("kit-" + lang + "/questions.csv"));
    const Run m = run(in(dir) + kBin + " mapping -q " + kWorkshop + " --init form-" + lang + ".csv -o m.yaml");
    BOOST_TEST(m.err == "careermap mapping: wrote m.yaml (" + std::to_string(cols) + " of " + std::to_string(cols) +
                            " columns matched)\n");
  }
  // The list itself, word for word for a few columns.
  const std::string list = slurp(dir.path() / "kit-ja/questions.csv");
  BOOST_TEST(list.rfind("\xEF\xBB\xBF列,列見出し,項目ID,種類,必須,選択肢（値=表示）,尺度,範囲\r\n", 0) == 0);
  BOOST_TEST(list.find("\r\nA,参加者ID,participant,ID（半角の英数字・_・-、64字まで）,必須,,,\r\n") != std::string::npos);
  BOOST_TEST(list.find("\r\nE,所属の種類,org,一つ選択,必須,pref=県; muni=市町村; npo=NPO,,\r\n") != std::string::npos);
  BOOST_TEST(list.find(",v_near_1,尺度から一つ,必須,,1=全くそう思わない; 2=そう思わない; 3=ややそう思わない; 4=どちらでもない; "
                       "5=ややそう思う; 6=そう思う; 7=強くそう思う,1〜7\r\n") != std::string::npos);
  BOOST_TEST(list.find(",エピソード1 始めた年,acts[1].start,西暦の年（整数）,必須,,,1990〜2030\r\n") != std::string::npos);
  const std::string md = slurp(dir.path() / "kit-en/questions.md");
  BOOST_TEST(md.rfind("# Regional workshop: reflection sheet: question list\n\n", 0) == 0);
  BOOST_TEST(md.find("| F | Hours a week spent on community work | hours | number |  |  |  | 0.5〜80 |\n") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(the_workbook_has_its_drop_down_lists_and_limits) {
  careermap::test::TempDir dir;
  BOOST_REQUIRE(run(in(dir) + kBin + " form -q " + kWorkshop + " --kit -o kit").status == 0);
  const Run c = run(in(dir) + kFill + " check kit");
  BOOST_REQUIRE_MESSAGE(c.status == 0, c.err);
  const std::string o = c.out;
  BOOST_TEST(o.rfind("sheets: 回答, 説明, lists (hidden)\n", 0) == 0);
  BOOST_TEST(o.find("D2:D1001 回: list pre | post  (stop)\n") != std::string::npos, o);
  BOOST_TEST(o.find("E2:E1001 所属の種類: list 県 | 市町村 | NPO  (stop)\n") != std::string::npos, o);
  BOOST_TEST(o.find("F2:F1001 1 週間に地域活動に使う時間（時間）: decimal 0.5 80  (stop)\n") != std::string::npos, o);
  BOOST_TEST(o.find("G2:G1001 一緒に活動した相手（すべて）: list 住民 | 学校 | 企業 | いない  (information)\n") != std::string::npos, o);
  BOOST_TEST(o.find("H2:H1001 身近な課題を自分で直せた。: list 全くそう思わない | そう思わない | ややそう思わない | どちらでもない | "
                    "ややそう思う | そう思う | 強くそう思う  (stop)\n") != std::string::npos, o);
  BOOST_TEST(o.find("K2:K1001 地域全体への広がり（0〜20）: list 0 | 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9 | 10 | 11 | 12 | 13 | 14 | "
                    "15 | 16 | 17 | 18 | 19 | 20  (stop)\n") != std::string::npos, o);
  BOOST_TEST(o.find("M2:M1001 エピソード1 始めた年: whole 1990 2030  (stop)\n") != std::string::npos, o);
  BOOST_TEST(o.find("P2:P1001 エピソード1 範囲: list 身近 | 広域  (stop)\n") != std::string::npos, o);
}

BOOST_AUTO_TEST_CASE(broken_workbooks_are_refused_as_broken_csv_files_are) {
  careermap::test::TempDir dir;
  BOOST_REQUIRE(run(in(dir) + kBin + " form -q " + kWorkshop + " --kit -o kit").status == 0);
  BOOST_REQUIRE(run(in(dir) + kBin + " mapping -q " + kWorkshop + " --init kit/answers.xlsx -o m.yaml").status == 0);
  std::ofstream(dir.path() / "text.xlsx") << "participant\r\np01\r\n";
  write_zip(dir.path() / "nosheet.xlsx", {{"[Content_Types].xml", "<Types/>"}});
  const std::string v = " validate -q " + kWorkshop + " --mapping m.yaml ";
  Run r = run(in(dir) + kBin + v + "text.xlsx nosheet.xlsx");
  BOOST_TEST(r.status == 1);
  BOOST_TEST(r.err == "text.xlsx: error: the file is not an Excel workbook (.xlsx): it is not a zip archive\n"
                      "nosheet.xlsx: error: the workbook has no part xl/workbook.xml (the list of sheets); save it again from "
                      "Excel as .xlsx\n"
                      "careermap: 0 of 2 answers used; invalid: text.xlsx nosheet.xlsx\n");
  r = run(in(dir) + kBin + " mapping -q " + kWorkshop + " --init text.xlsx");
  BOOST_TEST(r.status == 1);
  BOOST_TEST(r.err == "text.xlsx: error: the file is not an Excel workbook (.xlsx): it is not a zip archive\n");
  // The kit's own workbook, unfilled: a header without rows, as a CSV of only its header.
  r = run(in(dir) + kBin + v + "kit/answers.xlsx");
  BOOST_TEST(r.status == 1);
  BOOST_TEST(r.err == "kit/answers.xlsx:回答:1: error: the file has no rows of answers after its header\n"
                      "careermap: 0 of 1 answers used; invalid: kit/answers.xlsx\n");
  // A bad cell is named by its sheet and cell; the other rows are used.
  const std::string py = "import openpyxl; wb=openpyxl.load_workbook('kit/answers.xlsx'); ws=wb.worksheets[0]; "
                         "ws['A2']='w1'; ws['E2']='県'; ws['G2']='住民'; ws['H2']=9; ws['L2']='x'; ws['M2']=2001; ws['O2']='a'; "
                         "ws['A3']='w2'; ws['E3']='muni'; ws['G3']='学校、企業'; ws['H3']=3; ws['L3']='y'; ws['M3']=2019; ws['O3']='b'; "
                         "wb.save('bad.xlsx')";
  BOOST_REQUIRE(run(in(dir) + "/usr/bin/python3 -c \"" + py + "\"").status == 0);
  r = run(in(dir) + kBin + v + "bad.xlsx");
  BOOST_TEST(r.status == 1);
  BOOST_TEST(r.err.rfind("bad.xlsx:回答!H2: error: 身近な課題を自分で直せた。: ", 0) == 0, r.err);
  BOOST_TEST(r.err.find("careermap: 1 of 2 answers used; invalid: bad.xlsx:回答:2\n") != std::string::npos, r.err);
  BOOST_TEST(r.out == kWorkshop + ": ok\nbad.xlsx:回答:3: ok\n", r.out);
}

BOOST_AUTO_TEST_CASE(mapping_init_writes_the_cohort_and_meeting_it_is_given) {
  careermap::test::TempDir dir;
  BOOST_REQUIRE(run(in(dir) + kBin + " form -q " + kWorkshop + " --kit -o kit").status == 0);
  const Run m = run(in(dir) + kBin + " mapping -q " + kWorkshop + " --init kit/answers.xlsx --cohort 2026 --meeting post");
  BOOST_TEST(m.status == 0);
  BOOST_TEST(m.out.find("questionnaire: workshop-b\ncohort: \"2026\"\nmeeting: post\ncolumns:\n  \"参加者ID\": participant\n"
                        "  \"お名前（面談用の表示名・任意）\": name\n  \"コホート\": cohort\n  \"回\": meeting\n") != std::string::npos,
             m.out);
}



// What Excel cannot hold (a question of more than 32,767 characters) is refused with
// libxlsxwriter's reason, and no workbook is left, rather than one missing that column.
BOOST_AUTO_TEST_CASE(a_cell_excel_cannot_hold_refuses_the_workbook) {
  careermap::test::TempDir dir;
  fs::copy_file(kSrc + "/tests/data/tiny/model.yaml", dir.path() / "model.yaml");
  std::string q = slurp(kSrc + "/tests/data/tiny/tiny.yaml");
  const std::string size = "text: Size,";
  BOOST_REQUIRE(q.find(size) != std::string::npos);
  std::string long_text;
  for (int k = 0; k < 40000; ++k) long_text += "長";
  q.replace(q.find(size), size.size(), "text: \"" + long_text + "\",");
  std::ofstream(dir.path() / "long.yaml") << q;
  const Run r = run(in(dir) + kBin + " form -q long.yaml --kit -o kit");
  BOOST_TEST(r.status == 1);
  BOOST_TEST(r.err == "kit/answers.xlsx: error: cannot write the workbook: String exceeds Excel's limit of 32,767 characters.\n");
  BOOST_TEST(!fs::exists(dir.path() / "kit" / "answers.xlsx"));
}

BOOST_AUTO_TEST_SUITE_END()
