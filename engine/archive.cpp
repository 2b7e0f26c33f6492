#include "engine/archive.hpp"

#include <sqlite3.h>
#include <sys/stat.h>

#include <algorithm>

#include "engine/diagnostic.hpp"
#include "engine/sha256.hpp"

namespace careermap {

struct Archive::Impl {
  sqlite3* db = nullptr;
  std::string path;
  ~Impl() {
    if (db) sqlite3_close(db);
  }
  [[noreturn]] void fail(const std::string& what) const {
    throw Error(Location{path, 0, 0}, "", "archive: " + what + ": " + (db ? sqlite3_errmsg(db) : "cannot open"));
  }
  void exec(const char* sql) {
    char* msg = nullptr;
    if (sqlite3_exec(db, sql, nullptr, nullptr, &msg) != SQLITE_OK) {
      const std::string m = msg ? msg : "";
      sqlite3_free(msg);
      throw Error(Location{path, 0, 0}, "", std::string("archive: ") + m);
    }
  }
};

namespace {

// A prepared statement that finalizes itself.
class Stmt {
 public:
  Stmt(const Archive::Impl& a, const char* sql) : a_(a) {
    if (sqlite3_prepare_v2(a.db, sql, -1, &s_, nullptr) != SQLITE_OK) a.fail("prepare");
  }
  ~Stmt() { sqlite3_finalize(s_); }
  Stmt& text(int i, const std::string& v) {
    sqlite3_bind_text(s_, i, v.data(), static_cast<int>(v.size()), SQLITE_TRANSIENT);
    return *this;
  }
  Stmt& blob(int i, const std::string& v) {
    sqlite3_bind_blob(s_, i, v.data(), static_cast<int>(v.size()), SQLITE_TRANSIENT);
    return *this;
  }
  bool step() {
    const int rc = sqlite3_step(s_);
    if (rc == SQLITE_ROW) return true;
    if (rc != SQLITE_DONE) a_.fail("query");
    return false;
  }
  std::string col(int i) const {
    const auto* p = static_cast<const char*>(sqlite3_column_blob(s_, i));
    return p ? std::string(p, static_cast<size_t>(sqlite3_column_bytes(s_, i))) : std::string();
  }
  int64_t num(int i) const { return sqlite3_column_int64(s_, i); }

