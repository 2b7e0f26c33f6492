// The content model of a participant's career map: every text and number the PDF
// shows, decided here and tested without drawing (STYLE.md practice 9).
//
// Built from the questionnaire (model labels), the participant's answers (name, cohort),
// the placement (scores, current scene, next steps, path) and the templates (every
// sentence, in the chosen language). Plain values; build is a pure function.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "engine/answers.hpp"
#include "engine/questionnaire.hpp"
#include "engine/scoring.hpp"
#include "engine/templates.hpp"
#include "engine/text.hpp"

namespace careermap {

struct MapCell {
  int scene = 0, number = 0, stage = 0, level = 0;
  std::string label;             // the scene's label
  std::string number_text;       // "場面3" / "Scene 3"
  std::optional<double> score;   // 0..100 or none
  std::string score_text;        // "62", or the no-score text
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

struct CareerMapContent {
  Lang lang = Lang::ja;
  std::string title, subject;     // document title and subject
  std::string participant;        // "架空 花子 さん" or the id
  std::string questionnaire;      // questionnaire title
  std::string cohort;             // "2026期", or empty
  std::string date;               // YYYY-MM-DD
  std::string date_line;          // "作成日 2026-05-10"
  std::string page_pattern;       // with {page} and {pages}

  int stage_count = 0, level_count = 0;
  std::vector<std::string> stage_labels;  // nearest first
  std::vector<std::string> level_labels;  // shallowest first
  std::vector<std::string> wall_labels;   // per stage: the wall after it, or empty
  std::vector<MapCell> cells;             // in scene number order
  std::string axis_stage, axis_level;
  std::string legend_score, legend_current, legend_next, no_score;

  std::string path_heading, path_empty, not_placed;
  std::vector<MapEpisode> path;
  std::string note;
};

// Throws Error when a template the report needs is missing.
CareerMapContent build_career_map(const Questionnaire& q, const Answers& answers,
                                  const Placement& placement, const Templates& templates,
                                  Lang lang, const std::string& date);

}  // namespace careermap
