// The cohort archive: every submission of every cohort, kept in one SQLite file.
//
// Append-only: a submission keeps its raw bytes, source name, SHA-256 and import time.
// The same bytes for the same cohort and session again change nothing; different bytes
// for the same participant, cohort and session are a new version (the newest counts, the
// history stays). Submissions that fail validation are kept as quarantined, with their
// diagnostics. Each import is one transaction: all of it lands or none. The schema has a
// version and is migrated forward on open. The file is created with mode 0600.
// An Archive is not thread-safe. Every SQLite failure becomes careermap::Error.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace careermap {

struct Submission {
  int64_t id = 0;
  std::string cohort, session, participant, questionnaire;
  std::string source;       // file name (and line, for a CSV row)
  std::string sha256;
  std::string imported_at;  // ISO 8601, UTC
  bool quarantined = false;
  std::string diagnostics;  // what was wrong, for quarantined submissions
  std::string raw;          // the submitted bytes (an answers YAML)
};

struct ImportSummary {
  int added = 0;        // new participants
  int versions = 0;     // new versions of participants already there
  int unchanged = 0;    // bytes already held
  int quarantined = 0;  // kept, but invalid
};

inline constexpr int kArchiveSchemaVersion = 2;

class Archive {
 public:
  // Opens (creating, mode 0600) the archive at `path` and migrates it to the current schema.
  static Archive open(const std::string& path);
  ~Archive();
  Archive(Archive&&) noexcept;
  Archive& operator=(Archive&&) noexcept;

  int schema_version() const;
  // Adds the submissions in one transaction (their id and sha256 are set here).
  ImportSummary import(std::vector<Submission> submissions, const std::string& now);
  // Every submission, oldest first.
  std::vector<Submission> all() const;
  // The newest valid submission of each participant, cohort and session; only `cohorts`
  // when not empty. Ordered by cohort, then session (the first meeting before the last),
  // then participant.
  std::vector<Submission> current(const std::vector<std::string>& cohorts = {}) const;

  struct Impl;  // opaque: the SQLite connection

 private:
  Archive() = default;
  std::unique_ptr<Impl> impl_;
};

}  // namespace careermap
