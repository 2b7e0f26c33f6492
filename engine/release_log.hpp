// The release log: for every cohort report written, which submissions each of its published
// groups counted and which of their figures showed, so that a later report can be checked
// against it (cohort.hpp: a group a few people away from a released one is hidden; the audit
// treats every released figure as known). It lives in the archive (schema 3) and never
// leaves it: reports carry none of it and `archive --releases` prints only counts.
//
// The functions open their own connection to an archive that Archive::open has already
// opened (and migrated). Every SQLite failure becomes careermap::Error.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "engine/cohort.hpp"
#include "engine/release_log_schema.hpp"

namespace careermap {

struct Release {
  int64_t id = 0;
  std::string created_at;     // ISO 8601, UTC
  std::string command;        // the options that shaped it, without file names
  std::string questionnaire;
  int min_group = 0;
  std::vector<ReleasedGroup> groups;
};

// Every release, oldest first (each group's release set to its release's id); without
// `members`, the groups' submissions are left out (they stay in the archive).
std::vector<Release> read_releases(const std::string& archive_path, bool members = true);
// The members of `groups` (ReleasedGroup::id, groups of `questionnaire`'s releases as
// read_releases gave them; each member's group is its place there) that are submissions of
// it, with whose they are, one at a time in order of cohort, participant, group and
// submission, read from the archive as they are asked for (SQLite sorts them, on disk when
// they are many). A group not among `groups` (a release logged since) is left out. The
// stream keeps its own connection until it is let go.
ReleasedMembers released_members(const std::string& archive_path, const std::string& questionnaire,
                                 const std::vector<int64_t>& groups);
// Appends `r` in one transaction; returns its id.
int64_t append_release(const std::string& archive_path, const Release& r);

}  // namespace careermap
