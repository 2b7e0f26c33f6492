#include "engine/release_log.hpp"

#include <sqlite3.h>

#include <boost/test/unit_test.hpp>

#include "tests/testutil.hpp"

using namespace careermap;

BOOST_AUTO_TEST_SUITE(release_log)

BOOST_AUTO_TEST_CASE(a_schema_2_archive_gains_an_empty_log_and_keeps_what_is_appended) {
  test::TempDir dir;
  const std::string path = (dir.path() / "a.db").string();
  {
    ArchiveOptions create;
    create.create = true;
    Archive a = Archive::open(path, create);
    Submission s;
    s.cohort = "2026";
    s.meeting = "pre";
    s.participant = "p1";
    s.questionnaire = "tiny";
    s.source = "p1.yaml";
    s.raw = "bytes";
    a.import({s, s}, "2026-01-01T00:00:00Z");
  }
  // Back to schema 2, as an archive of the previous careermap would be.
  sqlite3* db = nullptr;
  BOOST_REQUIRE(sqlite3_open(path.c_str(), &db) == SQLITE_OK);
  BOOST_REQUIRE(sqlite3_exec(db,
                             "DROP TABLE validated; DROP TABLE release_shown; DROP TABLE release_members; DROP TABLE release_groups;"
                             " DROP TABLE releases; ALTER TABLE submissions DROP COLUMN parts;"
                             " UPDATE meta SET value = '2' WHERE key = 'schema_version';",
                             nullptr, nullptr, nullptr) == SQLITE_OK);
  sqlite3_close(db);
  BOOST_TEST(Archive::open(path).schema_version() == kArchiveSchemaVersion);
  BOOST_TEST(read_releases(path).empty());
  Release r{0, "2026-09-30T10:00:00Z", "cohort --cohorts 2026 --min-group 3", "tiny", 3, {}};
  r.groups.push_back({0, "2026", {1}, {{"people", ""}, {"current", "fix.near"}}});
  r.groups.push_back({0, "all", {1}, {{"people", ""}}});
  BOOST_TEST(append_release(path, r) == 1);
  BOOST_TEST(append_release(path, r) == 2);
  const auto back = read_releases(path);
  BOOST_REQUIRE(back.size() == 2u);
  BOOST_TEST(back[1].id == 2);
  BOOST_TEST(back[1].command == r.command);
  BOOST_TEST(back[1].min_group == 3);
  BOOST_REQUIRE(back[1].groups.size() == 2u);
  BOOST_TEST(back[1].groups[0].release == 2);
  BOOST_TEST(back[1].groups[0].label == "2026");
  BOOST_TEST(back[1].groups[0].submissions == std::vector<int64_t>{1}, boost::test_tools::per_element());
  BOOST_TEST(back[1].groups[0].shown.size() == 2u);
  BOOST_TEST(back[1].groups[0].shown[1].second == "fix.near");
}

BOOST_AUTO_TEST_SUITE_END()
