// Where a person stood at an earlier meeting and where they stand now, in numbers and ids:
// the comparison of the last-meeting map (issue 14; FORMAT.md "Comparison between meetings").
//
// Both meetings are scored from the questionnaire part of their answers only (no episodes
// of the career-map worksheet), so that filling the worksheet between two meetings never
// shows as a change. Each side's standing follows the scoring rules of FORMAT.md: the
// current scene (rule 5), the reach (the scenes with evidence, rule 10), the frontier
// (its widest stage and deepest level) and the walls not yet crossed. Plain values; a pure
// function of its inputs; safe to call from several threads.
#pragma once

#include <optional>
#include <span>
#include <vector>

#include "engine/answers.hpp"
#include "engine/questionnaire.hpp"

namespace careermap {

// One meeting's standing, from the questionnaire part.
struct Standing {
  std::vector<std::optional<double>> scores;  // per scene in number order, 0..100 or none
  std::optional<int> current;                 // scene index
  std::vector<int> reach;                     // scene indices with evidence, in number order
  std::optional<int> frontier_stage, frontier_level;  // none without any evidence
  std::vector<int> walls_ahead;               // indices into Model::walls, in model order
};

struct SceneChange {
  int scene = 0;                        // scene index
  std::optional<double> then, now;      // the scores, questionnaire part only
  std::optional<double> change;         // now - then, when both have a score
  bool reached_then = false, reached_now = false;
};

struct Comparison {
  Standing then, now;
  std::vector<SceneChange> scenes;  // in number order
  std::vector<int> walls_crossed;   // ahead then, no longer ahead now; model order
  std::vector<int> walls_ahead_again;  // crossed then, ahead again now (the reach narrowed)
  std::vector<int> reach_gained, reach_left;  // scenes reached now and not then, and the reverse
};

// The answers the comparison reads: those of the parts holding scored items
// (Questionnaire::scored_parts, records.hpp answers_of_parts), without any episodes item.
Answers questionnaire_part(const Questionnaire& q, const Answers& answers);

// Compares `earlier` with `later` (answers of one person to `q` at two meetings). `q` must
// have loaded without errors; the answers must be valid for it.
Comparison compare_meetings(const Questionnaire& q, const Answers& earlier, const Answers& later);

// True when the meeting `meeting_id` collects a part holding scored items (a meeting the
// questionnaire does not declare, or none said, counts as collecting every part).
bool collects_scored_part(const Questionnaire& q, const std::string& meeting_id);

// For each answers of `batch`, the index of the same participant's answers at the latest
// meeting before theirs (in the meetings' order, records.hpp meeting_rank: no meeting said comes first), or -1.
// Only meetings that collect a scored part take part: a meeting that collects only the
// worksheet neither gets a comparison (its questionnaire part is the earlier one, unchanged)
// nor serves as the earlier side of one.
std::vector<int> earlier_meetings(const Questionnaire& q, std::span<const Answers> batch);

}  // namespace careermap
