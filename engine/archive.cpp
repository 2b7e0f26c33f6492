#include "engine/archive.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <charconv>
#include <chrono>
#include <cstring>
#include <iterator>

#include "engine/answers.hpp"
#include "engine/answers_blob.hpp"
#include "engine/diagnostic.hpp"
#include "engine/release_log_schema.hpp"
#include "engine/sha256.hpp"
#include "engine/messages.hpp"
#include "sqlite.hpp"

namespace careermap {

struct Archive::Impl {
  // SQLite's failures, as "archive: what: reason".
  explicit Impl(const std::string& file)
      : path(file), db(file, [](const std::string& what, const std::string& reason) {
          return trf("archive: {why}", {{"why", what.empty() ? reason : what + ": " + reason}});
        }) {}
  std::string path;
  sqlite::Db db;
  ArchiveOptions options;
  std::chrono::steady_clock::time_point busy_since;
  int next_report = 1;  // seconds of waiting at which on_wait is told next
  // The archive's own refusals (not SQLite's), in the same words.
  [[noreturn]] void refuse(const std::string& why) const {
    throw Error(Location{path, 0, 0}, "", trf("archive: {why}", {{"why", std::string(why)}}));
  }
};

namespace {

using sqlite::Stmt;

// The process's umask, set for one scope.
struct Umask {
  explicit Umask(mode_t mask) : old(::umask(mask)) {}
  ~Umask() { ::umask(old); }
  Umask(const Umask&) = delete;
  Umask& operator=(const Umask&) = delete;
  mode_t old;
};

// The schema's history: each step takes an archive from schema `to - 1` to `to`, in the
// transaction that opens it. A new archive runs every step. To change the schema, add a
// step at the end (and raise kArchiveSchemaVersion); never edit a step that has shipped.
struct Migration {
  int to;
  const char* sql;
};
constexpr Migration kMigrations[] = {
    // Schema 1 kept one cohort-wide submission per file: no session, questionnaire or
    // diagnostics, validity as 0/1.
    {1,
     "CREATE TABLE submissions (id INTEGER PRIMARY KEY, cohort TEXT NOT NULL, participant TEXT NOT NULL,"
     " source TEXT NOT NULL, sha256 TEXT NOT NULL, raw BLOB NOT NULL, imported_at TEXT NOT NULL,"
     " valid INTEGER NOT NULL)"},
    {2,
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
     "CREATE INDEX submissions_current ON submissions (cohort, session, participant, id);"},
    // The release log of cohort reports (engine/release_log.hpp).
    {3, kReleaseLogSchema},
    // The parts of a questionnaire each submission holds (questionnaires/FORMAT.md "Parts and
    // meetings"), for the listing; older rows hold '' (parts were not told apart then).
    {4, "ALTER TABLE submissions ADD COLUMN parts TEXT NOT NULL DEFAULT '';"},
    // The validated answers beside the raw bytes (engine/answers_blob.hpp), so that reports
    // need not parse YAML again; a cache of the raw bytes for the rules of answers_key, made
    // again by rebuild_answers() (older rows have none until then).
    {5, "CREATE TABLE validated (submission INTEGER PRIMARY KEY REFERENCES submissions(id),"
        " answers_key TEXT NOT NULL, answers BLOB NOT NULL);"},
};
static_assert(std::size(kMigrations) == kArchiveSchemaVersion, "one migration step per schema version");

// The page size of a new archive (SQLite's default is 4 KB; an archive keeps the size it was
// made with, and every SQLite reads any). A submission is a few KB of raw bytes and as many
// of validated answers: in 16 KB pages they fill the pages (in 4 KB ones a third of the
// submissions' pages was empty), an import writes a quarter as many pages, each one system
// call, and its indexes are shallower.
constexpr const char* kNewArchivePageSize = "PRAGMA page_size=16384";

// Refuses, without touching it, anything at `path` that is not an SQLite database: a
// missing file (unless one may be created), a folder or device, a file of other bytes.
// True when there is no file yet, or an empty one.
bool check_sqlite_file(const Archive::Impl& a, bool create) {
  struct stat st{};
  if (::stat(a.path.c_str(), &st) != 0) {
    if (errno == ENOENT && create) return true;
    if (errno == ENOENT) a.refuse(tr("no archive here (only careermap import creates one; check the path)"));
    a.refuse(trf("cannot open: {value}", {{"value", std::string(std::strerror(errno))}}));
  }
  if (!S_ISREG(st.st_mode)) a.refuse(tr("not a regular file"));
  if (st.st_size == 0) return true;  // an empty database, or one whose data is still in its -wal file
  static constexpr char kMagic[16] = "SQLite format 3";  // and its NUL
  char head[16] = {};
  const int fd = ::open(a.path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) a.refuse(trf("cannot open: {value}", {{"value", std::string(std::strerror(errno))}}));
  const ssize_t n = ::read(fd, head, sizeof head);
  ::close(fd);
  if (n != sizeof head || std::memcmp(head, kMagic, sizeof head) != 0)
    a.refuse(tr("not an SQLite database, so not a careermap archive; it was left as it was"));
  return false;
}

// Waits while another connection holds the archive, telling options.on_wait, until
// options.busy_wait_seconds have passed (then SQLite reports SQLITE_BUSY).
int on_busy(void* impl, int calls) {
  auto& a = *static_cast<Archive::Impl*>(impl);
  const auto now = std::chrono::steady_clock::now();
  if (calls == 0) {
    a.busy_since = now;
    a.next_report = 1;
  }
  const auto waited = std::chrono::duration_cast<std::chrono::seconds>(now - a.busy_since).count();
  if (waited >= a.options.busy_wait_seconds) return 0;
  if (waited >= a.next_report) {
    if (a.options.on_wait) a.options.on_wait(static_cast<int>(waited));
    a.next_report = a.next_report == 1 ? 30 : a.next_report + 30;
  }
  sqlite3_sleep(50);
  return 1;
}

bool has_table(const Archive::Impl& a, const char* name) {
  Stmt s(a.db, "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?");
  return s.text(1, name).step();
}

// The schema version the archive holds: 0 for an empty database, 1 for the first
// schema (which kept none); refuses a database that is not a careermap archive.
int stored_version(const Archive::Impl& a) {
  if (has_table(a, "meta")) {
    Stmt s(a.db, "SELECT value FROM meta WHERE key = 'schema_version'");
    const std::string v = s.step() ? s.col(0) : "";
    int n = 0;
    const auto [end, ec] = std::from_chars(v.data(), v.data() + v.size(), n);
    if (v.empty() || ec != std::errc() || end != v.data() + v.size() || n < 1)
      a.refuse(tr("its schema version is not a number; the file is damaged or not a careermap archive"));
    return n;
  }
  if (has_table(a, "submissions")) return 1;
  Stmt any(a.db, "SELECT count(*) FROM sqlite_master");
  any.step();
  if (any.number(0) != 0) a.refuse(tr("an SQLite database, but not a careermap archive; it was left as it was"));
  return 0;
}

constexpr const char* kSelect =
    "SELECT id, cohort, session, participant, questionnaire, source, sha256, imported_at, status, diagnostics, raw, parts,"
    " answers_key, answers FROM submissions LEFT JOIN validated ON submission = id";
// The same, but the raw bytes only where the stored answers are not for the key bound as ?1.
constexpr const char* kSelectLean =
    "SELECT id, cohort, session, participant, questionnaire, source, sha256, imported_at, status, diagnostics,"
    " CASE WHEN answers_key IS ?1 THEN '' ELSE raw END, parts,"
    " answers_key, answers FROM submissions LEFT JOIN validated ON submission = id";

std::string select(const std::string& answers_key) { return answers_key.empty() ? kSelect : kSelectLean; }

// What identifies a submission: the first five columns of kSelect (id, cohort, session,
// participant, questionnaire).
Submission read_brief(const Stmt& s) {
  Submission r;
  r.id = s.number(0);
  r.cohort = s.col(1);
  r.meeting = s.col(2);
  r.participant = s.col(3);
  r.questionnaire = s.col(4);
  return r;
}

Submission read_row(const Stmt& s) {
  Submission r = read_brief(s);
  r.source = s.col(5);
  r.sha256 = s.col(6);
  r.imported_at = s.col(7);
  r.quarantined = s.col(8) == "quarantined";
  r.diagnostics = s.col(9);
  r.raw = s.col(10);
  r.parts = s.col(11);
  r.answers_key = s.col(12);
  r.answers = s.col(13);
  return r;
}

constexpr const char* kStoreAnswers = "INSERT OR REPLACE INTO validated (submission, answers_key, answers) VALUES (?, ?, ?)";

void store_answers(const Archive::Impl& a, int64_t id, const std::string& key, const std::string& blob) {
  Stmt s(a.db, kStoreAnswers);
  s.num(1, id).text(2, key).blob(3, blob).step();
}

}  // namespace

std::string archive_schema_sql(int version) {
  std::string sql;
  for (const auto& m : kMigrations)
    if (m.to <= version) sql += m.sql + std::string(m.sql[std::strlen(m.sql) - 1] == ';' ? "" : ";");
  return sql;
}

Archive Archive::open(const std::string& path, const ArchiveOptions& options) {
  Archive a;
  a.impl_ = std::make_unique<Impl>(path);
  Impl& im = *a.impl_;
  im.options = options;
  im.db.call_busy(trf("still in use by another careermap after {seconds} s; try again when it has finished",
                      {{"seconds", std::to_string(options.busy_wait_seconds)}}));
  const bool empty = check_sqlite_file(im, options.create);
  {
    const Umask created_private(077);  // created 0600
    im.db.open(SQLITE_OPEN_READWRITE | (options.create ? SQLITE_OPEN_CREATE : 0));
  }
  sqlite3_busy_handler(im.db.get(), on_busy, &im);
  im.db.exec("PRAGMA foreign_keys=ON");
  // (Before the first read: SQLite takes the size of a database that holds pages from them,
  // also when they are still in its -wal file only.)
  if (empty && options.create) im.db.exec(kNewArchivePageSize);
  im.db.exec("BEGIN IMMEDIATE");
  try {
    const int version = stored_version(im);
    if (version == 0 && !options.create)
      im.refuse(tr("an empty database, not a careermap archive (only careermap import creates one)"));
    if (version > kArchiveSchemaVersion)
      im.refuse(
          trf("made by a newer careermap (schema {version}; this one knows schemas up to "
              "{archive_schema_version})",
              {{"version", std::to_string(version)},
               {"archive_schema_version", std::to_string(kArchiveSchemaVersion)}}));
    for (const auto& m : kMigrations)
      if (m.to > version) im.db.exec(m.sql);
    im.db.exec("CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)");
    Stmt set(im.db, "INSERT OR REPLACE INTO meta (key, value) VALUES ('schema_version', ?)");
    set.text(1, std::to_string(kArchiveSchemaVersion)).step();
    im.db.exec("COMMIT");
  } catch (...) {
    im.db.rollback();
    throw;
  }
  // Only now that it is known to be a careermap archive.
  im.db.exec("PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL;");
  ::chmod(path.c_str(), 0600);
  if (options.questionnaire) a.rebuild_answers(*options.questionnaire);
  return a;
}

Archive::~Archive() = default;
Archive::Archive(Archive&&) noexcept = default;
Archive& Archive::operator=(Archive&&) noexcept = default;

int Archive::schema_version() const {
  return stored_version(*impl_);
}

ImportSession Archive::begin_import(const std::string& now) {
  return ImportSession(*this, now);
}

struct ImportSession::Statements {
  explicit Statements(const sqlite::Db& db)
      : held(db, "SELECT 1 FROM submissions WHERE cohort = ? AND session = ? AND sha256 = ?"),
        before(db, "SELECT 1 FROM submissions WHERE cohort = ? AND session = ? AND participant = ? AND status = 'valid'"),
        insert(db,
               "INSERT INTO submissions (cohort, session, participant, questionnaire, source, sha256, raw, imported_at,"
               " status, diagnostics, parts) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"),
        validated(db, kStoreAnswers) {}
  Stmt held, before, insert, validated;
};

namespace {

// The journal an import writes to. In the write-ahead log every page of an import is written
// twice (to the log, then copied into the archive) and read back once, and the log's index in
// memory (-shm) grows with the import; a rollback journal keeps only the pages that were there
// before (for a new archive almost none): the new pages go straight into the archive. It is
// as safe: the journal is synced before the archive is written, and with synchronous=EXTRA
// the folder is synced when the journal's removal commits. SQLite refuses the change while
// another connection has the archive open (at once, without waiting): the import then keeps
// the log. careermap's readers wait for an import either way (Archive::open begins by
// writing); another program that begins to read while the import runs (the sqlite3 tool)
// makes the import wait where it writes pages, until that read ends (the log let both go on).
void journal_for_import(sqlite::Db& db) {
  if (sqlite3_exec(db.get(), "PRAGMA journal_mode=DELETE", nullptr, nullptr, nullptr) == SQLITE_OK)
    db.exec("PRAGMA synchronous=EXTRA");
}

// Back to the write-ahead log after an import (committed or not), as every other command
// uses the archive. Another connection's read holds that up: it is waited for a second at
// most (a careermap waiting to open the archive reads for a moment every 50 ms), not the
// import's ten minutes; when it is still refused, the next Archive::open makes it so.
void journal_after_import(Archive::Impl& a) noexcept {
  sqlite3_busy_timeout(a.db.get(), 1000);
  sqlite3_exec(a.db.get(), "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL;", nullptr, nullptr, nullptr);
  sqlite3_busy_handler(a.db.get(), on_busy, &a);
}

}  // namespace

ImportSession::ImportSession(Archive& archive, std::string now) : archive_(archive), now_(std::move(now)) {
  sqlite::Db& db = archive_.impl_->db;
  journal_for_import(db);
  try {
    db.exec("BEGIN IMMEDIATE");
    st_ = std::make_unique<Statements>(db);
  } catch (...) {
    db.rollback();
    journal_after_import(*archive_.impl_);
    throw;
  }
}

ImportSession::~ImportSession() {
  st_.reset();
  if (open_) archive_.impl_->db.rollback();
  journal_after_import(*archive_.impl_);
}

void ImportSession::add(Submission s) {
  const Archive::Impl& im = *archive_.impl_;
  if (!valid_participant_id(s.cohort) || (!s.meeting.empty() && !valid_participant_id(s.meeting)) ||
      (!s.participant.empty() && !valid_participant_id(s.participant)))
    im.refuse(
        trf("the submission of {source} has a cohort, session or participant that is not an id; "
            "nothing was imported",
            {{"source", std::string(s.source)}}));
  if (s.sha256.empty()) s.sha256 = sha256_hex(s.raw);
  Statements& st = *st_;
  const bool held = st.held.reset().text(1, s.cohort).text(2, s.meeting).text(3, s.sha256).step();
  st.held.reset();
  if (held) {
    ++sum_.unchanged;
    return;
  }
  const bool known =
      !s.participant.empty() && st.before.reset().text(1, s.cohort).text(2, s.meeting).text(3, s.participant).step();
  st.before.reset();
  // (`s` holds the bytes until the statements have run: bound without a copy)
  st.insert.reset().text(1, s.cohort).text(2, s.meeting).text(3, s.participant).text(4, s.questionnaire)
      .text(5, s.source).text(6, s.sha256).blob_kept(7, s.raw).text(8, now_)
      .text(9, s.quarantined ? "quarantined" : "valid").text(10, s.diagnostics).text(11, s.parts).again();
  if (!s.quarantined && !s.answers.empty())
    st.validated.reset().num(1, im.db.last_id()).text(2, s.answers_key).blob_kept(3, s.answers).again();
  if (s.quarantined) ++sum_.quarantined;
  else if (known) ++sum_.versions;
  else ++sum_.added;
}

ImportSummary ImportSession::commit() {
  archive_.impl_->db.exec("COMMIT");
  open_ = false;
  return sum_;
}

ImportSummary Archive::import(std::vector<Submission> subs, const std::string& now) {
  ImportSession session = begin_import(now);
  for (auto& s : subs) session.add(std::move(s));
  return session.commit();
}

size_t Archive::rebuild_answers(const Questionnaire& q) {
  Impl& im = *impl_;
  const std::string key = answers_blob_key(q);
  struct Stale {
    int64_t id;
    std::string source, raw;
  };
  std::vector<Stale> stale;
  {
    Stmt s(im.db,
           "SELECT id, source, raw FROM submissions LEFT JOIN validated ON submission = id WHERE status = 'valid'"
           " AND questionnaire IN (?, '') AND (answers_key IS NULL OR answers_key != ?) ORDER BY id");
    s.text(1, q.id).text(2, key);
    while (s.step()) stale.push_back({s.number(0), s.col(1), s.col(2)});
  }
  if (stale.empty()) return 0;  // the usual case: no write, no lock
  size_t stored = 0;
  im.db.exec("BEGIN IMMEDIATE");
  try {
    for (const Stale& st : stale) {
      Diagnostics d;
      const Answers a = parse_answers(q, st.raw, st.source, d);
      if (d.has_errors()) continue;
      store_answers(im, st.id, key, encode_answers(a));
      ++stored;
    }
    im.db.exec("COMMIT");
  } catch (...) {
    im.db.rollback();
    throw;
  }
  return stored;
}

// The newest valid submission of each participant, cohort and session.
constexpr const char* kCurrent =
    " WHERE id IN (SELECT max(id) FROM submissions WHERE status = 'valid' GROUP BY cohort, session, participant)";

// The newest valid submission of each participant, cohort and session, in `order`, of
// `cohorts` (all when empty), the raw bytes left out as select(answers_key) says.
void current_rows(const Archive::Impl& a, const char* order, const std::vector<std::string>& cohorts,
                  const std::string& answers_key, const std::function<void(Submission&&)>& each) {
  Stmt s(a.db, (select(answers_key) + kCurrent + order).c_str());
  if (!answers_key.empty()) s.text(1, answers_key);
  while (s.step()) {
    Submission r = read_row(s);
    if (cohorts.empty() || std::find(cohorts.begin(), cohorts.end(), r.cohort) != cohorts.end()) each(std::move(r));
  }
}

std::vector<Submission> Archive::all(const std::string& answers_key) const {
  std::vector<Submission> out;
  Stmt s(impl_->db, (select(answers_key) + " ORDER BY id").c_str());
  if (!answers_key.empty()) s.text(1, answers_key);
  while (s.step()) out.push_back(read_row(s));
  return out;
}

std::vector<Submission> Archive::history(const std::vector<std::string>& cohorts) const {
  std::vector<Submission> out;
  Stmt s(impl_->db, (std::string(kSelect) + " WHERE status = 'valid' ORDER BY cohort, participant, id").c_str());
  while (s.step()) {
    Submission r = read_row(s);
    if (cohorts.empty() || std::find(cohorts.begin(), cohorts.end(), r.cohort) != cohorts.end())
      out.push_back(std::move(r));
  }
  return out;
}

void Archive::each_current(const std::vector<std::string>& cohorts, const std::string& answers_key,
                           const std::function<void(Submission&&)>& each) const {
  current_rows(*impl_, " ORDER BY cohort, participant, id", cohorts, answers_key, each);
}

namespace {

// What identifies a submission (read_brief's columns).
constexpr const char* kBrief = "SELECT id, cohort, session, participant, questionnaire FROM submissions";

// Submissions with only what identifies them, from `sql` (kBrief and a condition).
void each_brief(const Archive::Impl& a, const char* sql, const std::function<void(Submission&&)>& each) {
  Stmt s(a.db, sql);
  while (s.step()) each(read_brief(s));
}

}  // namespace

void Archive::each_current_brief(const std::vector<std::string>& cohorts,
                                 const std::function<void(Submission&&)>& each) const {
  each_brief(*impl_, (std::string(kBrief) + kCurrent + " ORDER BY cohort, participant, id").c_str(),
             [&](Submission&& r) {
               if (cohorts.empty() || std::find(cohorts.begin(), cohorts.end(), r.cohort) != cohorts.end())
                 each(std::move(r));
             });
}

void Archive::briefs(const std::vector<int64_t>& ids, const std::function<void(Submission&&)>& each) const {
  each_brief(*impl_, (std::string(kBrief) + " ORDER BY id").c_str(),
             [&](Submission&& r) {
               if (std::binary_search(ids.begin(), ids.end(), r.id)) each(std::move(r));
             });
}

void Archive::submissions(const std::vector<int64_t>& ids, const std::string& answers_key,
                          const std::function<void(Submission&&)>& each) const {
  Stmt s(impl_->db, (select(answers_key) + (answers_key.empty() ? " WHERE id = ?1" : " WHERE id = ?2")).c_str());
  for (int64_t id : ids) {
    s.reset();
    if (!answers_key.empty()) s.text(1, answers_key);
    s.num(answers_key.empty() ? 1 : 2, id);
    if (s.step()) each(read_row(s));
  }
}

std::set<std::string> Archive::valid_cohorts() const {
  std::set<std::string> out;
  Stmt s(impl_->db, "SELECT DISTINCT cohort FROM submissions WHERE status = 'valid'");
  while (s.step()) out.insert(s.col(0));
  return out;
}

std::string Archive::raw(int64_t id) const {
  Stmt s(impl_->db, "SELECT raw FROM submissions WHERE id = ?");
  s.num(1, id);
  return s.step() ? s.col(0) : std::string();
}

std::vector<Submission> Archive::current(const std::vector<std::string>& cohorts,
                                         const std::string& answers_key) const {
  std::vector<Submission> out;
  current_rows(*impl_, " ORDER BY cohort, session = 'post', session, participant", cohorts, answers_key,
               [&](Submission&& r) { out.push_back(std::move(r)); });
  return out;
}

}  // namespace careermap
