#include "engine/archive.hpp"

#include <sqlite3.h>
#include <sys/stat.h>

#include <boost/test/unit_test.hpp>
#include <tuple>
#include <set>
#include <random>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <thread>

#include "engine/answers_blob.hpp"
#include "engine/sha256.hpp"
#include "tests/testutil.hpp"

using namespace careermap;
namespace fs = std::filesystem;

namespace {

Submission sub(const std::string& participant, const std::string& raw, bool quarantined = false) {
  Submission s;
  s.cohort = "2026";
  s.meeting = "pre";
  s.participant = participant;
  s.questionnaire = "tiny";
  s.source = participant + ".yaml";
  s.raw = raw;
  s.quarantined = quarantined;
  s.diagnostics = quarantined ? "x.yaml:1:1: error: broken\n" : "";
  return s;
}

Archive create(const std::string& path) {
  ArchiveOptions o;
  o.create = true;
  return Archive::open(path, o);
}

// Runs SQL on the file with a connection of its own (as another program would).
void sql(const std::string& path, const char* text) {
  sqlite3* db = nullptr;
  BOOST_REQUIRE(sqlite3_open(path.c_str(), &db) == SQLITE_OK);
  BOOST_REQUIRE(sqlite3_exec(db, text, nullptr, nullptr, nullptr) == SQLITE_OK);
  sqlite3_close(db);
}

std::string refusal(const std::string& path, const ArchiveOptions& o = {}) {
  try {
    Archive::open(path, o);
  } catch (const Error& e) {
    return e.what();
  }
  return "opened";
}

std::string slurp(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), {});
}

unsigned mode_of(const std::string& path) {
  struct stat st{};
  ::stat(path.c_str(), &st);
  return st.st_mode & 0777;
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
  Archive a = create(path);
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
  { create(path); }
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
  const std::string schema_1 = archive_schema_sql(1) +
                               "INSERT INTO submissions VALUES (1, '2024', 'p9', 'p9.yaml', 'abc', 'old bytes', '2024-05-01', 1);"
                               "INSERT INTO submissions VALUES (2, '2024', 'p8', 'p8.yaml', 'def', 'broken', '2024-05-01', 0);";
  BOOST_REQUIRE(sqlite3_exec(db, schema_1.c_str(), nullptr, nullptr, nullptr) == SQLITE_OK);
  sqlite3_close(db);
  Archive a = Archive::open(path);
  BOOST_TEST(a.schema_version() == kArchiveSchemaVersion);
  const auto all = a.all();
  BOOST_REQUIRE(all.size() == 2u);
  BOOST_TEST(all[0].raw == "old bytes");
  BOOST_TEST(all[0].meeting == "");
  BOOST_TEST(all[1].quarantined);
  BOOST_TEST(a.current().size() == 1u);
  // Opening again is a no-op.
  BOOST_TEST(Archive::open(path).all().size() == 2u);
}

