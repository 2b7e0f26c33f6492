// How the columns of a form service's or Excel's CSV become answers (a mapping file,
// questionnaires/FORMAT.md "Mapping file"), and the column headers careermap itself
// proposes for a questionnaire (`careermap form --csv`, `careermap mapping --init`).
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "engine/diagnostic.hpp"
#include "engine/questionnaire.hpp"
#include "engine/templates.hpp"

namespace careermap {

// Where one column's cells go.
struct ColumnTarget {
  enum class Kind { ignore, participant, name, cohort, meeting, session, item, episode_field } kind = Kind::ignore;
  std::string item;    // item id (item, episode_field)
  int episode = 0;     // 1-based (episode_field)
  std::string field;   // field id (episode_field)
  std::string text() const;  // as written in a mapping file: "ignore", "fix_1", "episodes[2].from"
};

struct Mapping {
  // One entry of `columns:`: a header and its target, or a list of targets for a title
  // the CSV repeats (the first column with the title gets the first, and so on).
  struct Column {
    std::string header;
    std::vector<ColumnTarget> targets;  // at least one
  };
  std::string file;
  std::string questionnaire;
  std::string cohort, meeting, session;  // fixed values for every row (a column overrides)
  std::vector<Column> columns;  // as written
  std::map<std::string, std::map<std::string, std::string>> values;  // item -> answer text -> value

  const Column* find(std::string_view header) const;  // exact, then normalized match

  // Parses a mapping against `q`; problems go to `diags`; malformed YAML throws Error.
  static Mapping parse(std::string_view text, const std::string& file, const Questionnaire& q,
                       Diagnostics& diags);
  static Mapping load(const std::string& path, const Questionnaire& q, Diagnostics& diags);
};

// Parses "ignore", "participant", "name", "cohort", "meeting", "session", "<item>" or
// "<item>[N].<field>" (N in 1..999); false, with `error` saying why, when it names nothing.
bool parse_target(const Questionnaire& q, std::string_view text, ColumnTarget& out, std::string& error);

// Text compared loosely: full-width ASCII to half-width, spaces and punctuation removed,
// ASCII lower-cased ("Ｑ１．　あてはまる？" ~ "q1あてはまる").
std::string normalize_header(std::string_view s);

// The CSV header row careermap proposes for `q`: participant id, name, every item but
// episodes by its question, then `episode_slots` episodes field by field.
std::vector<std::pair<std::string, ColumnTarget>> form_columns(const Questionnaire& q, const Templates& t,
                                                               Lang lang, int episode_slots = 5);

// Column numbers as messages give them, counting from 1: "3", "3 and 5", "3, 5 and 7".
std::string column_numbers(const std::vector<size_t>& columns);

// A starter mapping for a CSV whose header row is `header`: columns matched to the
// questionnaire's texts (exactly, then normalized; a grid column `QUESTION [ROW]` by its
// row's text), the name column (お名前, 氏名, Name, ...) to name, the usual timestamp and
// e-mail columns ignored. A title repeated for each episode (a form section per episode)
// binds in order to episodes 1, 2, 3, ... as a list of targets; any other repeated title
// is left unmatched. A cohort column (コホート, 期, cohort) and a meeting column (回,
// 実施回, meeting, session) go to cohort and meeting. `unmatched` gets the headers it could
// not place (written as ignore, marked). `cohort` and `meeting`, when not empty, are written
// as the mapping's fixed values for every row (otherwise commented examples).
std::string starter_mapping(const Questionnaire& q, const Templates& t, const std::vector<std::string>& header,
                            std::vector<std::string>& unmatched, const std::string& cohort = "",
                            const std::string& meeting = "");

}  // namespace careermap
