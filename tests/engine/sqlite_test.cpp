#include "sqlite.hpp"

#include <boost/test/unit_test.hpp>
#include <string>

#include "engine/diagnostic.hpp"
#include "tests/testutil.hpp"

using namespace careermap;

namespace {

// An owner's words that show which parts a failure was given.
sqlite::Db::Words bracketed() {
  return [](const std::string& what, const std::string& reason) { return "[" + what + "|" + reason + "]"; };
}

std::string failure_of(const auto& f) {
  try {
    f();
  } catch (const Error& e) {
    return e.what();
  }
  return "no failure";
}

}  // namespace

BOOST_AUTO_TEST_SUITE(sqlite_wrapper)

BOOST_AUTO_TEST_CASE(every_failure_is_an_error_at_the_file_in_the_owners_words) {
  test::TempDir dir;
  const std::string path = (dir.path() / "a.db").string();
  sqlite::Db db(path, bracketed());
  db.open(SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
  db.exec("CREATE TABLE t (k INTEGER PRIMARY KEY, v BLOB)");
  BOOST_TEST(failure_of([&] { db.exec("INSERT INTO nowhere VALUES (1)"); }) ==
             path + ": error: [|no such table: nowhere]");
  BOOST_TEST(failure_of([&] { sqlite::Stmt s(db, "SELECT absent FROM t"); }) ==
             path + ": error: [prepare|no such column: absent]");
  sqlite::Stmt ins(db, "INSERT INTO t (k, v) VALUES (?, ?)");
  ins.num(1, 7).blob(2, std::string("a\0b", 3)).again();
  BOOST_TEST(failure_of([&] { ins.num(1, 7).blob(2, "c").again(); }) ==
             path + ": error: [query|UNIQUE constraint failed: t.k]");
  BOOST_TEST(db.last_id() == 7);
}

// A statement kept for many rows (reset between them) finds and stores what fresh ones do,
// and a reset clears its binds: an unbound parameter is NULL.
BOOST_AUTO_TEST_CASE(a_statement_reset_runs_again_with_new_binds) {
  test::TempDir dir;
  sqlite::Db db((dir.path() / "a.db").string(), bracketed());
  db.open(SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
  db.exec("CREATE TABLE t (k INTEGER PRIMARY KEY, v TEXT)");
  sqlite::Stmt ins(db, "INSERT INTO t (k, v) VALUES (?, ?)");
  sqlite::Stmt has(db, "SELECT v FROM t WHERE k = ?");
  for (int k = 1; k <= 5; ++k) {
    BOOST_TEST(!has.reset().num(1, k).step());
    ins.reset().num(1, k).text(2, "v" + std::to_string(k)).again();
    BOOST_TEST(has.reset().num(1, k).step());
    BOOST_TEST(has.col(0) == "v" + std::to_string(k));
  }
  ins.reset().num(1, 9).again();  // v left unbound after the reset: NULL
  sqlite::Stmt nulls(db, "SELECT count(*) FROM t WHERE v IS NULL");
  BOOST_TEST(nulls.step());
  BOOST_TEST(nulls.number(0) == 1);
}

BOOST_AUTO_TEST_CASE(a_file_that_cannot_be_opened_says_so) {
  test::TempDir dir;
  const std::string path = (dir.path() / "missing" / "a.db").string();
  sqlite::Db db(path, bracketed());
  BOOST_TEST(failure_of([&] { db.open(SQLITE_OPEN_READWRITE); }) == path + ": error: [cannot open|unable to open database file]");
}

BOOST_AUTO_TEST_CASE(a_lock_held_by_another_connection_is_told_in_the_busy_words) {
  test::TempDir dir;
  const std::string path = (dir.path() / "a.db").string();
  sqlite::Db holder(path, bracketed());
  holder.open(SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
  holder.exec("CREATE TABLE t (k INTEGER)");
  holder.exec("BEGIN IMMEDIATE");
  sqlite::Db other(path, bracketed());
  other.open(SQLITE_OPEN_READWRITE);
  BOOST_TEST(failure_of([&] { other.exec("BEGIN IMMEDIATE"); }) == path + ": error: [|database is locked]");
  other.call_busy("in use");
  BOOST_TEST(failure_of([&] { other.exec("BEGIN IMMEDIATE"); }) == path + ": error: [|in use]");
  holder.rollback();
  other.exec("BEGIN IMMEDIATE");
  other.rollback();
  other.rollback();  // none open: nothing happens
}

BOOST_AUTO_TEST_CASE(columns_give_back_the_bytes_and_numbers_stored) {
  test::TempDir dir;
  sqlite::Db db((dir.path() / "a.db").string(), bracketed());
  db.open(SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
  db.exec("CREATE TABLE t (n INTEGER, b BLOB, s TEXT)");
  const std::string bytes("\0\xff\x01z", 4);
  sqlite::Stmt ins(db, "INSERT INTO t VALUES (?, ?, ?)");
  ins.num(1, -5'000'000'000).blob(2, bytes).text(3, "名前").again();
  ins.num(1, 1).blob(2, "").text(3, "").again();
  sqlite::Stmt s(db, "SELECT n, b, s, NULL FROM t ORDER BY rowid");
  BOOST_REQUIRE(s.step());
  BOOST_TEST(s.number(0) == -5'000'000'000);
  BOOST_TEST(s.col(1) == bytes);
  BOOST_TEST(s.col(2) == "名前");
  BOOST_TEST(s.col(3) == "");
  BOOST_REQUIRE(s.step());
  BOOST_TEST(s.number(0) == 1);
  BOOST_TEST(!s.step());
}

BOOST_AUTO_TEST_SUITE_END()
