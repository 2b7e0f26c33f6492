// A half year of the study group, end to end with the real program: the questionnaire at the
// first meeting, the worksheet later on its own (as files and as a CSV), the questionnaire
// again at the last meeting; imported, listed, rendered from the archive and from the files.
#include <algorithm>
#include <boost/test/unit_test.hpp>
#include <filesystem>
#include <set>

#include "tests/e2e/run.hpp"

namespace fs = std::filesystem;
using careermap::test::Run;
using careermap::test::run;
using careermap::test::slurp;

namespace {

const std::string kHalf = kSrc + "/questionnaires/samples/halfyear/";

std::string pdf_text(const fs::path& pdf) {
  std::string text = run("pdftotext " + pdf.string() + " -").out;
  std::erase(text, '\n');
  return text;
}

std::set<std::string> pdfs_in(const fs::path& dir) {
  std::set<std::string> out;
  for (const auto& e : fs::directory_iterator(dir))
    if (e.path().extension() == ".pdf") out.insert(e.path().filename().string());
  return out;
}

std::string files(const std::string& dir, std::initializer_list<const char*> names) {
  std::string out;
  for (const char* n : names) out += " " + dir + n;
  return out;
}

// Every PDF of `a` has the same bytes in `b`, and both hold the same names.
void same_pdfs(const fs::path& a, const fs::path& b) {
  BOOST_TEST(pdfs_in(a) == pdfs_in(b), boost::test_tools::per_element());
  for (const auto& name : pdfs_in(a)) BOOST_TEST((slurp(a / name) == slurp(b / name)), name);
}

}  // namespace

BOOST_AUTO_TEST_SUITE(halfyear)

