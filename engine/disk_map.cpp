#include "engine/disk_map.hpp"

#include <string>

#include "engine/messages.hpp"
#include "sqlite.hpp"

namespace careermap {

namespace {

// The connection, opened and readied before any statement is prepared on it.
struct Opened {
  explicit Opened(size_t cache_kb)
      : db("", [](const std::string&, const std::string&) {
          return tr("cannot use a temporary file (is the temporary folder full?)");
        }) {
    db.open(SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
    db.exec(("PRAGMA cache_size = -" + std::to_string(cache_kb) +
             "; PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF;"
             " CREATE TABLE map (k BLOB PRIMARY KEY, v BLOB NOT NULL) WITHOUT ROWID; BEGIN")
                .c_str());
  }
  sqlite::Db db;
};

}  // namespace

// One table in SQLite's private temporary database (the name ""), in one transaction that is
// never committed: without a journal, and never synced, the pages stay in the cache until it
// is full and then go to the file, which SQLite deletes when the connection closes.
struct DiskMap::Db {
  explicit Db(size_t cache_kb) : opened(cache_kb) {}
  Opened opened;
  sqlite::Stmt find{opened.db, "SELECT v FROM map WHERE k = ?1"};
  sqlite::Stmt put{opened.db, "INSERT OR REPLACE INTO map (k, v) VALUES (?1, ?2)"};
  sqlite::Stmt insert{opened.db, "INSERT OR IGNORE INTO map (k, v) VALUES (?1, ?2)"};
};

DiskMap::DiskMap(size_t cache_kb) : db_(std::make_unique<Db>(cache_kb)) {}
DiskMap::~DiskMap() = default;

std::optional<std::string> DiskMap::find(const std::string& key) {
  sqlite::Stmt& s = db_->find.blob_kept(1, key);
  std::optional<std::string> value;
  if (s.step()) value = s.col(0);
  s.reset();
  return value;
}

void DiskMap::put(const std::string& key, const std::string& value) {
  db_->put.blob_kept(1, key).blob_kept(2, value).again();
}

bool DiskMap::insert(const std::string& key, const std::string& value) {
  db_->insert.blob_kept(1, key).blob_kept(2, value).again();
  return sqlite3_changes(db_->opened.db.get()) == 1;
}

}  // namespace careermap
