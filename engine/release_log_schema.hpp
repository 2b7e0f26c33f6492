// The release log's tables (engine/release_log.hpp), as the archive's schema step 3 creates
// them; apart so that the archive needs nothing else of the log. No failure modes.
#pragma once

namespace careermap {

// Schema step 3 (engine/archive.cpp runs it): the log's tables.
inline constexpr const char* kReleaseLogSchema =
    "CREATE TABLE releases (id INTEGER PRIMARY KEY, created_at TEXT NOT NULL, command TEXT NOT NULL,"
    " questionnaire TEXT NOT NULL, min_group INTEGER NOT NULL);"
    "CREATE TABLE release_groups (id INTEGER PRIMARY KEY, release INTEGER NOT NULL REFERENCES releases(id),"
    " label TEXT NOT NULL);"
    "CREATE TABLE release_members (grp INTEGER NOT NULL REFERENCES release_groups(id),"
    " submission INTEGER NOT NULL REFERENCES submissions(id));"
    "CREATE TABLE release_shown (grp INTEGER NOT NULL REFERENCES release_groups(id), tbl TEXT NOT NULL,"
    " category TEXT NOT NULL);"
    "CREATE INDEX release_members_grp ON release_members (grp);"
    "CREATE INDEX release_shown_grp ON release_shown (grp);";

}  // namespace careermap
