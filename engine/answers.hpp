// One participant's answers to one questionnaire, read from a YAML answers file and
// checked against the questionnaire as they are read (questionnaires/FORMAT.md).
//
// Intake never throws: an unreadable file, malformed YAML and every wrong answer become
// diagnostics with file, line and column, and the returned Answers holds whatever was
// valid. A file is usable when `diags` gained no error while reading it.
#pragma once

#include <map>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "engine/diagnostic.hpp"
#include "engine/questionnaire.hpp"

namespace careermap {

struct Episode {
  std::map<std::string, std::string> fields;  // field id -> value as written (validated)
  Location where;
  const std::string* get(const std::string& field_id) const;
};

struct Answer {
  ItemType type = ItemType::text;
  std::optional<double> number;        // likert, number
  std::string text;                    // text, choice
  std::vector<std::string> choices;    // multi
  std::vector<Episode> episodes;       // episodes
  Location where;
};

struct Answers {
  std::string file;           // where they were read from
  std::string questionnaire;  // questionnaire id
  std::string participant;    // pseudonymous id, [A-Za-z0-9_-]+
  std::string name;           // optional display name; only for the participant's own PDF
  std::string cohort;         // optional
  std::string meeting;        // optional: a meeting id of the questionnaire (records.hpp resolve_meeting)
  std::map<std::string, Answer> values;  // answered items only, by item id

  const Answer* find(const std::string& item_id) const;
};

// The option values `a` chose for `item`: {a.text} for a choice, else a.choices (a multi's
// options, in the order written). Every place that asks "which options were chosen".
std::vector<std::string> chosen_options(const Item& item, const Answer& a);

// Bounds on what one answers file may hold, so that no input can take unbounded time or
// memory (a real one is a few KB: a long career, a page of free text).
inline constexpr size_t kMaxAnswersBytes = 16'000'000;
inline constexpr size_t kMaxTextChars = 20'000;
inline constexpr size_t kMaxTextLines = 100;
inline constexpr size_t kMaxEpisodes = 200;


// True when `id` is a valid participant id: [A-Za-z0-9_-]+, 1 to 64 bytes (also the rule for
// an id-like key that a message may name).
bool valid_participant_id(std::string_view id);
// True when `id` is not a valid id but its half_width() form is: an id written in full-width
// characters (ｐ０３), refused, never silently converted (FORMAT.md).
bool full_width_id(std::string_view id);
// Why `id`, not a valid id, is refused: that it is written in full-width characters (半角 is
// asked; the value itself is never named: it comes from an answers file), or which characters
// an id may use.
std::string id_problem(std::string_view id);

// Reads answers from `text`; `file` names it in diagnostics.
Answers parse_answers(const Questionnaire& q, std::string_view text, const std::string& file,
                      Diagnostics& diags);
// Reads the answers file at `path` (an unreadable file is an error diagnostic).
Answers load_answers(const Questionnaire& q, const std::string& path, Diagnostics& diags);

// Checks that participant ids are unique within a batch, per meeting and part: a person's
// answers to different meetings, or different parts of one meeting, may come together (the
// parts of a file: those it answers an item of, records.hpp); a repeated id is an error on
// every file after the first that uses it for the same meeting and part. `seen` (key -> first
// file) carries the ids of earlier batches when a long list of files is read batch by batch.
void check_unique_participants(const Questionnaire& q, std::span<const Answers> batch, Diagnostics& diags,
                               std::map<std::string, std::string>& seen);
void check_unique_participants(const Questionnaire& q, std::span<const Answers> batch, Diagnostics& diags);

}  // namespace careermap