// Schema 4 keeps the parts each submission holds; a schema-3 archive gains the column, its
// rows with '' (parts were not told apart then), and the history of every version.
BOOST_AUTO_TEST_CASE(a_schema_3_archive_gains_the_parts_and_keeps_every_version) {
  test::TempDir dir;
  const std::string path = (dir.path() / "a.db").string();
  create(path).import({sub("p1", "one"), sub("p2", "two")}, "2026-05-01T00:00:00Z");
  sql(path,
      "DROP TABLE validated; ALTER TABLE submissions DROP COLUMN parts;"
      " UPDATE meta SET value = '3' WHERE key = 'schema_version';");
  Archive a = Archive::open(path);
  BOOST_TEST(a.schema_version() == kArchiveSchemaVersion);
  Submission later = sub("p1", "worksheet");
  later.meeting = "m3";
  later.parts = "worksheet";
  Submission again = sub("p1", "one, revised");
  again.parts = "questionnaire worksheet";
  const ImportSummary s = a.import({later, again, sub("p3", "bad", true)}, "2026-07-01T00:00:00Z");
  BOOST_TEST(s.added == 1);     // p1 at m3 is new
  BOOST_TEST(s.versions == 1);  // p1 at pre again
  BOOST_TEST(s.quarantined == 1);
  const auto all = a.all();
  BOOST_REQUIRE(all.size() == 5u);
  BOOST_TEST(all[0].parts == "");
  BOOST_TEST(all[2].parts == "worksheet");
  BOOST_TEST(all[3].parts == "questionnaire worksheet");
  // The history: every valid version, by cohort, participant, then as imported.
  std::vector<std::string> raw;
  for (const auto& h : a.history()) raw.push_back(h.raw);
  BOOST_TEST(raw == (std::vector<std::string>{"one", "worksheet", "one, revised", "two"}), boost::test_tools::per_element());
  BOOST_TEST(a.history({"2025"}).empty());
  BOOST_TEST(a.current().size() == 3u);  // p1 pre, p1 m3, p2 pre
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(archive_opening)

BOOST_AUTO_TEST_CASE(only_create_makes_an_archive_where_there_is_none) {
  test::TempDir dir;
  const std::string path = (dir.path() / "typo.db").string();
  BOOST_TEST(refusal(path) == path + ": error: archive: no archive here (only careermap import creates one; check the path)");
  BOOST_TEST(!std::filesystem::exists(path));
  create(path);
  BOOST_TEST(mode_of(path) == 0600u);
  BOOST_TEST(Archive::open(path).schema_version() == kArchiveSchemaVersion);
}

BOOST_AUTO_TEST_CASE(what_is_not_an_archive_is_refused_and_left_as_it_was) {
  test::TempDir dir;
  const std::string text = (dir.path() / "notes.db").string();
  std::ofstream(text) << "participant notes, not a database\n";
  ::chmod(text.c_str(), 0644);
  for (bool c : {false, true}) {
    ArchiveOptions o;
    o.create = c;
    BOOST_TEST(refusal(text, o) == text + ": error: archive: not an SQLite database, so not a careermap archive; it was left as it was");
  }
  BOOST_TEST(mode_of(text) == 0644u);  // not chmod'ed
  BOOST_TEST(slurp(text) == "participant notes, not a database\n");
  BOOST_TEST(!std::filesystem::exists(text + "-wal"));

  const std::string other = (dir.path() / "other.db").string();
  sql(other, "CREATE TABLE t (x); INSERT INTO t VALUES (1);");
  ::chmod(other.c_str(), 0644);
  const std::string before = slurp(other);
  for (bool c : {false, true}) {
    ArchiveOptions o;
    o.create = c;
    BOOST_TEST(refusal(other, o) == other + ": error: archive: an SQLite database, but not a careermap archive; it was left as it was");
  }
  BOOST_TEST(mode_of(other) == 0644u);
  BOOST_TEST((slurp(other) == before));  // not switched to WAL, no table added

  const std::string empty = (dir.path() / "empty.db").string();
  std::ofstream(empty).flush();
  BOOST_TEST(refusal(empty) == empty + ": error: archive: an empty database, not a careermap archive (only careermap import creates one)");
  BOOST_TEST(std::filesystem::file_size(empty) == 0u);
  BOOST_TEST(refusal(dir.path().string()) == dir.path().string() + ": error: archive: not a regular file");
}

BOOST_AUTO_TEST_CASE(a_schema_version_that_is_not_a_number_or_is_newer_is_refused) {
  test::TempDir dir;
  const std::string path = (dir.path() / "a.db").string();
  create(path).import({sub("p1", "one")}, "t");
  for (const char* v : {"abc", "", "2x", "-1", "0", "99999999999999999999"}) {
    sql(path, ("UPDATE meta SET value = '" + std::string(v) + "' WHERE key = 'schema_version'").c_str());
    BOOST_TEST(refusal(path) == path + ": error: archive: its schema version is not a number; the file is damaged or not a careermap archive");
  }
  const std::string next = std::to_string(kArchiveSchemaVersion + 1), now = std::to_string(kArchiveSchemaVersion);
  sql(path, ("UPDATE meta SET value = '" + next + "' WHERE key = 'schema_version'").c_str());
  BOOST_TEST(refusal(path) == path + ": error: archive: made by a newer careermap (schema " + next +
                                  "; this one knows schemas up to " + now + ")");
  sql(path, "DELETE FROM meta");
  BOOST_TEST(refusal(path) == path + ": error: archive: its schema version is not a number; the file is damaged or not a careermap archive");
}

BOOST_AUTO_TEST_CASE(a_new_archive_runs_every_migration_step) {
  test::TempDir dir;
  const std::string path = (dir.path() / "a.db").string();
  create(path);
  sqlite3* db = nullptr;
  BOOST_REQUIRE(sqlite3_open(path.c_str(), &db) == SQLITE_OK);
  sqlite3_stmt* st = nullptr;
  sqlite3_prepare_v2(db, "SELECT group_concat(name, ',') FROM (SELECT name FROM sqlite_master ORDER BY name)", -1, &st, nullptr);
  BOOST_REQUIRE(sqlite3_step(st) == SQLITE_ROW);
  const std::string names = reinterpret_cast<const char*>(sqlite3_column_text(st, 0));
  sqlite3_finalize(st);
  sqlite3_close(db);
  BOOST_TEST(names ==
             "meta,release_groups,release_members,release_members_grp,release_shown,release_shown_grp,releases,"
             "sqlite_autoindex_meta_1,sqlite_autoindex_submissions_1,submissions,submissions_current,validated");
}

BOOST_AUTO_TEST_CASE(a_busy_archive_is_waited_for_then_refused_with_what_it_means) {
  test::TempDir dir;
  const std::string path = (dir.path() / "a.db").string();
  { create(path); }
  sqlite3* other = nullptr;  // another careermap in the middle of a long import
  BOOST_REQUIRE(sqlite3_open(path.c_str(), &other) == SQLITE_OK);
  BOOST_REQUIRE(sqlite3_exec(other, "BEGIN IMMEDIATE", nullptr, nullptr, nullptr) == SQLITE_OK);
  std::vector<int> told;
  ArchiveOptions o;
  o.busy_wait_seconds = 2;
  o.on_wait = [&told](int s) { told.push_back(s); };
  const auto t0 = std::chrono::steady_clock::now();
  BOOST_TEST(refusal(path, o) == path + ": error: archive: still in use by another careermap after 2 s; try again when it has finished");
  BOOST_TEST((std::chrono::steady_clock::now() - t0 >= std::chrono::seconds(2)));
  BOOST_TEST(told == std::vector<int>{1});
  sqlite3_exec(other, "COMMIT", nullptr, nullptr, nullptr);
  sqlite3_close(other);
  BOOST_TEST(Archive::open(path, o).all().empty());
}

BOOST_AUTO_TEST_CASE(an_id_that_breaks_the_id_rule_is_never_stored) {
  test::TempDir dir;
  Archive a = create((dir.path() / "a.db").string());
  for (auto bad : {std::string("/etc/passwd"), std::string("p02.v1.yaml"), std::string("p1\0", 3), std::string("../x"),
                   std::string("x/y"), std::string("a\x1b[31m")}) {
    for (int field = 0; field < 3; ++field) {
      Submission s = sub("p1", "bytes " + bad);
      (field == 0 ? s.cohort : field == 1 ? s.meeting : s.participant) = bad;
      BOOST_CHECK_EXCEPTION(a.import({sub("p2", "fine"), s}, "t"), Error, [&](const Error& e) {
        return std::string(e.what()) == (dir.path() / "a.db").string() + ": error: archive: the submission of p1.yaml has a cohort, session or participant that is not an id; nothing was imported";
      });
    }
  }
  BOOST_TEST(a.all().empty());
  Submission none = sub("", "no id", true);  // the placeholder of a quarantined file: no id
  none.meeting = "";
  BOOST_TEST(a.import({none}, "t").quarantined == 1);
}

// Schema 5 keeps the validated answers beside the raw bytes. A schema-4 archive (made by its
// own migration steps) gains them when it is opened with the questionnaire; a submission that
// no longer reads gets none; the answers decode to what the raw bytes parse to.
BOOST_AUTO_TEST_CASE(a_schema_4_archive_gains_the_validated_answers_when_opened_with_the_questionnaire) {
  test::TempDir dir;
  const std::string path = (dir.path() / "a.db").string();
  const std::string good = "questionnaire: tiny\nparticipant: p1\nanswers: {a1: 4, a2: 2, size: small}\n";
  sql(path, (archive_schema_sql(4) +
             "CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);"
             "INSERT INTO meta VALUES ('schema_version', '4');"
             "INSERT INTO submissions (cohort, session, participant, questionnaire, source, sha256, raw, imported_at,"
             " status) VALUES ('2026', 'pre', 'p1', 'tiny', 'p1.yaml', 'a', '" + good + "', 't', 'valid'),"
             " ('2026', 'pre', 'p2', 'tiny', 'p2.yaml', 'b', 'answers: {a1: 9}', 't', 'valid'),"
             " ('2026', 'pre', 'p3', 'other', 'p3.yaml', 'c', '" + good + "', 't', 'valid');")
                .c_str());
  const Questionnaire q = test::tiny_questionnaire();
  {
    Archive plain = Archive::open(path);  // without the questionnaire: the table only
    BOOST_TEST(plain.schema_version() == 5);
    for (const auto& s : plain.all()) BOOST_TEST(s.answers.empty());
  }
  ArchiveOptions o;
  o.questionnaire = &q;
  Archive a = Archive::open(path, o);
  const auto all = a.all();
  BOOST_REQUIRE_EQUAL(all.size(), 3u);
  BOOST_TEST(all[0].answers_key == answers_blob_key(q));
  Diagnostics d;
  const Answers parsed = parse_answers(q, good, "p1.yaml", d);
  const std::optional<Answers> stored = decode_answers(all[0].answers, "p1.yaml");
  BOOST_REQUIRE(stored);
  BOOST_TEST(stored->participant == "p1");
  BOOST_TEST(stored->values.size() == parsed.values.size());
  BOOST_TEST(stored->values.at("a1").number == 4.0);
  BOOST_TEST(stored->values.at("a1").where.line == parsed.values.at("a1").where.line);
  BOOST_TEST(all[1].answers.empty());  // 9 is outside the scale: parsed (and reported) when read
  BOOST_TEST(all[2].answers.empty());  // another questionnaire's
  BOOST_TEST(a.rebuild_answers(q) == 0u);  // nothing left to make
}

// An import stores the answers it was given beside the bytes; a quarantined one none.
BOOST_AUTO_TEST_CASE(an_import_keeps_the_validated_answers_beside_the_bytes) {
  test::TempDir dir;
  Archive a = create((dir.path() / "a.db").string());
  Submission s = sub("p1", "one");
  s.answers = "CMA1 blob";
  s.answers_key = "k";
  Submission bad = sub("p2", "two", true);
  bad.answers = "CMA1 other";
  bad.answers_key = "k";
  a.import({s, bad}, "t");
  const auto all = a.all();
  BOOST_REQUIRE_EQUAL(all.size(), 2u);
  BOOST_TEST(all[0].answers == "CMA1 blob");
  BOOST_TEST(all[0].answers_key == "k");
  BOOST_TEST(all[1].answers.empty());
  BOOST_TEST(a.history()[0].answers == "CMA1 blob");
  BOOST_TEST(a.current()[0].answers == "CMA1 blob");
}

// With a key, the raw bytes are left out exactly where the stored answers are for that key
// (current and all), and raw(id) gives them back.
BOOST_AUTO_TEST_CASE(with_a_key_the_raw_bytes_are_left_out_where_the_answers_serve) {
  test::TempDir dir;
  Archive a = create((dir.path() / "a.db").string());
  std::vector<Submission> subs;
  for (int i = 0; i < 6; ++i) {
    Submission s = sub("p" + std::to_string(i), "raw " + std::to_string(i));
    s.answers = "CMA1 blob " + std::to_string(i);
    s.answers_key = i % 3 == 0 ? "old" : "k";  // p0, p3: answers for other rules
    if (i == 5) s.answers.clear(), s.answers_key.clear();  // none stored
    subs.push_back(s);
  }
  a.import(subs, "t");
  for (const auto& list : {a.current({}, "k"), a.all("k")}) {
    BOOST_REQUIRE_EQUAL(list.size(), 6u);
    for (const auto& s : list) {
      const bool served = s.answers_key == "k";
      BOOST_TEST(s.raw == (served ? "" : "raw " + s.participant.substr(1)), s.participant);
      BOOST_TEST(a.raw(s.id) == "raw " + s.participant.substr(1));
    }
  }
  for (const auto& s : a.current()) BOOST_TEST(s.raw == "raw " + s.participant.substr(1));
  BOOST_TEST(a.raw(999).empty());
}

// The journal mode as SQLite's header says it (bytes 18 and 19: 1 a rollback journal, 2 the
// write-ahead log) and as a connection of its own reads it.
std::string journal_of(const std::string& path) {
  const std::string head = slurp(path).substr(0, 20);
  sqlite3* db = nullptr;
  sqlite3_open(path.c_str(), &db);
  sqlite3_stmt* st = nullptr;
  sqlite3_prepare_v2(db, "PRAGMA journal_mode", -1, &st, nullptr);
  std::string mode = sqlite3_step(st) == SQLITE_ROW ? reinterpret_cast<const char*>(sqlite3_column_text(st, 0)) : "?";
  sqlite3_finalize(st);
  sqlite3_close(db);
  return mode + " " + std::to_string(head[18]) + std::to_string(head[19]);
}

// While an import runs, its pages go to a rollback journal (the write-ahead log would hold
// every page twice, and its index in memory would grow with the import); committed or rolled
// back, the archive is in the write-ahead log again and no journal is left.
BOOST_AUTO_TEST_CASE(an_import_keeps_a_rollback_journal_and_leaves_the_log_as_it_was) {
  test::TempDir dir;
  const std::string path = (dir.path() / "a.db").string();
  Archive a = create(path);
  BOOST_TEST(journal_of(path) == "wal 22");
  for (const bool commit : {true, false}) {
    {
      ImportSession s = a.begin_import("t");
      for (int i = 0; i < 300; ++i) s.add(sub("p" + std::to_string(i), std::string(3000, commit ? 'a' : 'b') + std::to_string(i)));
      BOOST_TEST(fs::exists(path + "-journal"));
      BOOST_TEST(!fs::exists(path + "-wal"));
      BOOST_TEST(slurp(path).substr(18, 2) == std::string("\1\1", 2));
      if (commit) BOOST_TEST(s.commit().added == 300);
    }
    BOOST_TEST(!fs::exists(path + "-journal"));
    BOOST_TEST(journal_of(path) == "wal 22");
    BOOST_TEST(a.all().size() == 300u);
  }
  BOOST_TEST(mode_of(path) == 0600u);
}

// A new archive (no file, or an empty one) is made with 16 KB pages; one made with SQLite's
// 4 KB pages (by an older careermap) keeps them, and imports into it as before.
BOOST_AUTO_TEST_CASE(a_new_archive_has_16_kb_pages_an_older_one_keeps_its_own) {
  test::TempDir dir;
  const auto page_size = [](const std::string& path) {
    sqlite3* db = nullptr;
    sqlite3_open(path.c_str(), &db);
    sqlite3_stmt* st = nullptr;
    sqlite3_prepare_v2(db, "PRAGMA page_size", -1, &st, nullptr);
    const int n = sqlite3_step(st) == SQLITE_ROW ? sqlite3_column_int(st, 0) : 0;
    sqlite3_finalize(st);
    sqlite3_close(db);
    return n;
  };
  const std::string fresh = (dir.path() / "new.db").string(), empty = (dir.path() / "empty.db").string(),
                    older = (dir.path() / "old.db").string();
  { create(fresh).import({sub("p1", "one")}, "t"); }
  std::ofstream(empty).close();
  { create(empty).import({sub("p1", "one")}, "t"); }
  sql(older, archive_schema_sql(4).c_str());
  sql(older, "CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL); INSERT INTO meta VALUES ('schema_version', '4')");
  { create(older).import({sub("p1", "one"), sub("p2", "two")}, "t"); }
  BOOST_TEST(page_size(fresh) == 16384);
  BOOST_TEST(page_size(empty) == 16384);
  BOOST_TEST(page_size(older) == 4096);
  BOOST_TEST(Archive::open(older).all().size() == 2u);
  BOOST_TEST(Archive::open(fresh).all().size() == 1u);
}

// Another program's read at the end of an import holds up the return to the log: it is
// waited for a second at most (not the import's wait for other writers), the import is in,
// and the next opening of the archive puts it in the log again.
BOOST_AUTO_TEST_CASE(a_read_at_the_end_of_an_import_holds_it_up_a_second_at_most) {
  test::TempDir dir;
  const std::string path = (dir.path() / "a.db").string();
  { create(path); }
  ArchiveOptions o;
  o.busy_wait_seconds = 8;
  Archive a = Archive::open(path, o);
  sqlite3* other = nullptr;
  auto t0 = std::chrono::steady_clock::now();
  {
    ImportSession s = a.begin_import("t");
    s.add(sub("p1", "one"));
    BOOST_TEST(s.commit().added == 1);
    BOOST_REQUIRE(sqlite3_open(path.c_str(), &other) == SQLITE_OK);
    BOOST_REQUIRE(sqlite3_exec(other, "BEGIN; SELECT count(*) FROM submissions;", nullptr, nullptr, nullptr) == SQLITE_OK);
    t0 = std::chrono::steady_clock::now();
  }  // the session ends: back to the log, held up by the read
  const auto ending = std::chrono::steady_clock::now() - t0;
  BOOST_TEST((ending >= std::chrono::milliseconds(900)));
  BOOST_TEST((ending < std::chrono::seconds(3)));
  BOOST_TEST(a.all().size() == 1u);
  sqlite3_exec(other, "COMMIT", nullptr, nullptr, nullptr);
  sqlite3_close(other);
  BOOST_TEST(journal_of(path) == "delete 11");
  BOOST_TEST(Archive::open(path).all().size() == 1u);
  BOOST_TEST(journal_of(path) == "wal 22");
}

// SQLite refuses to leave the write-ahead log while another connection has the archive open:
// the import then runs in the log, at once (no waiting), and lands all the same.
BOOST_AUTO_TEST_CASE(an_import_beside_another_connection_runs_in_the_log) {
  test::TempDir dir;
  const std::string path = (dir.path() / "a.db").string();
  { create(path); }
  sqlite3* other = nullptr;  // open, idle, as the sqlite3 tool left open on the archive
  BOOST_REQUIRE(sqlite3_open(path.c_str(), &other) == SQLITE_OK);
  BOOST_REQUIRE(sqlite3_exec(other, "SELECT count(*) FROM submissions", nullptr, nullptr, nullptr) == SQLITE_OK);
  ArchiveOptions o;
  std::vector<int> told;
  o.on_wait = [&told](int s) { told.push_back(s); };
  Archive a = Archive::open(path, o);
  {
    ImportSession s = a.begin_import("t");
    s.add(sub("p1", "one"));
    BOOST_TEST(!fs::exists(path + "-journal"));
    BOOST_TEST(s.commit().added == 1);
  }
  BOOST_TEST(told.empty());
  sqlite3_close(other);
  BOOST_TEST(a.all().size() == 1u);
  BOOST_TEST(journal_of(path) == "wal 22");
}

// each_current hands current()'s rows one by one, a person's together (cohort, participant,
// then as imported), with the same leaving out of the raw bytes; valid_cohorts names the
// cohorts of the valid ones.
BOOST_AUTO_TEST_CASE(each_current_gives_the_current_rows_a_person_at_a_time) {
  test::TempDir dir;
  Archive a = create((dir.path() / "a.db").string());
  std::vector<Submission> subs;
  std::mt19937 rng(4);
  for (int i = 0; i < 60; ++i) {
    Submission s = sub("p" + std::to_string(rng() % 9), "raw " + std::to_string(i), i % 11 == 5);
    s.cohort = i % 13 == 0 ? "2025" : i % 17 == 0 ? "2027" : "2026";
    s.meeting = rng() % 2 ? "pre" : "post";
    s.answers = "CMA1 " + std::to_string(i);
    s.answers_key = i % 2 ? "k" : "j";
    subs.push_back(s);
  }
  a.import(subs, "t");
  const auto row = [](const Submission& s) {
    return s.cohort + "|" + s.participant + "|" + std::to_string(s.id) + "|" + s.meeting + "|" + s.raw + "|" + s.answers;
  };
  for (const std::vector<std::string>& cohorts : {std::vector<std::string>{}, {"2026", "2027"}}) {
    std::vector<Submission> want = a.current(cohorts, "k");
    std::sort(want.begin(), want.end(), [](const Submission& x, const Submission& y) {
      return std::tie(x.cohort, x.participant, x.id) < std::tie(y.cohort, y.participant, y.id);
    });
    std::vector<std::string> got, expected;
    a.each_current(cohorts, "k", [&](Submission&& s) { got.push_back(row(s)); });
    for (const auto& s : want) expected.push_back(row(s));
    BOOST_TEST(got == expected, boost::test_tools::per_element());
    BOOST_TEST(got.size() > 10u);
    // The briefs: the same submissions in the same order, only what identifies them.
    std::vector<std::string> briefs, heads;
    a.each_current_brief(cohorts, [&](Submission&& s) {
      briefs.push_back(s.cohort + "|" + s.participant + "|" + std::to_string(s.id) + "|" + s.meeting + "|" +
                       s.questionnaire + "|" + s.raw + s.answers + s.source + s.sha256 + s.parts);
    });
    for (const auto& s : want)
      heads.push_back(s.cohort + "|" + s.participant + "|" + std::to_string(s.id) + "|" + s.meeting + "|" + s.questionnaire + "|");
    BOOST_TEST(briefs == heads, boost::test_tools::per_element());
  }
  std::set<std::string> cohorts;
  for (const auto& s : subs)
    if (!s.quarantined) cohorts.insert(s.cohort);
  BOOST_TEST(a.valid_cohorts() == cohorts);
  // Some submissions by id, quarantined ones and ids not in the archive among them: as all() has them.
  std::vector<int64_t> ids;
  for (int64_t id = 0; id <= 64; id += 1 + static_cast<int64_t>(rng() % 4)) ids.push_back(id);
  std::vector<std::string> want, got, want_briefs, got_briefs;
  const auto brief = [](const Submission& s) {
    return std::to_string(s.id) + "|" + s.cohort + "|" + s.meeting + "|" + s.participant + "|" + s.questionnaire + "|" +
           s.raw + s.answers + s.source + s.sha256 + s.parts + s.diagnostics;
  };
  for (const auto& s : a.all("k"))
    if (std::binary_search(ids.begin(), ids.end(), s.id)) {
      want.push_back(row(s) + "|" + s.source + "|" + s.sha256 + "|" + s.diagnostics + "|" + s.answers_key);
      Submission b;
      b.id = s.id;
      b.cohort = s.cohort;
      b.meeting = s.meeting;
      b.participant = s.participant;
      b.questionnaire = s.questionnaire;
      want_briefs.push_back(brief(b));
    }
  a.submissions(ids, "k", [&](Submission&& s) {
    got.push_back(row(s) + "|" + s.source + "|" + s.sha256 + "|" + s.diagnostics + "|" + s.answers_key);
  });
  a.briefs(ids, [&](Submission&& s) { got_briefs.push_back(brief(s)); });
  BOOST_TEST(got == want, boost::test_tools::per_element());
  BOOST_TEST(got_briefs == want_briefs, boost::test_tools::per_element());
  BOOST_TEST(want.size() > 15u);
  BOOST_TEST(want.size() < ids.size());  // some ids are not in the archive
}

BOOST_AUTO_TEST_SUITE_END()
