// End-to-end tests of the CSV intake: what `validate`, `convert`, `mapping --init` and
// `import` say and write for real form exports, broken files and hostile ones.
#include <boost/test/unit_test.hpp>
#include <filesystem>
#include <fstream>

#include "engine/answers.hpp"
#include "engine/questionnaire.hpp"
#include "tests/e2e/run.hpp"

namespace fs = std::filesystem;
namespace tt = boost::test_tools;
using careermap::test::Run;
using careermap::test::run;
using careermap::test::slurp;

namespace {

const std::string kForms = kSrc + "/tests/data/forms/";

void write(const fs::path& p, const std::string& bytes) { std::ofstream(p, std::ios::binary) << bytes; }

// The header and the first (valid) row of the shipped Google Forms export.
std::pair<std::string, std::string> google_header_and_row() {
  const std::string csv = slurp(kForms + "google_forms.csv");
  const size_t head_end = csv.find("\r\n");
  const size_t row_end = csv.find("\r\n2026/", head_end + 2);
  return {csv.substr(0, head_end), csv.substr(head_end + 2, row_end - head_end - 2)};
}

std::string in(const careermap::test::TempDir& d) { return "cd '" + d.path().string() + "' && "; }

}  // namespace

BOOST_AUTO_TEST_SUITE(intake)

