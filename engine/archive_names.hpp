// Names for what the archive holds, safe wherever they go: on a terminal, in a CSV cell,
// as a file or folder name on any disk (ext4, NTFS, a FAT or exFAT USB stick, macOS).
//
// Cohorts, sessions, participants and source names may come from archives written by older
// careermaps, which stored what an answers file said: a path, NUL, control characters,
// escape codes, a name that is a device on Windows. Nothing here trusts them. Pure
// functions and a value type; they do not fail.
#pragma once

#include <map>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "engine/archive.hpp"

namespace careermap {

// `text` as it may be printed on a terminal or in one cell of a row: UTF-8 text as it is,
// except control characters (C0, DEL, C1, so also tab and line breaks), bidirectional
// controls, zero-width characters and the backslash, written as \xNN or \u{NNNN}, and
// bytes that are not UTF-8, written as \xNN. The result holds none of those characters.
std::string escaped(std::string_view text);

// True when `name` is safe as a file or folder name on every disk careermap writes to:
// it passes the id rule (so no '/', '.', NUL, control or FAT-forbidden character, no
// trailing dot or space, at most 64 bytes) and is not a Windows device name (CON, PRN,
// AUX, NUL, COM0..9, LPT0..9, in any case; also with an extension, as in "con.v1.yaml").
bool safe_file_name(std::string_view name);

// Folder names for values, unique ignoring case. A value that is a safe file name keeps
// it, unless another value already took that name in another case; an empty value gets
// `empty_name`; anything else (and the later of two that differ only in case) becomes
// "mapped." and 16 hex digits of its SHA-256 (a name no id can have).
class FolderNames {
 public:
  explicit FolderNames(std::string empty_name) : empty_(std::move(empty_name)) {}
  // The same value always gets the same name.
  const std::string& of(const std::string& value);

 private:
  std::string empty_;
  std::map<std::string, std::string> by_value_;
  std::set<std::string> taken_;  // names given, folded to lower case
};

// `value` as the first part of a file name: itself when it is a safe file name, `empty_name`
// when empty, else "mapped." and 16 hex digits of its SHA-256.
std::string file_name_part(const std::string& value, const std::string& empty_name);

// A stored cohort, session or participant as it may be shown (on a terminal, in a message,
// in index.csv): only an id that passes the id rule; `empty` when there is none, and
// "(not an id)" for anything else.
std::string shown_id(const std::string& value, const std::string& empty);

// Where export writes each submission, relative to its folder (with '/'):
// COHORT/SESSION/PARTICIPANT.vID.yaml (.csv for a quarantined CSV row), the folders from
// FolderNames ("none" for no session), the participant through file_name_part ("unknown"
// for none). Every path is unique ignoring case (the submission id is in every file name),
// has three parts, each a safe file name, and at most 100 bytes per part.
std::vector<std::string> export_paths(const std::vector<Submission>& subs);

}  // namespace careermap
