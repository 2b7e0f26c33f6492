// The content model of a participant's career map: every text and number the PDF
// shows, decided here and tested without drawing (docs/HACKING.md, practice 6).
//
// Built from the questionnaire (model labels, which items are the participant's own
// words), the answers, the placement and the templates (every sentence, in the chosen
// language). The participant's own words are kept exactly as written, except that a
// character the font cannot draw (outside Unicode's basic plane) becomes 〓 and is
// listed in `warnings`. Plain values; build is a pure function.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "engine/answers.hpp"
#include "engine/questionnaire.hpp"
#include "engine/scoring.hpp"
#include "engine/templates.hpp"
#include "engine/text.hpp"
#include "reports/comparison.hpp"
#include "reports/next_step.hpp"

namespace careermap {

struct MapCell {
  int scene = 0, number = 0, stage = 0, level = 0;
  std::string label;             // the scene's label
  std::string number_text;       // "場面3" / "Scene 3"
  std::optional<double> score;   // 0..100 or none (drawn as CareerMapContent::no_score)
  bool current = false;
  bool next_step = false;
};

struct MapEpisode {
  int order = 0;                 // number drawn on the map, time order
  std::optional<int> scene;      // where it is drawn; none = not placed
  std::string years;             // "2019–2021", "2022–継続中"
  std::string title;             // as the participant wrote it
  std::string role;              // the role's label
};

struct Strength {
  int scene = 0;
  std::string label;
  double score = 0;  // 0..100
  std::string sentence;
};

struct WallNote {
  std::string label, sentence;
};

struct Checklist {
  std::string heading;  // the item's question
  std::vector<std::pair<std::string, bool>> entries;  // option label, chosen
};

struct OwnWords {
  std::string heading;  // the item's question, or the episode's title
  std::string text;     // as written, or the "not answered" text
  bool answered = false;
};

struct Prompt {
  std::string text;
  std::string reason;  // why it was chosen, for the navigator
};

// A character of the participant's words that the font cannot draw.
struct TextWarning {
  std::string field;  // "name", an item id, "episodes[2].title"
  char32_t code = 0;
};

struct CareerMapContent {
  Lang lang = Lang::ja;
  std::string title, subject;     // document title and subject
  std::string participant;        // "架空 花子 さん" or the id
  std::string questionnaire;      // the line under the title: questionnaire, or meeting and parts
  std::string cohort;             // "2026期", or empty
  std::string date;               // YYYY-MM-DD
  std::string date_line;          // "作成日 2026-05-10"
  std::string page_pattern;       // with {page} and {pages}
  std::string continued;          // heading suffix on continuation pages

  // Map page.
  int stage_count = 0, level_count = 0;
  std::vector<std::string> stage_labels;  // nearest first
  std::vector<std::string> level_labels;  // shallowest first
  std::vector<std::string> wall_labels;   // per stage: the wall after it, or empty
  std::vector<MapCell> cells;             // in scene number order
  std::optional<int> frontier_stage, frontier_level;
  std::string axis_stage, axis_level;
  std::string legend_score, legend_current, legend_next, legend_frontier, legend_path, no_score;
  std::string path_heading, path_empty, not_placed;
  std::vector<MapEpisode> path;
  std::string note;

  // The comparison page, on a later meeting's map when the person has answers from an
  // earlier one (set by the caller: build_comparison).
  std::optional<ComparisonContent> comparison;

  // Profile pages.
  std::string profile_heading;
  std::string strengths_heading, no_strengths;
  std::vector<Strength> strengths;        // highest first
  std::string walls_heading, no_walls;
  std::vector<WallNote> walls;
  std::vector<Checklist> checklists;
  std::string own_words_heading;
  std::vector<OwnWords> own_words;        // answered text items marked report: own_words
  std::string outcomes_heading;
  std::vector<OwnWords> outcomes;         // episodes' outcomes, in path order

  // Interview sheet.
  std::string interview_heading, interview_intro, notes_heading;
  std::vector<Prompt> prompts;

  // The next-step sheet (the last page), when the map shows it.
  std::optional<NextStepSheet> next_step;

  std::vector<TextWarning> warnings;
};

// Throws Error when a template the report needs is missing.
CareerMapContent build_career_map(const Questionnaire& q, const Answers& answers,
                                  const Placement& placement, const Templates& templates,
                                  Lang lang, const std::string& date);

}  // namespace careermap