BOOST_AUTO_TEST_CASE(presession_v1_questionnaire_then_worksheet_then_questionnaire_again) {
  careermap::test::TempDir dir;
  const std::string cd = "cd " + dir.path().string() + " && " + kBin + " ";
  const std::string imp = cd + "import -q " + kPre + " --archive a.db --cohort 2026 ";
  const std::string m1 = files(kHalf + "m1/", {"p01.yaml", "p02.yaml", "p03.yaml", "p04.yaml", "p05.yaml"});
  const std::string m3 = files(kHalf + "m3/", {"p01.yaml", "p02.yaml", "p03.yaml"});
  const std::string csv = " --mapping " + kHalf + "worksheet.mapping.yaml " + kHalf + "m3/worksheet.csv";
  const std::string m5 = files(kHalf + "m5/", {"p01.yaml", "p02.yaml", "p03.yaml", "p04.yaml", "p05.yaml"});
  // A worksheet alone is valid: only the parts a file holds are checked.
  const Run v = run(cd + "validate -q " + kPre + m3 + csv);
  BOOST_TEST(v.status == 0);
  BOOST_TEST(v.err == "");
  const Run i1 = run(imp + "--meeting m1" + m1);
  BOOST_TEST(i1.status == 0);
  BOOST_TEST(i1.out == "careermap import: 5 added, 0 new versions, 0 unchanged, 0 quarantined\n");
  const Run i3 = run(imp + m3);
  BOOST_TEST(i3.err == "");
  BOOST_TEST(i3.out == "careermap import: 3 added, 0 new versions, 0 unchanged, 0 quarantined\n");
  BOOST_TEST(run(imp + csv).out == "careermap import: 1 added, 0 new versions, 0 unchanged, 0 quarantined\n");
  BOOST_TEST(run(imp + "--meeting m5" + m5).out == "careermap import: 5 added, 0 new versions, 0 unchanged, 0 quarantined\n");

  const Run list = run(cd + "archive --archive a.db --list -q " + kPre);
  BOOST_TEST(list.status == 0);
  BOOST_TEST(list.err == "");
  BOOST_TEST(list.out.find("\n1\t2026\tm1\tp01\tvalid\tquestionnaire\t") != std::string::npos);
  BOOST_TEST(list.out.find("\n6\t2026\tm3\tp01\tvalid\tworksheet\t") != std::string::npos);
  BOOST_TEST(list.out.find("\n9\t2026\tm3\tp05\tvalid\tworksheet\t") != std::string::npos);
  const std::string records = list.out.substr(list.out.find("\n\n") + 2);
  BOOST_TEST(records ==
             "cohort\tmeeting\tparticipant\tin\tmissing\n"
             "2026\tm1\tp01\tquestionnaire\tworksheet\n2026\tm3\tp01\tquestionnaire worksheet\t-\n2026\tm5\tp01\tquestionnaire worksheet\t-\n"
             "2026\tm1\tp02\tquestionnaire\tworksheet\n2026\tm3\tp02\tquestionnaire worksheet\t-\n2026\tm5\tp02\tquestionnaire worksheet\t-\n"
             "2026\tm1\tp03\tquestionnaire\tworksheet\n2026\tm3\tp03\tquestionnaire worksheet\t-\n2026\tm5\tp03\tquestionnaire worksheet\t-\n"
             "2026\tm1\tp04\tquestionnaire\tworksheet\n2026\tm5\tp04\tquestionnaire\tworksheet\n"
             "2026\tm1\tp05\tquestionnaire\tworksheet\n2026\tm3\tp05\tquestionnaire worksheet\t-\n2026\tm5\tp05\tquestionnaire worksheet\t-\n");

  const Run ra = run(cd + "render -q " + kPre + " --archive a.db --cohort 2026 --date 2026-09-16 -o from_archive");
  BOOST_TEST(ra.status == 0);
  BOOST_TEST(ra.err == "");
  const std::set<std::string> names = {"p01-m1.pdf", "p01-m3.pdf", "p01-m5.pdf", "p02-m1.pdf", "p02-m3.pdf",
                                       "p02-m5.pdf", "p03-m1.pdf", "p03-m3.pdf", "p03-m5.pdf", "p04-m1.pdf",
                                       "p04-m5.pdf", "p05-m1.pdf", "p05-m3.pdf", "p05-m5.pdf"};
  BOOST_TEST(pdfs_in(dir.path() / "from_archive") == names, boost::test_tools::per_element());
  const std::string first = pdf_text(dir.path() / "from_archive" / "p01-m1.pdf");
  BOOST_TEST(first.find("第1回（5月）") != std::string::npos);
  BOOST_TEST(first.find("2026期") != std::string::npos);
  BOOST_TEST(first.find("改善キャリアマップ ワークシート未提出") != std::string::npos);
  BOOST_TEST(first.find("転入届の記入例をつくり直す") == std::string::npos);
  const std::string third = pdf_text(dir.path() / "from_archive" / "p01-m3.pdf");
  BOOST_TEST(third.find("第3回") != std::string::npos);
  BOOST_TEST(third.find("転入届の記入例をつくり直す") != std::string::npos);  // the worksheet's episode
  BOOST_TEST(third.find("未提出") == std::string::npos);
  // m3 collects the worksheet only: its questionnaire part is m1's, so it compares with nothing.
  BOOST_TEST(third.find("前回との比較") == std::string::npos);
  const std::string last = pdf_text(dir.path() / "from_archive" / "p01-m5.pdf");
  BOOST_TEST(last.find("第5回（9月）") != std::string::npos);
  BOOST_TEST(last.find("2026期") != std::string::npos);
  BOOST_TEST(last.find("転入届の記入例をつくり直す") != std::string::npos);
  BOOST_TEST(last.find("前回との比較") != std::string::npos);  // m5 compares with m1
  BOOST_TEST(pdf_text(dir.path() / "from_archive" / "p05-m5.pdf").find("補助金申請の手引きの誤りを正す") != std::string::npos);  // from the CSV
  BOOST_TEST(pdf_text(dir.path() / "from_archive" / "p04-m5.pdf").find("ワークシート未提出") != std::string::npos);

  // The same render from the files: the same names and the same bytes.
  const Run rf = run(cd + "render -q " + kPre + " --date 2026-09-16 -o from_files" + m1 + m3 + m5 + csv);
  BOOST_TEST(rf.status == 0);
  BOOST_TEST(rf.err == "");
  same_pdfs(dir.path() / "from_archive", dir.path() / "from_files");

  // One meeting only, from either source.
  BOOST_TEST(run(cd + "render -q " + kPre + " --archive a.db --cohort 2026 --meeting m3 --date 2026-09-16 -o m3a").status == 0);
  BOOST_TEST(run(cd + "render -q " + kPre + " --meeting m3 --date 2026-09-16 -o m3f" + m1 + m3 + m5 + csv).status == 0);
  BOOST_TEST(pdfs_in(dir.path() / "m3a") ==
                 (std::set<std::string>{"p01-m3.pdf", "p02-m3.pdf", "p03-m3.pdf", "p05-m3.pdf"}),
             boost::test_tools::per_element());
  same_pdfs(dir.path() / "m3a", dir.path() / "m3f");
  // Each the same bytes as the full render's map of that meeting, its comparison with the
  // earlier meeting included (the earlier records are read, not rendered).
  for (const auto& name : pdfs_in(dir.path() / "m3a"))
    BOOST_TEST((slurp(dir.path() / "m3a" / name) == slurp(dir.path() / "from_files" / name)), name);
  const Run last_only = run(cd + "render -q " + kPre + " --meeting m5 --date 2026-09-16 -o m5f" + m1 + m3 + m5 + csv);
  BOOST_TEST(last_only.status == 0);
  BOOST_TEST(last_only.out == "m5f/p01-m5.pdf\nm5f/p02-m5.pdf\nm5f/p03-m5.pdf\nm5f/p04-m5.pdf\nm5f/p05-m5.pdf\n");
  BOOST_TEST(last_only.err == "");
  for (const auto& name : pdfs_in(dir.path() / "m5f"))
    BOOST_TEST((slurp(dir.path() / "m5f" / name) == slurp(dir.path() / "from_files" / name)), name);
}

