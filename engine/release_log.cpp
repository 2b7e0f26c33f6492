#include "engine/release_log.hpp"

#include <sqlite3.h>

#include <map>
#include <memory>

#include "engine/diagnostic.hpp"
#include "engine/messages.hpp"

namespace careermap {
namespace {

class Db {
 public:
  explicit Db(const std::string& path) : path_(path) {
    if (sqlite3_open_v2(path.c_str(), &db_, SQLITE_OPEN_READWRITE, nullptr) != SQLITE_OK) fail(tr("cannot open"));
    sqlite3_busy_timeout(db_, 600000);
    exec("PRAGMA foreign_keys=ON");
  }
  ~Db() { sqlite3_close(db_); }
  Db(const Db&) = delete;
  Db& operator=(const Db&) = delete;
  [[noreturn]] void fail(const std::string& what) const {
    throw Error(Location{path_, 0, 0}, "",
                trf("release log: {what}: {reason}",
                    {{"what", what}, {"reason", db_ ? sqlite3_errmsg(db_) : tr("cannot open")}}));
  }
  void exec(const char* sql) {
    if (sqlite3_exec(db_, sql, nullptr, nullptr, nullptr) != SQLITE_OK) fail("query");
  }
  sqlite3* get() const { return db_; }

 private:
  std::string path_;
  sqlite3* db_ = nullptr;
};

class Stmt {
 public:
  Stmt(const Db& db, const char* sql) : db_(db) {
    if (sqlite3_prepare_v2(db.get(), sql, -1, &s_, nullptr) != SQLITE_OK) db.fail("prepare");
  }
  ~Stmt() { sqlite3_finalize(s_); }
  Stmt(const Stmt&) = delete;
  Stmt& operator=(const Stmt&) = delete;
  Stmt& text(int i, const std::string& v) {
    sqlite3_bind_text(s_, i, v.data(), static_cast<int>(v.size()), SQLITE_TRANSIENT);
    return *this;
  }
  Stmt& num(int i, int64_t v) {
    sqlite3_bind_int64(s_, i, v);
    return *this;
  }
  bool step() {
    const int rc = sqlite3_step(s_);
    if (rc == SQLITE_ROW) return true;
    if (rc != SQLITE_DONE) db_.fail("query");
    return false;
  }
  void again() {
    step();
    sqlite3_reset(s_);
  }
  std::string col(int i) const {
    const auto* p = reinterpret_cast<const char*>(sqlite3_column_text(s_, i));
    return p ? std::string(p) : std::string();
  }
  int64_t number(int i) const { return sqlite3_column_int64(s_, i); }

 private:
  const Db& db_;
  sqlite3_stmt* s_ = nullptr;
};

}  // namespace

std::vector<Release> read_releases(const std::string& path) {
  Db db(path);
  std::vector<Release> out;
  std::map<int64_t, size_t> release_at;
  std::map<int64_t, std::pair<size_t, size_t>> group_at;
  {
    Stmt s(db, "SELECT id, created_at, command, questionnaire, min_group FROM releases ORDER BY id");
    while (s.step()) {
      release_at[s.number(0)] = out.size();
      out.push_back({s.number(0), s.col(1), s.col(2), s.col(3), static_cast<int>(s.number(4)), {}});
    }
  }
  {
    Stmt s(db, "SELECT id, release, label FROM release_groups ORDER BY id");
    while (s.step()) {
      Release& r = out[release_at.at(s.number(1))];
      group_at[s.number(0)] = {release_at.at(s.number(1)), r.groups.size()};
      r.groups.push_back({r.id, s.col(2), {}, {}});
    }
  }
  {
    Stmt s(db, "SELECT grp, submission FROM release_members ORDER BY grp, submission");
    while (s.step()) {
      const auto [r, g] = group_at.at(s.number(0));
      out[r].groups[g].submissions.push_back(s.number(1));
    }
  }
  {
    Stmt s(db, "SELECT grp, tbl, category FROM release_shown ORDER BY rowid");
    while (s.step()) {
      const auto [r, g] = group_at.at(s.number(0));
      out[r].groups[g].shown.push_back({s.col(1), s.col(2)});
    }
  }
  return out;
}

int64_t append_release(const std::string& path, const Release& r) {
  Db db(path);
  db.exec("BEGIN IMMEDIATE");
  try {
    Stmt rel(db, "INSERT INTO releases (created_at, command, questionnaire, min_group) VALUES (?, ?, ?, ?)");
    rel.text(1, r.created_at).text(2, r.command).text(3, r.questionnaire).num(4, r.min_group).step();
    const int64_t id = sqlite3_last_insert_rowid(db.get());
    Stmt grp(db, "INSERT INTO release_groups (release, label) VALUES (?, ?)");
    Stmt member(db, "INSERT INTO release_members (grp, submission) VALUES (?, ?)");
    Stmt shown(db, "INSERT INTO release_shown (grp, tbl, category) VALUES (?, ?, ?)");
    for (const auto& g : r.groups) {
      grp.num(1, id).text(2, g.label).again();
      const int64_t gid = sqlite3_last_insert_rowid(db.get());
      for (int64_t sub : g.submissions) member.num(1, gid).num(2, sub).again();
      for (const auto& [table, row] : g.shown) shown.num(1, gid).text(2, table).text(3, row).again();
    }
    db.exec("COMMIT");
    return id;
  } catch (...) {
    sqlite3_exec(db.get(), "ROLLBACK", nullptr, nullptr, nullptr);
    throw;
  }
}

}  // namespace careermap
