// The comparison of the last-meeting map in words and numbers to draw: the content model
// of the comparison page (issue 14), built from engine/comparison.hpp's Comparison.
//
// Every sentence comes from templates/careermap.yaml under `comparison:`, chosen by the
// rules written there and in FORMAT.md ("Templates"): one for the stage of the frontier,
// one for its level (or one for the frontier as a whole when a side has none), one for
// the current scene, one per wall crossed and per wall ahead again, and one each for the
// scenes newly reached and no longer reached. A more specific key wins over the general
// one (`comparison.stage.wider.workplace.cityhall` over `comparison.stage.wider`). The
// sentences describe; none grades. Throws Error when a template it needs is missing.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "engine/comparison.hpp"
#include "engine/questionnaire.hpp"
#include "engine/templates.hpp"
#include "engine/text.hpp"

namespace careermap {

struct ComparisonCell {
  int scene = 0, stage = 0, level = 0;
  std::string label, number_text;
  std::optional<double> then, now;  // 0..100, or none (drawn as ComparisonContent::no_score)
  // The change of the rounded scores shown, so that the numbers on the page add up; none
  // when a side has no score.
  std::optional<int> change;
  bool current_then = false, current_now = false;
};

struct ComparisonSentence {
  std::string key;     // the template it came from
  std::string text;
  std::string reason;  // the facts behind it, for the navigator
};

struct ComparisonContent {
  std::string heading, intro;
  std::string then_name, now_name;  // the two meetings ("前回", "今回", or their names)
  std::string legend_then_current, legend_now_current, legend_then_reach, legend_now_reach, legend_wall_crossed,
      legend_scores;
  std::string tag_then, tag_now;  // the short marks on the current scenes ("前回", "今回")
  std::string no_score;
  std::vector<ComparisonCell> cells;  // in scene number order
  std::optional<int> then_frontier_stage, then_frontier_level, now_frontier_stage, now_frontier_level;
  std::vector<bool> wall_crossed;     // per stage: the wall after it was crossed since
  std::vector<ComparisonSentence> sentences;
};

// `then_name` / `now_name` name the meetings in the text; empty gives the templates'
// comparison.then / comparison.now ("前回" / "今回").
ComparisonContent build_comparison(const Questionnaire& q, const Comparison& c, const Templates& t, Lang lang,
                                   const std::string& then_name = "", const std::string& now_name = "");

}  // namespace careermap