BOOST_AUTO_TEST_CASE(the_hint_for_a_csv_without_mapping_is_a_command_that_works_as_printed) {
  careermap::test::TempDir dir;
  fs::copy_file(kForms + "google_forms.csv", dir.path() / "my answers.csv");
  const Run v = run(in(dir) + kBin + " validate -q " + kPre + " 'my answers.csv'");
  BOOST_TEST(v.status == 1);
  BOOST_TEST(v.err == "my answers.csv: error: a CSV file needs --mapping; make one with: careermap mapping -q " + kPre +
                          " --init 'my answers.csv' -o 'my answers.mapping.yaml'\n"
                          "careermap: 0 of 1 answers used; invalid: my answers.csv\n");
  const std::string printed = v.err.substr(v.err.find("make one with: careermap ") + 25, v.err.find('\n') - v.err.find("make one with: careermap ") - 25);
  const Run made = run(in(dir) + kBin + " " + printed);
  BOOST_TEST(made.status == 0);
  BOOST_TEST(made.err == "careermap mapping: wrote my answers.mapping.yaml (14 of 14 columns matched)\n");
  const Run again = run(in(dir) + kBin + " validate -q " + kPre + " --mapping 'my answers.mapping.yaml' 'my answers.csv'");
  BOOST_TEST(again.out.find("my answers.csv:2: ok\n") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(an_excel_workbook_given_as_csv_is_named) {
  careermap::test::TempDir dir;
  write(dir.path() / "book.csv", std::string("PK\x03\x04\x14\0\x06\0\x08\0\0\0!\0", 16) + "[Content_Types].xml");
  fs::copy_file(dir.path() / "book.csv", dir.path() / "book.xlsx");
  BOOST_TEST(run(in(dir) + kBin + " mapping -q " + kPre + " --init " + kForms + "google_forms.csv -o g.yaml").status == 0);
  const std::string said = ": error: this is an Excel workbook (.xlsx), not CSV; name the file .xlsx (careermap reads workbooks) or save it as CSV (UTF-8 or コンマ区切り)\n";
  const Run v = run(in(dir) + kBin + " validate -q " + kPre + " --mapping g.yaml book.csv book.xlsx");
  BOOST_TEST(v.status == 1);
  // The same bytes named .xlsx are read as a workbook, and are none (a zip cut short).
  BOOST_TEST(v.err == "book.csv" + said + "book.xlsx: error: the file is not an Excel workbook (.xlsx): it is not a zip archive\n"
                      "careermap: 0 of 2 answers used; invalid: book.csv book.xlsx\n");
  const Run m = run(in(dir) + kBin + " mapping -q " + kPre + " --init book.csv");
  BOOST_TEST(m.status == 1);
  BOOST_TEST(m.err == "book.csv" + said);
  BOOST_TEST(m.out.empty());
}

BOOST_AUTO_TEST_CASE(a_header_only_or_empty_csv_says_there_are_no_rows) {
  careermap::test::TempDir dir;
  const auto [header, row] = google_header_and_row();
  write(dir.path() / "head.csv", "\xEF\xBB\xBF" + header + "\r\n");
  write(dir.path() / "empty.csv", "");
  BOOST_TEST(run(in(dir) + kBin + " mapping -q " + kPre + " --init head.csv -o g.yaml").status == 0);
  const Run v = run(in(dir) + kBin + " validate -q " + kPre + " --mapping g.yaml head.csv empty.csv");
  BOOST_TEST(v.status == 1);
  BOOST_TEST(v.err == "head.csv:1: error: the file has no rows of answers after its header\n"
                      "empty.csv: error: the file has no header row\n"
                      "careermap: 0 of 2 answers used; invalid: head.csv empty.csv\n");
  const Run c = run(in(dir) + kBin + " convert -q " + kPre + " --mapping g.yaml -o conv head.csv");
  BOOST_TEST(c.status == 1);
  BOOST_TEST(fs::is_empty(dir.path() / "conv"));
  const Run i = run(in(dir) + kBin + " import -q " + kPre + " --archive a.db --cohort 2026 --mapping g.yaml head.csv");
  BOOST_TEST(i.status == 1);
  BOOST_TEST(!fs::exists(dir.path() / "a.db"));
  const Run m = run(in(dir) + kBin + " mapping -q " + kPre + " --init empty.csv");
  BOOST_TEST(m.status == 1);
  BOOST_TEST(m.err == "empty.csv: error: the file has no header row\n");
}

BOOST_AUTO_TEST_CASE(a_row_cut_short_at_the_end_is_an_error_with_its_line_and_gets_no_file) {
  careermap::test::TempDir dir;
  const auto [header, row] = google_header_and_row();
  std::string second = row;
  second.replace(second.find("g01"), 3, "g02");
  std::string third = row;
  third.replace(third.find("g01"), 3, "g03");
  // An unclosed quote, and (in another file) a row that stops after a few cells.
  write(dir.path() / "open.csv", header + "\r\n" + row + "\r\n" + second.substr(0, second.find("\"窓口") + 5));
  write(dir.path() / "short.csv", header + "\r\n" + third.substr(0, third.find(",住民")) + "\r\n");
  BOOST_TEST(run(in(dir) + kBin + " mapping -q " + kPre + " --init open.csv -o g.yaml").status == 0);
  const Run c = run(in(dir) + kBin + " convert -q " + kPre + " --mapping g.yaml -o conv open.csv short.csv");
  BOOST_TEST(c.status == 1);
  BOOST_TEST(c.out == "open.csv:2 -> conv/g01.yaml\n");
  BOOST_TEST(c.err ==
             "open.csv:4: error: the row is cut short: a quoted cell is not closed before the end of the file\n"
             "short.csv:2: error: the row has 5 cells and the header 14: the row is cut short\n"
             "careermap: 1 of 3 answers used; invalid: open.csv:4 short.csv:2\n");
  std::vector<std::string> files;
  for (const auto& e : fs::directory_iterator(dir.path() / "conv")) files.push_back(e.path().filename().string());
  BOOST_TEST(files == (std::vector<std::string>{"g01.yaml"}), tt::per_element());
}

BOOST_AUTO_TEST_CASE(a_nul_byte_in_a_cell_is_refused_with_line_and_column) {
  careermap::test::TempDir dir;
  const auto [header, row] = google_header_and_row();
  std::string bad = row;
  bad.replace(bad.find("g01"), 3, std::string("g\0" "1", 3));
  write(dir.path() / "nul.csv", header + "\r\n" + bad + "\r\n");
  BOOST_TEST(run(in(dir) + kBin + " mapping -q " + kPre + " --init nul.csv -o g.yaml").status == 0);
  const Run v = run(in(dir) + kBin + " validate -q " + kPre + " --mapping g.yaml nul.csv");
  BOOST_TEST(v.status == 1);
  BOOST_TEST(v.err == "nul.csv:2:" + std::to_string(bad.find('\0') + 1) +
                          ": error: the cell holds a NUL byte; it is not text\n"
                          "careermap: 0 of 1 answers used; invalid: nul.csv:2\n");
}

BOOST_AUTO_TEST_CASE(titles_repeated_per_episode_bind_in_order) {
  careermap::test::TempDir dir;
  const auto [header, row] = google_header_and_row();
  // A form with one section per episode: the same questions twice.
  const std::string section = ",開始年,終了年（継続中は空欄）,取組の名前,誰と取り組みましたか,何が変わりましたか,あなたの役割,どんな成果・変化がありましたか";
  write(dir.path() / "sections.csv", header + section + section + "\r\n" + row +
                                         ",2015,2017,窓口の手順,自分ひとりで,ミス・ムダ・不具合がなくなった,中心となって進めた,"
                                         ",2020,,庁内の様式,他部署・全庁の職員と,いまのやり方がより良くなった,仲間と一緒に推進した,\"様式が一つに\"\r\n");
  const Run init = run(in(dir) + kBin + " mapping -q " + kPre + " --init sections.csv -o s.yaml");
  BOOST_TEST(init.status == 0);
  BOOST_TEST(init.err == "careermap mapping: wrote s.yaml (28 of 28 columns matched)\n");
  BOOST_TEST(slurp(dir.path() / "s.yaml").find("  \"取組の名前\":   # one target per column with this title, in order\n"
                                                "    - episodes[1].title\n    - episodes[2].title\n") != std::string::npos);
  const Run c = run(in(dir) + kBin + " convert -q " + kPre + " --mapping s.yaml -o conv sections.csv");
  BOOST_TEST(c.status == 0);
  const std::string g01 = slurp(dir.path() / "conv" / "g01.yaml");
  BOOST_TEST(g01.find("  episodes:\n    - from: 2015\n      to: 2017\n      title: \"窓口の手順\"\n      involved: \"self\"\n"
                      "      changed: \"defect_removed\"\n      role: \"led\"\n    - from: 2020\n      title: \"庁内の様式\"\n"
                      "      involved: \"departments\"\n      changed: \"better\"\n      role: \"drove\"\n"
                      "      outcome: \"様式が一つに\"\n") != std::string::npos);
  // The same titles with one target each: refused, naming the columns; nothing converted.
  std::string one = slurp(dir.path() / "s.yaml");
  one.replace(one.find("  \"開始年\":   # one target per column with this title, in order\n    - episodes[1].from\n    - episodes[2].from\n"),
              std::string("  \"開始年\":   # one target per column with this title, in order\n    - episodes[1].from\n    - episodes[2].from\n").size(),
              "  \"開始年\": episodes[1].from\n");
  write(dir.path() / "one.yaml", one);
  const Run r = run(in(dir) + kBin + " convert -q " + kPre + " --mapping one.yaml -o conv2 sections.csv");
  BOOST_TEST(r.status == 1);
  BOOST_TEST(r.err == "sections.csv:1: error: 開始年: the title heads 2 columns (15 and 22) and the mapping one.yaml gives 1 "
                      "target for it; list one target per column, in order: [\"episodes[1].from\", \"episodes[2].from\", ...]\n"
                      "careermap: 0 of 1 answers used; invalid: sections.csv\n");
}

BOOST_AUTO_TEST_CASE(csv_rows_are_archived_exactly_valid_as_yaml_that_reads_back_bad_as_the_bytes_received) {
  careermap::test::TempDir dir;
  const auto [header, row] = google_header_and_row();
  // The free-text cell: from its opening quote to its closing one.
  const size_t open = row.find("\"窓口"), close = row.find("。\"", open) + std::string("。\"").size();
  std::string valid = row;  // free text starting with a space and holding a line break: " a\nb"
  valid.replace(open, close - open, "\" a\nb\"");
  std::string bad = row;  // a formula-like text and a scale answer that is no point of the scale
  bad.replace(open, close - open, "\"=1+1\"");
  bad.replace(bad.find("g01"), 3, "g02");
  bad.replace(bad.find(",とてもあてはまる"), std::string(",とてもあてはまる").size(), ",9");
  const std::string head = "\xEF\xBB\xBF" + header + "\r\n";
  write(dir.path() / "f.csv", head + valid + "\r\n" + bad + "\r\n");
  BOOST_TEST(run(in(dir) + kBin + " mapping -q " + kPre + " --init f.csv -o g.yaml").status == 0);
  const Run i = run(in(dir) + kBin + " import -q " + kPre + " --archive a.db --cohort 2026 --mapping g.yaml f.csv");
  BOOST_TEST(i.status == 1);
  BOOST_TEST(i.out == "careermap import: 1 added, 0 new versions, 0 unchanged, 1 quarantined\n");
  // The valid row reads back: the person is scored from the archive.
  const Run s = run(in(dir) + kBin + " score -q " + kPre + " --archive a.db --cohort 2026");
  BOOST_TEST(s.status == 0);
  BOOST_TEST(s.out.find("\"id\": \"g01\"") != std::string::npos);
  const Run e = run(in(dir) + kBin + " export --archive a.db -o exp");
  BOOST_TEST(e.status == 0);
  std::string quarantined, kept;
  for (const auto& f : fs::recursive_directory_iterator(dir.path() / "exp")) {
    const std::string name = f.path().filename().string();
    if (name == "index.csv" || name == "releases.csv" || !f.is_regular_file()) continue;
    (name.size() > 4 && name.compare(name.size() - 4, 4, ".csv") == 0 ? quarantined : kept) = slurp(f.path());
  }
  BOOST_TEST(quarantined == head + bad + "\r\n");  // the bytes received, formula and all
  BOOST_TEST(kept.find("  initiative: \" a\\nb\"\n") != std::string::npos);
  careermap::Diagnostics d;
  const careermap::Questionnaire q = careermap::Questionnaire::load(kPre, d);
  const careermap::Answers back = careermap::parse_answers(q, kept, "kept.yaml", d);
  BOOST_TEST(!d.has_errors());
  BOOST_REQUIRE(back.find("initiative"));
  BOOST_TEST(back.find("initiative")->text == " a\nb");
}

#if !defined(__SANITIZE_ADDRESS__)
BOOST_AUTO_TEST_CASE(memory_stays_that_of_one_row_whatever_the_file) {
  careermap::test::TempDir dir;
  const std::string limit = "prlimit --as=300000000 ";  // the old reader took 2.2 GB for the first file
  {
    std::ofstream commas(dir.path() / "commas.csv", std::ios::binary);
    const std::string mb(1'000'000, ',');
    for (int k = 0; k < 127; ++k) commas << mb;
    std::ofstream lines(dir.path() / "lines.csv", std::ios::binary);
    const std::string nl(1'000'000, '\n');
    for (int k = 0; k < 63; ++k) lines << nl;
    std::ofstream wide(dir.path() / "wide.csv", std::ios::binary);
    for (int k = 0; k < 100'000; ++k) wide << (k ? ",c" : "c") << k;
    wide << "\r\n";
    for (int k = 0; k < 100'000; ++k) wide << (k ? ",x" : "x");
    wide << "\r\n";
  }
  BOOST_TEST(run(in(dir) + kBin + " mapping -q " + kPre + " --init " + kForms + "google_forms.csv -o g.yaml").status == 0);
  const std::string wide_said = ":1: error: the row has more than 2000 columns; a CSV of answers has at most 2000\n";
  for (const char* f : {"commas.csv", "wide.csv"}) {
    const Run v = run(in(dir) + limit + kBin + " validate -q " + kPre + " --mapping g.yaml " + f);
    BOOST_TEST(v.status == 1, f);
    BOOST_TEST(v.err == f + wide_said + "careermap: 0 of 1 answers used; invalid: " + f + "\n");
    const Run m = run(in(dir) + limit + kBin + " mapping -q " + kPre + " --init " + f);
    BOOST_TEST(m.status == 1, f);
    BOOST_TEST(m.err == f + wide_said);
  }
  const Run l = run(in(dir) + limit + kBin + " validate -q " + kPre + " --mapping g.yaml lines.csv");
  BOOST_TEST(l.status == 1);
  BOOST_TEST(l.err == "lines.csv: error: the file has no header row\ncareermap: 0 of 1 answers used; invalid: lines.csv\n");
  // A real-looking export of 3,000 rows, read under the same limit.
  const auto [header, row] = google_header_and_row();
  std::string csv = header + "\r\n";
  for (int k = 0; k < 3000; ++k) {
    std::string r = row;
    r.replace(r.find("g01"), 3, "g" + std::to_string(10000 + k));
    csv += r + "\r\n";
  }
  write(dir.path() / "many.csv", csv);
  const Run v = run(in(dir) + limit + kBin + " validate -q " + kPre + " --mapping g.yaml many.csv");
  BOOST_TEST(v.status == 0);
  BOOST_TEST(v.err.empty());
  BOOST_TEST(std::count(v.out.begin(), v.out.end(), '\n') == 3001);
}

// Import streams: each row is checked and stored before the next is read, in one transaction.
BOOST_AUTO_TEST_CASE(import_holds_one_row_in_memory_whatever_the_file) {
  careermap::test::TempDir dir;
  const auto [header, row] = google_header_and_row();
  {
    std::ofstream csv(dir.path() / "many.csv", std::ios::binary);
    csv << header << "\r\n";
    for (int k = 0; k < 30000; ++k) {
      std::string r = row;
      r.replace(r.find("g01"), 3, "g" + std::to_string(100000 + k));
      csv << r << "\r\n";
    }
  }
  BOOST_REQUIRE(run(in(dir) + kBin + " mapping -q " + kPre + " --init many.csv -o g.yaml").status == 0);
  // The old import held every submission and needed about 70 MB of address space for these
  // rows (it fails under this limit); streaming needs about 35 MB, whatever the rows.
  const std::string limit = "prlimit --as=50000000 ";
  const Run i = run(in(dir) + limit + kBin + " import -q " + kPre + " --archive a.db --cohort 2026 --mapping g.yaml many.csv");
  BOOST_TEST(i.status == 0);
  BOOST_TEST(i.err == "");
  BOOST_TEST(i.out == "careermap import: 30000 added, 0 new versions, 0 unchanged, 0 quarantined\n");
  const Run l = run(in(dir) + kBin + " archive --archive a.db --list");
  BOOST_TEST(std::count(l.out.begin(), l.out.end(), '\n') == 30001);
  // A file that cannot be read after rows already stored in the transaction: none of them lands.
  write(dir.path() / "few.csv", header + "\r\n" + row + "\r\n");
  const Run bad = run(in(dir) + limit + kBin + " import -q " + kPre + " --archive a.db --cohort 2025 --mapping g.yaml few.csv missing.csv");
  BOOST_TEST(bad.status == 1);
  BOOST_TEST(bad.err == "missing.csv: error: cannot read: No such file or directory\n"
                        "careermap import: nothing imported: 1 of 2 inputs could not be read\n");
  BOOST_TEST(run(in(dir) + kBin + " archive --archive a.db --list").out == l.out);
}
#endif  // memory bounds mean nothing under AddressSanitizer, whose shadow needs terabytes of address space

BOOST_AUTO_TEST_SUITE_END()
