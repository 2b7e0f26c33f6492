#include "sqlite.hpp"

#include <utility>

#include "engine/diagnostic.hpp"
#include "engine/messages.hpp"

namespace careermap::sqlite {

Db::Db(std::string path, Words words) : path_(std::move(path)), words_(std::move(words)) {}

Db::~Db() {
  if (db_) sqlite3_close(db_);
}

namespace {

// SQLite sorts (ORDER BY without an index) in memory up to the page cache's size, but never in
// less than SQLITE_CONFIG_PMASZ pages (250 by default, 4 MB of the archive's 16 KB pages), then
// on disk: a floor of 16 pages lets a connection with a small cache sort in little memory. Set
// before SQLite starts; where another part of the program started it first, its own stays.
void configure_once() {
  static const bool done = [] {
    sqlite3_config(SQLITE_CONFIG_PMASZ, 16);
    return true;
  }();
  (void)done;
}

}  // namespace

void Db::open(int flags) {
  configure_once();
  if (sqlite3_open_v2(path_.c_str(), &db_, flags, nullptr) != SQLITE_OK) fail(tr("cannot open"));
}

std::string Db::reason() const {
  if (!db_) return tr("cannot open");
  const int code = sqlite3_errcode(db_);
  if (!busy_.empty() && (code == SQLITE_BUSY || code == SQLITE_LOCKED)) return busy_;
  return sqlite3_errmsg(db_);
}

void Db::fail(const std::string& what) const {
  throw Error(Location{path_, 0, 0}, "", words_(what, reason()));
}

void Db::exec(const char* sql) {
  if (sqlite3_exec(db_, sql, nullptr, nullptr, nullptr) != SQLITE_OK) fail("");
}

void Db::rollback() noexcept {
  if (db_ && !sqlite3_get_autocommit(db_)) sqlite3_exec(db_, "ROLLBACK", nullptr, nullptr, nullptr);
}

Stmt::Stmt(const Db& db, const char* sql) : db_(db) {
  if (sqlite3_prepare_v2(db.get(), sql, -1, &s_, nullptr) != SQLITE_OK) db.fail("prepare");
}

Stmt& Stmt::text(int i, const std::string& v) {
  sqlite3_bind_text(s_, i, v.data(), static_cast<int>(v.size()), SQLITE_TRANSIENT);
  return *this;
}

Stmt& Stmt::blob(int i, const std::string& v) {
  sqlite3_bind_blob(s_, i, v.data(), static_cast<int>(v.size()), SQLITE_TRANSIENT);
  return *this;
}

Stmt& Stmt::text_kept(int i, const std::string& v) {
  sqlite3_bind_text(s_, i, v.data(), static_cast<int>(v.size()), SQLITE_STATIC);
  return *this;
}

Stmt& Stmt::blob_kept(int i, const std::string& v) {
  sqlite3_bind_blob(s_, i, v.data(), static_cast<int>(v.size()), SQLITE_STATIC);
  return *this;
}

Stmt& Stmt::num(int i, int64_t v) {
  sqlite3_bind_int64(s_, i, v);
  return *this;
}

bool Stmt::step() {
  const int rc = sqlite3_step(s_);
  if (rc == SQLITE_ROW) return true;
  if (rc != SQLITE_DONE) db_.fail("query");
  return false;
}

void Stmt::again() {
  step();
  sqlite3_reset(s_);
}

Stmt& Stmt::reset() {
  sqlite3_reset(s_);
  sqlite3_clear_bindings(s_);
  return *this;
}

std::string Stmt::col(int i) const {
  const auto* p = static_cast<const char*>(sqlite3_column_blob(s_, i));
  return p ? std::string(p, static_cast<size_t>(sqlite3_column_bytes(s_, i))) : std::string();
}

}  // namespace careermap::sqlite
