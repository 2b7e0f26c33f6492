// The archive commands from outside: which files may be taken for an archive, waiting for
// another import, ids that never become paths or messages, export's folder.
#include <sqlite3.h>
#include <sys/stat.h>

#include <boost/test/unit_test.hpp>
#include <filesystem>
#include <fstream>
#include <future>
#include <thread>

#include "tests/e2e/run.hpp"
#include "tests/testutil.hpp"

namespace fs = std::filesystem;
using careermap::test::Run;
using careermap::test::run;
using careermap::test::slurp;

namespace {

const std::string kSrc = CAREERMAP_SOURCE_DIR;
const std::string kBin = CAREERMAP_BINARY;
const std::string kPre = kSrc + "/questionnaires/presession-v1.yaml";
const std::string kP01 = kSrc + "/questionnaires/samples/p01.yaml";

unsigned mode_of(const fs::path& p) {
  struct stat st{};
  ::stat(p.c_str(), &st);
  return st.st_mode & 0777;
}

void sql(const fs::path& path, const std::string& text) {
  sqlite3* db = nullptr;
  BOOST_REQUIRE(sqlite3_open(path.c_str(), &db) == SQLITE_OK);
  BOOST_REQUIRE(sqlite3_exec(db, text.c_str(), nullptr, nullptr, nullptr) == SQLITE_OK);
  sqlite3_close(db);
}

// Every command that reads an archive, on `db`, run in `dir`.
std::vector<std::string> readers(const std::string& db) {
  return {"archive --archive " + db + " --list",
          "export --archive " + db + " -o exp",
          "score -q " + kPre + " --archive " + db + " --cohort 2026",
          "render -q " + kPre + " --archive " + db + " --cohort 2026 -o maps",
          "cohort --archive " + db + " -q " + kPre + " -o c.pdf"};
}

}  // namespace

BOOST_AUTO_TEST_SUITE(archive_cli)

BOOST_AUTO_TEST_CASE(only_import_creates_an_archive) {
  careermap::test::TempDir dir;
  const std::string cd = "cd " + dir.path().string() + " && " + kBin + " ";
  for (const auto& cmd : readers("typo.db")) {
    const Run r = run(cd + cmd);
    BOOST_TEST(r.status == 2, cmd);
    BOOST_TEST(r.out == "", cmd);
    BOOST_TEST(r.err == "typo.db: error: archive: no archive here (only careermap import creates one; check the path)\n", cmd);
  }
  BOOST_TEST(!fs::exists(dir.path() / "typo.db"));
  BOOST_TEST(!fs::exists(dir.path() / "c.pdf"));
  BOOST_TEST(!fs::exists(dir.path() / "exp"));
  const Run imp = run(cd + "import -q " + kPre + " --archive a.db --cohort 2026 " + kP01);
  BOOST_TEST(imp.status == 0);
  BOOST_TEST(imp.out == "careermap import: 1 added, 0 new versions, 0 unchanged, 0 quarantined\n");
  BOOST_TEST(mode_of(dir.path() / "a.db") == 0600u);
}

BOOST_AUTO_TEST_CASE(a_file_that_is_not_an_archive_is_refused_untouched) {
  careermap::test::TempDir dir;
  const std::string cd = "cd " + dir.path().string() + " && " + kBin + " ";
  std::ofstream(dir.path() / "notes.txt") << "not a database\n";
  ::chmod((dir.path() / "notes.txt").c_str(), 0644);
  auto all = readers("notes.txt");
  all.push_back("import -q " + kPre + " --archive notes.txt --cohort 2026 " + kP01);
  for (const auto& cmd : all) {
    const Run r = run(cd + cmd);
    BOOST_TEST(r.status == 2, cmd);
    BOOST_TEST(r.err == "notes.txt: error: archive: not an SQLite database, so not a careermap archive; it was left as it was\n", cmd);
  }
  BOOST_TEST(mode_of(dir.path() / "notes.txt") == 0644u);
  BOOST_TEST(slurp(dir.path() / "notes.txt") == "not a database\n");
  BOOST_TEST(!fs::exists(dir.path() / "notes.txt-wal"));
}

BOOST_AUTO_TEST_CASE(an_unreadable_or_newer_schema_version_is_exit_2) {
  careermap::test::TempDir dir;
  const std::string cd = "cd " + dir.path().string() + " && " + kBin + " ";
  BOOST_REQUIRE(run(cd + "import -q " + kPre + " --archive a.db --cohort 2026 " + kP01).status == 0);
  sql(dir.path() / "a.db", "UPDATE meta SET value = 'abc' WHERE key = 'schema_version'");
  for (const auto& cmd : readers("a.db")) {
    const Run r = run(cd + cmd);
    BOOST_TEST(r.status == 2, cmd);
    BOOST_TEST(r.err == "a.db: error: archive: its schema version is not a number; the file is damaged or not a careermap archive\n", cmd);
  }
  sql(dir.path() / "a.db", "UPDATE meta SET value = '7' WHERE key = 'schema_version'");
  const Run r = run(cd + "import -q " + kPre + " --archive a.db --cohort 2026 " + kP01);
  BOOST_TEST(r.status == 2);
  BOOST_TEST(r.err == "a.db: error: archive: made by a newer careermap (schema 7; this one knows schemas up to 2)\n");
}

BOOST_AUTO_TEST_CASE(a_small_import_waits_for_a_long_one_and_says_so) {
  careermap::test::TempDir dir;
  const std::string cd = "cd " + dir.path().string() + " && " + kBin + " ";
  BOOST_REQUIRE(run(cd + "import -q " + kPre + " --archive a.db --cohort 2025 " + kP01).status == 0);
  sqlite3* other = nullptr;  // a long import, holding the archive for 6 s (SQLite's old limit was 5)
  BOOST_REQUIRE(sqlite3_open((dir.path() / "a.db").c_str(), &other) == SQLITE_OK);
  BOOST_REQUIRE(sqlite3_exec(other, "BEGIN IMMEDIATE", nullptr, nullptr, nullptr) == SQLITE_OK);
  auto small = std::async(std::launch::async, [&] { return run(cd + "import -q " + kPre + " --archive a.db --cohort 2026 " + kP01); });
  std::this_thread::sleep_for(std::chrono::seconds(6));
  BOOST_TEST((small.wait_for(std::chrono::seconds(0)) == std::future_status::timeout));  // still waiting
  sqlite3_exec(other, "COMMIT", nullptr, nullptr, nullptr);
  sqlite3_close(other);
  const Run r = small.get();
  BOOST_TEST(r.status == 0);
  BOOST_TEST(r.err == "careermap: a.db is in use by another careermap; waiting (up to 600 s)\n");
  BOOST_TEST(r.out == "careermap import: 1 added, 0 new versions, 0 unchanged, 0 quarantined\n");
}

BOOST_AUTO_TEST_SUITE_END()
