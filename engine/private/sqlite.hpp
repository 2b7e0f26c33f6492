// Private to the engine: SQLite behind one small wrapper, the one place where SQLite's
// failures become careermap::Error (docs/ARCHITECTURE.md, "one error conversion per
// library"). A Db is a connection to one file; its owner (the archive, the release log)
// says in its own words what a failure means, and every failure of the connection or of a
// statement is thrown as Error at the file, in those words. Statements finalize themselves.
// In engine/private/: only the engine (and its tests) has it on the include path.
#pragma once

#include <sqlite3.h>

#include <cstdint>
#include <functional>
#include <string>

namespace careermap::sqlite {

class Db {
 public:
  // The owner's words for a failure: `what` went wrong (empty for SQL run whole, by exec)
  // because of `reason` (SQLite's words, or the owner's busy words).
  using Words = std::function<std::string(const std::string& what, const std::string& reason)>;

  Db(std::string path, Words words);
  ~Db();
  Db(const Db&) = delete;
  Db& operator=(const Db&) = delete;

  // Opens the file with sqlite3_open_v2's `flags`; failure: "cannot open".
  void open(int flags);
  // What a lock held too long by another connection is called instead of SQLite's words.
  void call_busy(std::string words) { busy_ = std::move(words); }

  // Throws the Error for `what`, with SQLite's reason for the last failure.
  [[noreturn]] void fail(const std::string& what) const;
  // Runs SQL statements that return nothing; failure: fail("").
  void exec(const char* sql);
  // Undoes the open transaction, if any; never fails.
  void rollback() noexcept;
  int64_t last_id() const { return sqlite3_last_insert_rowid(db_); }
  sqlite3* get() const { return db_; }
  const std::string& path() const { return path_; }

 private:
  std::string reason() const;
  std::string path_;
  Words words_;
  std::string busy_;
  sqlite3* db_ = nullptr;
};

// A prepared statement that finalizes itself; binds are 1-based, columns 0-based.
class Stmt {
 public:
  Stmt(const Db& db, const char* sql);
  ~Stmt() { sqlite3_finalize(s_); }
  Stmt(const Stmt&) = delete;
  Stmt& operator=(const Stmt&) = delete;

  Stmt& text(int i, const std::string& v);
  Stmt& blob(int i, const std::string& v);
  // The same without a copy: `v` must stay as it is until the statement has run (and is reset).
  Stmt& text_kept(int i, const std::string& v);
  Stmt& blob_kept(int i, const std::string& v);
  Stmt& num(int i, int64_t v);
  // The next row (true) or the end (false); failure: the Db's fail("query").
  bool step();
  // Runs a statement that returns no row, then readies it for new binds.
  void again();
  // Readies it to run again (a statement kept for many rows): its row ended, its binds cleared.
  Stmt& reset();
  // A column's bytes (text or blob; empty for NULL) and a column as a number.
  std::string col(int i) const;
  int64_t number(int i) const { return sqlite3_column_int64(s_, i); }

 private:
  const Db& db_;
  sqlite3_stmt* s_ = nullptr;
};

}  // namespace careermap::sqlite