 private:
  const Archive::Impl& a_;
  sqlite3_stmt* s_ = nullptr;
};

constexpr const char* kSelect =
    "SELECT id, cohort, session, participant, questionnaire, source, sha256, imported_at, status, diagnostics, raw "
    "FROM submissions";

Submission read_row(const Stmt& s) {
  Submission r;
  r.id = s.num(0);
  r.cohort = s.col(1);
  r.session = s.col(2);
  r.participant = s.col(3);
  r.questionnaire = s.col(4);
  r.source = s.col(5);
  r.sha256 = s.col(6);
  r.imported_at = s.col(7);
  r.quarantined = s.col(8) == "quarantined";
  r.diagnostics = s.col(9);
  r.raw = s.col(10);
  return r;
}

}  // namespace

Archive Archive::open(const std::string& path) {
  Archive a;
  a.impl_ = std::make_unique<Impl>();
  a.impl_->path = path;
  const mode_t old = ::umask(077);  // created 0600
  const int rc = sqlite3_open_v2(path.c_str(), &a.impl_->db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nullptr);
  ::umask(old);
  if (rc != SQLITE_OK) a.impl_->fail("cannot open");
  ::chmod(path.c_str(), 0600);
  sqlite3_busy_timeout(a.impl_->db, 5000);
  a.impl_->exec("PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; PRAGMA foreign_keys=ON;");
  a.impl_->exec("BEGIN IMMEDIATE");
  try {
    a.impl_->exec("CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)");
    int version = 0;
    {
      Stmt s(*a.impl_, "SELECT value FROM meta WHERE key = 'schema_version'");
      if (s.step()) version = std::stoi(s.col(0));
    }
    if (version == 0) {
      Stmt probe(*a.impl_, "SELECT count(*) FROM sqlite_master WHERE name = 'submissions'");
      probe.step();
      if (probe.num(0) == 0) {  // a new archive: the current schema at once
        a.impl_->exec(
            "CREATE TABLE submissions (id INTEGER PRIMARY KEY, cohort TEXT NOT NULL, session TEXT NOT NULL DEFAULT '',"
            " participant TEXT NOT NULL, questionnaire TEXT NOT NULL DEFAULT '', source TEXT NOT NULL,"
            " sha256 TEXT NOT NULL, raw BLOB NOT NULL, imported_at TEXT NOT NULL,"
            " status TEXT NOT NULL CHECK (status IN ('valid', 'quarantined')), diagnostics TEXT NOT NULL DEFAULT '',"
            " UNIQUE (cohort, session, sha256));"
            "CREATE INDEX submissions_current ON submissions (cohort, session, participant, id);");
        version = kArchiveSchemaVersion;
      } else {
        version = 1;
      }
    }
    if (version == 1) {
      // Schema 1 kept one cohort-wide submission per file: no session, questionnaire or
      // diagnostics, validity as 0/1.
      a.impl_->exec(
          "ALTER TABLE submissions RENAME TO submissions_v1;"
          "CREATE TABLE submissions (id INTEGER PRIMARY KEY, cohort TEXT NOT NULL, session TEXT NOT NULL DEFAULT '',"
          " participant TEXT NOT NULL, questionnaire TEXT NOT NULL DEFAULT '', source TEXT NOT NULL,"
          " sha256 TEXT NOT NULL, raw BLOB NOT NULL, imported_at TEXT NOT NULL,"
          " status TEXT NOT NULL CHECK (status IN ('valid', 'quarantined')), diagnostics TEXT NOT NULL DEFAULT '',"
          " UNIQUE (cohort, session, sha256));"
          "INSERT INTO submissions (id, cohort, participant, source, sha256, raw, imported_at, status)"
          " SELECT id, cohort, participant, source, sha256, raw, imported_at,"
          " CASE WHEN valid THEN 'valid' ELSE 'quarantined' END FROM submissions_v1;"
          "DROP TABLE submissions_v1;"
          "CREATE INDEX submissions_current ON submissions (cohort, session, participant, id);");
      version = 2;
    }
    if (version > kArchiveSchemaVersion) a.impl_->fail("made by a newer careermap (schema " + std::to_string(version) + ")");
    Stmt set(*a.impl_, "INSERT OR REPLACE INTO meta (key, value) VALUES ('schema_version', ?)");
    set.text(1, std::to_string(version)).step();
    a.impl_->exec("COMMIT");
  } catch (...) {
    sqlite3_exec(a.impl_->db, "ROLLBACK", nullptr, nullptr, nullptr);
    throw;
  }
  return a;
}

Archive::~Archive() = default;
Archive::Archive(Archive&&) noexcept = default;
Archive& Archive::operator=(Archive&&) noexcept = default;

int Archive::schema_version() const {
  Stmt s(*impl_, "SELECT value FROM meta WHERE key = 'schema_version'");
  return s.step() ? std::stoi(s.col(0)) : 0;
}

ImportSummary Archive::import(std::vector<Submission> subs, const std::string& now) {
  ImportSummary sum;
  impl_->exec("BEGIN IMMEDIATE");
  try {
    for (auto& s : subs) {
      s.sha256 = sha256_hex(s.raw);
      Stmt held(*impl_, "SELECT 1 FROM submissions WHERE cohort = ? AND session = ? AND sha256 = ?");
      if (held.text(1, s.cohort).text(2, s.session).text(3, s.sha256).step()) {
        ++sum.unchanged;
        continue;
      }
      Stmt before(*impl_, "SELECT 1 FROM submissions WHERE cohort = ? AND session = ? AND participant = ? AND status = 'valid'");
      const bool known = !s.participant.empty() && before.text(1, s.cohort).text(2, s.session).text(3, s.participant).step();
      Stmt ins(*impl_,
               "INSERT INTO submissions (cohort, session, participant, questionnaire, source, sha256, raw, imported_at,"
               " status, diagnostics) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
      ins.text(1, s.cohort).text(2, s.session).text(3, s.participant).text(4, s.questionnaire).text(5, s.source)
          .text(6, s.sha256).blob(7, s.raw).text(8, now).text(9, s.quarantined ? "quarantined" : "valid")
          .text(10, s.diagnostics).step();
      if (s.quarantined) ++sum.quarantined;
      else if (known) ++sum.versions;
      else ++sum.added;
    }
    impl_->exec("COMMIT");
  } catch (...) {
    sqlite3_exec(impl_->db, "ROLLBACK", nullptr, nullptr, nullptr);
    throw;
  }
  return sum;
}

std::vector<Submission> Archive::all() const {
  std::vector<Submission> out;
  Stmt s(*impl_, (std::string(kSelect) + " ORDER BY id").c_str());
  while (s.step()) out.push_back(read_row(s));
  return out;
}

std::vector<Submission> Archive::current(const std::vector<std::string>& cohorts) const {
  std::vector<Submission> out;
  Stmt s(*impl_, (std::string(kSelect) +
                  " WHERE id IN (SELECT max(id) FROM submissions WHERE status = 'valid'"
                  " GROUP BY cohort, session, participant)"
                  " ORDER BY cohort, session = 'post', session, participant")
                     .c_str());
  while (s.step()) {
    Submission r = read_row(s);
    if (cohorts.empty() || std::find(cohorts.begin(), cohorts.end(), r.cohort) != cohorts.end())
      out.push_back(std::move(r));
  }
  return out;
}

}  // namespace careermap
