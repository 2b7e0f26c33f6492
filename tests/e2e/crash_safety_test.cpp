// Crash safety: an import killed at any moment (kill -9) leaves the archive consistent,
// with no half submission, and the next import completes it.
#include <signal.h>
#include <sqlite3.h>
#include <sys/wait.h>
#include <unistd.h>

#include <boost/test/unit_test.hpp>
#include <filesystem>
#include <string>

#include "engine/archive.hpp"
#include "tests/e2e/run.hpp"
#include "tests/testutil.hpp"

namespace fs = std::filesystem;

namespace {


std::string integrity(const std::string& path) {
  sqlite3* db = nullptr;
  sqlite3_open(path.c_str(), &db);
  sqlite3_stmt* s = nullptr;
  sqlite3_prepare_v2(db, "PRAGMA integrity_check", -1, &s, nullptr);
  std::string out = sqlite3_step(s) == SQLITE_ROW ? reinterpret_cast<const char*>(sqlite3_column_text(s, 0)) : "?";
  sqlite3_finalize(s);
  sqlite3_close(db);
  return out;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(crash_safety)

BOOST_AUTO_TEST_CASE(an_import_killed_at_any_moment_leaves_a_whole_archive) {
  careermap::test::TempDir dir;
  const std::string synth = fs::path(kBin).parent_path() / "careermap-synth";
  const std::string pre = kSrc + "/questionnaires/presession-v1.yaml";
  BOOST_REQUIRE(std::system((synth + " -q " + pre + " -n 400 -o " + (dir.path() / "in").string() + " 2>/dev/null").c_str()) == 0);
  const std::string db = (dir.path() / "a.db").string();
  const std::string import = "exec " + kBin + " import -q " + pre + " --archive " + db + " --cohort 2026 --session pre " +
                             (dir.path() / "in").string() + "/*.yaml >/dev/null 2>&1";
  int killed = 0;
  for (int delay_ms : {5, 40, 120, 250, 400, 600}) {
    const pid_t pid = fork();
    if (pid == 0) {
      execl("/bin/sh", "sh", "-c", import.c_str(), static_cast<char*>(nullptr));
      _exit(127);
    }
    usleep(static_cast<useconds_t>(delay_ms) * 1000);
    killed += ::kill(pid, SIGKILL) == 0;
    int st = 0;
    waitpid(pid, &st, 0);
    if (!fs::exists(db)) continue;
    BOOST_TEST(integrity(db) == "ok", "after a kill at " << delay_ms << " ms");
    // All or nothing: an import is one transaction. (Killed before its first commit, the
    // file is an empty database, which only an import may take up: open it as one would.)
    careermap::ArchiveOptions as_import;
    as_import.create = true;
    const size_t n = careermap::Archive::open(db, as_import).all().size();
    BOOST_TEST((n == 0 || n == 400), "after a kill at " << delay_ms << " ms: " << n << " submissions");
  }
  BOOST_TEST(killed > 0);
  BOOST_TEST(std::system((import).c_str()) == 0);  // the next import completes it
  BOOST_TEST(integrity(db) == "ok");
  BOOST_TEST(careermap::Archive::open(db).all().size() == 400u);
}

BOOST_AUTO_TEST_SUITE_END()
