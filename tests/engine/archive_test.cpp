#include "engine/archive.hpp"

#include <sqlite3.h>
#include <sys/stat.h>

#include <boost/test/unit_test.hpp>

#include "engine/sha256.hpp"
#include "tests/testutil.hpp"

using namespace careermap;

namespace {

Submission sub(const std::string& participant, const std::string& raw, bool quarantined = false) {
  Submission s;
  s.cohort = "2026";
  s.session = "pre";
  s.participant = participant;
  s.questionnaire = "tiny";
  s.source = participant + ".yaml";
  s.raw = raw;
  s.quarantined = quarantined;
  s.diagnostics = quarantined ? "x.yaml:1:1: error: broken\n" : "";
  return s;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(archive)

BOOST_AUTO_TEST_CASE(sha256_known_answers) {
  BOOST_TEST(sha256_hex("") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  BOOST_TEST(sha256_hex("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  BOOST_TEST(sha256_hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq") ==
             "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
}

BOOST_AUTO_TEST_CASE(the_same_bytes_twice_change_nothing_new_bytes_are_a_version) {
  test::TempDir dir;
  const std::string path = (dir.path() / "a.db").string();
  Archive a = Archive::open(path);
  struct stat st{};
  ::stat(path.c_str(), &st);
  BOOST_TEST((st.st_mode & 0777) == 0600u);
  BOOST_TEST(a.schema_version() == kArchiveSchemaVersion);
  const ImportSummary first = a.import({sub("p1", "one"), sub("p2", "two")}, "2026-05-01T00:00:00Z");
  BOOST_TEST(first.added == 2);
  const ImportSummary again = a.import({sub("p1", "one"), sub("p2", "two")}, "2026-05-02T00:00:00Z");
  BOOST_TEST(again.unchanged == 2);
  BOOST_TEST(again.added == 0);
  const ImportSummary changed = a.import({sub("p1", "one, revised"), sub("p3", "bad", true)}, "2026-05-03T00:00:00Z");
  BOOST_TEST(changed.versions == 1);
  BOOST_TEST(changed.quarantined == 1);
  const auto all = a.all();
  BOOST_REQUIRE(all.size() == 4u);  // history stays
  BOOST_TEST(all[0].sha256 == sha256_hex("one"));
  BOOST_TEST(all[0].imported_at == "2026-05-01T00:00:00Z");
  BOOST_TEST(all[3].quarantined);
  BOOST_TEST(all[3].diagnostics == "x.yaml:1:1: error: broken\n");
  const auto cur = a.current();
  BOOST_REQUIRE(cur.size() == 2u);  // the newest valid of p1, and p2; never the quarantined
  BOOST_TEST(cur[0].raw == "one, revised");
  BOOST_TEST(cur[1].participant == "p2");
  BOOST_TEST(a.current({"2025"}).empty());
}

BOOST_AUTO_TEST_CASE(an_import_is_one_transaction) {
  test::TempDir dir;
  const std::string path = (dir.path() / "a.db").string();
  { Archive::open(path); }
  // A trigger makes the second insert fail, as a full disk would.
  sqlite3* db = nullptr;
  BOOST_REQUIRE(sqlite3_open(path.c_str(), &db) == SQLITE_OK);
  BOOST_REQUIRE(sqlite3_exec(db, "CREATE TRIGGER boom BEFORE INSERT ON submissions WHEN NEW.participant = 'boom'"
                                 " BEGIN SELECT RAISE(ABORT, 'disk full'); END;",
                             nullptr, nullptr, nullptr) == SQLITE_OK);
  sqlite3_close(db);
  Archive a = Archive::open(path);
  BOOST_CHECK_EXCEPTION(a.import({sub("p1", "one"), sub("boom", "two")}, "t"), Error, [&](const Error& e) {
    return std::string(e.what()) == path + ": error: archive: query: disk full";
  });
  BOOST_TEST(a.all().empty());  // p1 did not land either
  // Same bytes twice in one import: the second is unchanged, not an error.
  BOOST_TEST(a.import({sub("p1", "one"), sub("p1", "one")}, "t").unchanged == 1);
  BOOST_TEST(a.all().size() == 1u);
}

BOOST_AUTO_TEST_CASE(a_schema_1_archive_is_migrated_with_its_data) {
  test::TempDir dir;
  const std::string path = (dir.path() / "old.db").string();
  sqlite3* db = nullptr;
  BOOST_REQUIRE(sqlite3_open(path.c_str(), &db) == SQLITE_OK);
  BOOST_REQUIRE(sqlite3_exec(db,
                             "CREATE TABLE submissions (id INTEGER PRIMARY KEY, cohort TEXT NOT NULL, participant TEXT NOT NULL,"
                             " source TEXT NOT NULL, sha256 TEXT NOT NULL, raw BLOB NOT NULL, imported_at TEXT NOT NULL,"
                             " valid INTEGER NOT NULL);"
                             "INSERT INTO submissions VALUES (1, '2024', 'p9', 'p9.yaml', 'abc', 'old bytes', '2024-05-01', 1);"
                             "INSERT INTO submissions VALUES (2, '2024', 'p8', 'p8.yaml', 'def', 'broken', '2024-05-01', 0);",
                             nullptr, nullptr, nullptr) == SQLITE_OK);
  sqlite3_close(db);
  Archive a = Archive::open(path);
  BOOST_TEST(a.schema_version() == 2);
  const auto all = a.all();
  BOOST_REQUIRE(all.size() == 2u);
  BOOST_TEST(all[0].raw == "old bytes");
  BOOST_TEST(all[0].session == "");
  BOOST_TEST(all[1].quarantined);
  BOOST_TEST(a.current().size() == 1u);
  // Opening again is a no-op.
  BOOST_TEST(Archive::open(path).all().size() == 2u);
}

BOOST_AUTO_TEST_SUITE_END()