BOOST_AUTO_TEST_CASE(another_questionnaire_in_parts_end_to_end) {
  careermap::test::TempDir dir;
  const auto write = [&](const std::string& name, const std::string& text) {
    std::ofstream(dir.path() / name, std::ios::binary) << text;
  };
  const std::string head = "questionnaire: course\ncohort: c7\n";
  write("a-kick.yaml", head + "participant: a1\nname: 仮名 一\nmeeting: kickoff\nanswers:\n  org: town\n  k1: 1\n  k2: 0\n  k3: 1\n  k4: 0\n");
  write("b-kick.yaml", head + "participant: b2\nmeeting: kickoff\nanswers:\n  org: county\n  k1: 2\n  k2: 2\n  k3: 1\n  k4: 1\n");
  write("a-mid.yaml", head + "participant: a1\nmeeting: midway\nanswers:\n  note: 題\n  steps:\n    - {y0: 2019, what: 手元の書式を直す, with: alone, kind: mend}\n");
  write("mid.csv", "who,title,first year,what\r\nb2,私の歩み,2015,遠くの仕組みを深める\r\n");
  write("mid.mapping.yaml", "questionnaire: course\ncohort: c7\nmeeting: midway\ncolumns:\n  who: participant\n  title: note\n"
                            "  first year: steps[1].y0\n  what: steps[1].what\n");
  write("a-close.yaml", head + "participant: a1\nname: 仮名 一\nmeeting: closing\nanswers:\n  org: town\n  k1: 3\n  k2: 2\n  k3: 2\n  k4: 1\n");
  const std::string cd = "cd " + dir.path().string() + " && " + kBin + " ";
  // A worksheet without its required title is invalid; only the parts present are checked.
  write("bad-mid.yaml", head + "participant: a9\nmeeting: midway\nanswers:\n  steps:\n    - {y0: 2019, what: x}\n");
  write("empty.yaml", head + "participant: a8\nanswers:\n  hope:\n");
  const Run bad = run(cd + "validate -q " + kCourse + " bad-mid.yaml empty.yaml a-mid.yaml");
  BOOST_TEST(bad.status == 1);
  BOOST_TEST(bad.err == "bad-mid.yaml:5:1: error: note: required answer is missing\n"
                        "empty.yaml:4:1: error: answers: answers no item: a file holds at least one part (survey, journey)\n"
                        "careermap: 1 of 3 answers used; invalid: bad-mid.yaml empty.yaml\n");
  const Run wrong = run(cd + "import -q " + kCourse + " --archive a.db --cohort c7 --meeting mid a-kick.yaml");
  BOOST_TEST(wrong.status == 2);
  BOOST_TEST(wrong.err.rfind("careermap import: --meeting 'mid' names no meeting of course; its meetings are kickoff|midway|closing\n", 0) == 0u);
  BOOST_TEST(!fs::exists(dir.path() / "a.db"));
  const Run both = run(cd + "import -q " + kCourse + " --archive a.db --cohort c7 --session pre --meeting kickoff a-kick.yaml");
  BOOST_TEST(both.status == 2);
  BOOST_TEST(both.err.rfind("careermap import: give --meeting ID or --session pre|post, not both\n", 0) == 0u);
  BOOST_TEST(!fs::exists(dir.path() / "a.db"));

  const std::string imp = cd + "import -q " + kCourse + " --archive a.db --cohort c7 ";
  BOOST_TEST(run(imp + "a-kick.yaml b-kick.yaml").status == 0);
  BOOST_TEST(run(imp + "a-mid.yaml").status == 0);
  BOOST_TEST(run(imp + "--mapping mid.mapping.yaml mid.csv").status == 0);
  write("a-close-nomeeting.yaml", head + "participant: a1\nname: 仮名 一\nanswers:\n  org: town\n  k1: 3\n  k2: 2\n  k3: 2\n  k4: 1\n");
  BOOST_TEST(run(imp + "--session post a-close-nomeeting.yaml").status == 0);  // the last meeting
  const Run list = run(cd + "archive --archive a.db --list -q " + kCourse);
  BOOST_TEST(list.out.substr(list.out.find("\n\n") + 2) ==
             "cohort\tmeeting\tparticipant\tin\tmissing\n"
             "c7\tkickoff\ta1\tsurvey\tjourney\nc7\tmidway\ta1\tsurvey journey\t-\nc7\tclosing\ta1\tsurvey journey\t-\n"
             "c7\tkickoff\tb2\tsurvey\tjourney\nc7\tmidway\tb2\tsurvey journey\t-\n");
  const Run ra = run(cd + "render -q " + kCourse + " --archive a.db --cohort c7 --lang en --date 2026-09-01 -o ra");
  BOOST_TEST(ra.status == 0);
  BOOST_TEST(ra.err == "");
  BOOST_TEST(pdfs_in(dir.path() / "ra") ==
                 (std::set<std::string>{"a1-kickoff.pdf", "a1-midway.pdf", "a1-closing.pdf", "b2-kickoff.pdf", "b2-midway.pdf"}),
             boost::test_tools::per_element());
  const std::string kick = pdf_text(dir.path() / "ra" / "a1-kickoff.pdf");
  BOOST_TEST(kick.find("Kick-off") != std::string::npos);
  BOOST_TEST(kick.find("Cohort c7") != std::string::npos);
  BOOST_TEST(kick.find("Journey sheet not submitted yet") != std::string::npos);
  const std::string mid = pdf_text(dir.path() / "ra" / "b2-midway.pdf");
  BOOST_TEST(mid.find("Midway") != std::string::npos);
  BOOST_TEST(mid.find("遠くの仕組みを深める") != std::string::npos);
  BOOST_TEST(pdf_text(dir.path() / "ra" / "a1-closing.pdf").find("手元の書式を直す") != std::string::npos);
  const Run rf = run(cd + "render -q " + kCourse + " --lang en --date 2026-09-01 -o rf a-kick.yaml b-kick.yaml a-mid.yaml "
                     "a-close.yaml --mapping mid.mapping.yaml mid.csv");
  BOOST_TEST(rf.status == 0);
  BOOST_TEST(rf.err == "");
  same_pdfs(dir.path() / "ra", dir.path() / "rf");
}

BOOST_AUTO_TEST_SUITE_END()
