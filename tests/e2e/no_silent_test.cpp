// No silent success, no crash: a cohort that is not there, an empty archive, an exception
// escaping a command, a password file from Windows, a password on the command line.
#include <sqlite3.h>

#include <boost/test/unit_test.hpp>
#include <filesystem>
#include <fstream>

#include "engine/archive.hpp"
#include "tests/e2e/run.hpp"

namespace fs = std::filesystem;
using careermap::test::run;

namespace {

std::string sample(const char* id) { return " " + kSrc + "/questionnaires/samples/" + id + ".yaml"; }

void sql(const fs::path& db, const std::string& statement) {
  sqlite3* h = nullptr;
  BOOST_REQUIRE(sqlite3_open(db.c_str(), &h) == SQLITE_OK);
  BOOST_REQUIRE(sqlite3_exec(h, statement.c_str(), nullptr, nullptr, nullptr) == SQLITE_OK);
  sqlite3_close(h);
}

}  // namespace

BOOST_AUTO_TEST_SUITE(no_silent_success)

BOOST_AUTO_TEST_CASE(a_cohort_that_is_not_in_the_archive_is_an_error) {
  careermap::test::TempDir dir;
  const std::string cd = "cd " + dir.path().string() + " && ";
  BOOST_REQUIRE(run(cd + kBin + " import -q " + kPre + " --archive a.db --cohort 2026 --session pre" + sample("p01") +
                    sample("p02") + sample("p03"))
                    .status == 0);
  BOOST_REQUIRE(run(cd + kBin + " import -q " + kPre + " --archive a.db --cohort 2025 --session pre" + sample("p04"))
                    .status == 0);
  const std::string cohort = cd + kBin + " cohort --archive a.db -q " + kPre + " -o r.pdf --csv r.csv --date 2026-09-30";
  auto r = run(cohort + " --cohorts 2024");
  BOOST_TEST(r.status == 2);
  BOOST_TEST(r.out == "");
  BOOST_TEST(r.err ==
             "a.db: error: --cohorts: no valid submissions of cohort 2024 (the archive holds cohorts 2025, 2026); "
             "nothing was done\n");
  r = run(cohort + " --cohorts 2024,2026,2023");
  BOOST_TEST(r.status == 2);
  BOOST_TEST(r.err ==
             "a.db: error: --cohorts: no valid submissions of cohorts 2024, 2023 (the archive holds cohorts 2025, 2026); "
             "nothing was done\n");
  BOOST_TEST(!fs::exists(dir.path() / "r.pdf"));
  BOOST_TEST(!fs::exists(dir.path() / "r.csv"));

  // A cohort id that does not pass the id rule (written into the archive behind careermap's
  // back) is counted, never printed.
  sql(dir.path() / "a.db", "UPDATE submissions SET cohort = 'x' || char(27) || '[2J' || char(10) || 'forged' WHERE cohort = '2025'");
  r = run(cohort + " --cohorts 2024");
  BOOST_TEST(r.status == 2);
  BOOST_TEST(r.err ==
             "a.db: error: --cohorts: no valid submissions of cohort 2024 (the archive holds cohorts 2026, and 1 whose "
             "id is not valid); nothing was done\n");

  // score and render read one cohort of the archive: the same rule.
  for (const std::string& cmd : {" score -q " + kPre, " render -q " + kPre + " -o out"}) {
    r = run(cd + kBin + cmd + " --archive a.db --cohort 2099");
    BOOST_TEST(r.status == 2, cmd);
    BOOST_TEST(r.out == "", cmd);
    BOOST_TEST(r.err ==
                   "a.db: error: --cohort: no valid submissions of cohort 2099 (the archive holds cohorts 2026, and 1 "
                   "whose id is not valid); nothing was done\n",
               cmd);
  }
  BOOST_TEST(!fs::exists(dir.path() / "out"));

  r = run(cohort + " --cohorts 2026");
  BOOST_TEST(r.status == 0);
  BOOST_TEST(r.out == "r.pdf\nr.csv\n");
}

BOOST_AUTO_TEST_CASE(an_archive_without_valid_submissions_gives_no_report) {
  careermap::test::TempDir dir;
  careermap::ArchiveOptions create;
  create.create = true;
  careermap::Archive::open((dir.path() / "e.db").string(), create);
  const auto r = run("cd " + dir.path().string() + " && " + kBin + " cohort --archive e.db -q " + kPre + " -o r.pdf");
  BOOST_TEST(r.status == 1);
  BOOST_TEST(r.err == "e.db: error: the archive holds no valid submissions; nothing was done\n");
  BOOST_TEST(!fs::exists(dir.path() / "r.pdf"));
}

BOOST_AUTO_TEST_CASE(an_exception_out_of_a_command_is_a_message_and_exit_2) {
  // demo clears DIR/archive.db before writing it; a folder of that name cannot be removed,
  // and the std::filesystem_error reaches main's net.
  careermap::test::TempDir dir;
  fs::create_directories(dir.path() / "out" / "archive.db" / "x");
  const auto r = run("cd " + dir.path().string() + " && " + kBin + " demo -o out");
  BOOST_TEST(r.status == 2);
  BOOST_TEST(r.err == "careermap demo: 5 career maps written to out/\nout/archive.db: error: cannot remove: Directory not empty\n");
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(passwords)

BOOST_AUTO_TEST_CASE(a_password_file_from_windows_opens_the_pdf) {
  careermap::test::TempDir dir;
  std::ofstream(dir.path() / "pw", std::ios::binary) << "\xEF\xBB\xBFs3cret pass\r\n";
  const auto r = run("cd " + dir.path().string() + " && " + kBin + " render -q " + kPre +
                     " -o out --date 2026-07-01 --password-file pw" + sample("p03"));
  BOOST_TEST(r.status == 0);
  BOOST_TEST(r.err == "");
  const std::string pdf = (dir.path() / "out" / "p03.pdf").string();
  BOOST_TEST(run("qpdf --password='s3cret pass' --check " + pdf + " >/dev/null").status == 0);
  BOOST_TEST(run("qpdf --password='s3cret pass\r' --check " + pdf + " >/dev/null 2>&1").status != 0);
  BOOST_TEST(run("pdftotext -upw 's3cret pass' " + pdf + " -").out.find("仮名 さくら さん") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(a_password_file_of_two_lines_is_refused) {
  careermap::test::TempDir dir;
  std::ofstream(dir.path() / "pw", std::ios::binary) << "s3cret\r\n\r\n";
  const auto r = run("cd " + dir.path().string() + " && " + kBin + " render -q " + kPre + " -o out --password-file pw" +
                     sample("p03"));
  BOOST_TEST(r.status == 2);
  BOOST_TEST(r.err == "pw: error: the password file must hold one line: the password, then at most one line break\n");
  BOOST_TEST(!fs::exists(dir.path() / "out"));
}

BOOST_AUTO_TEST_CASE(a_password_on_the_command_line_works_with_a_warning) {
  careermap::test::TempDir dir;
  const auto r = run("cd " + dir.path().string() + " && " + kBin + " render -q " + kPre +
                     " -o out --date 2026-07-01 --password 'open sesame'" + sample("p03"));
  BOOST_TEST(r.status == 0);
  BOOST_TEST(r.err ==
             "careermap render: warning: --password can be seen by other users of this computer (for example with ps); "
             "put the password in a file and give --password-file F instead\n");
  BOOST_TEST(run("qpdf --password='open sesame' --check " + (dir.path() / "out" / "p03.pdf").string() + " >/dev/null")
                 .status == 0);
}

BOOST_AUTO_TEST_SUITE_END()
