// The cohort archive: every submission of every cohort, kept in one SQLite file.
//
// Append-only: a submission keeps its raw bytes, source name, SHA-256 and import time.
// The same bytes for the same cohort and meeting again change nothing; different bytes
// for the same participant, cohort and meeting are a new version (the history stays: the
// newest version of each part counts, records.hpp). Submissions that fail validation are kept as quarantined, with their
// diagnostics. Each import is one transaction: all of it lands or none, and it streams (an
// ImportSession stores each submission as it is added, so memory holds one; while it runs the
// archive keeps a rollback journal, otherwise SQLite's write-ahead log). The schema has a
// version and is migrated forward on open. The file is created with mode 0600, and only
// when asked (ArchiveOptions::create): a missing file, a file that is not an SQLite
// database, an SQLite database that is not a careermap archive, and an archive of a newer
// or unreadable schema are refused with Error before anything is changed in them.
// Cohorts, sessions and participants are stored only when they pass the id rule
// (valid_participant_id); import() refuses a submission whose are not.
// An Archive is not thread-safe. Every SQLite failure becomes careermap::Error.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <set>
#include <string>
#include <vector>

#include "engine/questionnaire.hpp"

namespace careermap {

struct Submission {
  int64_t id = 0;
  std::string cohort;       // an id (the id rule of valid_participant_id)
  std::string meeting;      // a meeting id (stored in the column `session`), or empty
  std::string participant;  // an id, or empty when the file had none that passed the id rule
  std::string questionnaire;
  std::string source;       // file name (and line, for a CSV row)
  std::string sha256;
  std::string imported_at;  // ISO 8601, UTC
  bool quarantined = false;
  std::string diagnostics;  // what was wrong, for quarantined submissions
  std::string raw;          // the submitted bytes (an answers YAML)
  std::string parts;        // ids of the questionnaire's parts it holds, space-separated; '' when
                            // quarantined or imported before schema 4
  // The validated answers (answers_blob.hpp) beside the raw bytes, and the key of the rules
  // they were checked by (answers_blob_key); both empty when none is stored (quarantined,
  // imported before schema 5 and not yet rebuilt, or no longer valid).
  std::string answers, answers_key;
};

struct ImportSummary {
  int added = 0;        // new participants
  int versions = 0;     // new versions of participants already there
  int unchanged = 0;    // bytes already held
  int quarantined = 0;  // kept, but invalid
};

inline constexpr int kArchiveSchemaVersion = 5;

// The SQL that makes an empty database an archive of schema `version` (1 to
// kArchiveSchemaVersion): the migration steps up to it, the one definition of the schema
// (tests make older archives with it).
std::string archive_schema_sql(int version);

struct ArchiveOptions {
  bool create = false;          // make a new archive (mode 0600) when there is none; only import does
  int busy_wait_seconds = 600;  // how long to wait while another careermap writes to the archive
  // Told how long it has waited so far: once after 1 s of waiting, then every 30 s.
  std::function<void(int waited_seconds)> on_wait;
  // When given, open() also makes the validated answers of this questionnaire's submissions
  // that have none for its rules (Archive::rebuild_answers): an archive of an older schema
  // gets them when a command that reads it with a questionnaire first opens it.
  const Questionnaire* questionnaire = nullptr;
};

class Archive;

// One import in progress, in one transaction (Archive::begin_import). add() checks and stores
// one submission, so the caller may drop it before reading the next; commit() makes all of
// them land. Destroyed before commit (an exception, an input that could not be read), it rolls
// back: nothing was added. Must not outlive its Archive; one at a time per Archive.
class ImportSession {
 public:
  ~ImportSession();
  ImportSession(const ImportSession&) = delete;
  ImportSession& operator=(const ImportSession&) = delete;
  // Stores `s` (its id is set here, and its sha256 when empty: one given must be
  // sha256_hex(s.raw), made where the caller has a core to spare). A cohort, session or
  // participant that breaks the id rule is an Error; the session must then be dropped, and
  // nothing is added.
  void add(Submission s);
  ImportSummary commit();

 private:
  friend class Archive;
  ImportSession(Archive& archive, std::string now);
  struct Statements;  // prepared once for all the submissions of the session
  Archive& archive_;
  std::unique_ptr<Statements> st_;
  std::string now_;
  ImportSummary sum_;
  bool open_ = true;
};

class Archive {
 public:
  // Opens the archive at `path` and migrates it to the current schema.
  static Archive open(const std::string& path, const ArchiveOptions& options = {});
  ~Archive();
  Archive(Archive&&) noexcept;
  Archive& operator=(Archive&&) noexcept;

  int schema_version() const;
  // Begins an import at time `now` (ISO 8601, UTC): waits for other writers, then holds the archive.
  ImportSession begin_import(const std::string& now);
  // Adds the submissions in one ImportSession: all of them, or (on Error) none.
  ImportSummary import(std::vector<Submission> submissions, const std::string& now);
  // Every submission, oldest first. With `answers_key` (answers_blob_key(q)), `raw` is left
  // empty where the stored answers are for that key: a reader of the answers needs no more
  // (stored_answers), and a report over many people holds half the bytes.
  std::vector<Submission> all(const std::string& answers_key = {}) const;
  // The newest valid submission of each participant, cohort and session; only `cohorts`
  // when not empty. Ordered by cohort, then session (the first meeting before the last),
  // then participant. `answers_key` as for all().
  std::vector<Submission> current(const std::vector<std::string>& cohorts = {},
                                  const std::string& answers_key = {}) const;
  // The rows of current(cohorts, answers_key), one at a time, ordered by cohort, then
  // participant, then as imported (a person's together), so that a reader over many people
  // holds one person's at a time.
  void each_current(const std::vector<std::string>& cohorts, const std::string& answers_key,
                    const std::function<void(Submission&&)>& each) const;
  // The same submissions as each_current, in the same order, with only their id, cohort,
  // meeting, participant and questionnaire (none of their bytes): to count people first.
  void each_current_brief(const std::vector<std::string>& cohorts, const std::function<void(Submission&&)>& each) const;
  // The submissions of `ids` (ascending) that are in the archive, in that order, to `each`,
  // as all() gives them (the raw bytes left out where the answers stored for `answers_key` serve).
  void submissions(const std::vector<int64_t>& ids, const std::string& answers_key,
                   const std::function<void(Submission&&)>& each) const;
  // The same with only their id, cohort, meeting, participant and questionnaire.
  void briefs(const std::vector<int64_t>& ids, const std::function<void(Submission&&)>& each) const;
  // The cohorts with a valid submission, in order.
  std::set<std::string> valid_cohorts() const;
  // The raw bytes of submission `id` ("" when there is none).
  std::string raw(int64_t id) const;
  // Every valid submission (every version of every part); only `cohorts` when not empty.
  // Ordered by cohort, then participant, then as imported: the input of meeting_records
  // (records.hpp), which assembles each meeting's record from the parts.
  std::vector<Submission> history(const std::vector<std::string>& cohorts = {}) const;

  // Stores the validated answers of the valid submissions of `q` (its id, or none said) that
  // have none for the current rules (answers_blob_key(q)): those imported before schema 5, or
  // against another version of the questionnaire; made from the raw bytes, in one
  // transaction. Those that no longer read against `q` get none (readers then parse the raw
  // bytes and report them). Returns how many were stored; Error on an SQLite failure.
  size_t rebuild_answers(const Questionnaire& q);

  struct Impl;  // opaque: the SQLite connection

 private:
  friend class ImportSession;
  Archive() = default;
  std::unique_ptr<Impl> impl_;
};

}  // namespace careermap
