// Batch scoring as matrix algebra: scene scores, current scene and centroid for every
// row of an ItemResponses table at once (DESIGN.md "Scoring rules", FORMAT.md "Scoring").
//
// With X the answers on 0..1 (reversed first, 0 where unanswered), M the answered mask
// and W the key (items x scenes): item part = (X W) / (M W), answered = M (W != 0).
// Rows are processed in blocks, so working memory stays small beside the input and the
// output. A pure function; safe to call from several threads.
#pragma once

#include <cstddef>
#include <span>
#include <vector>

#include "engine/questionnaire.hpp"
#include "engine/responses.hpp"

namespace careermap {

struct BatchScores {
  size_t rows = 0;
  int scenes = 0;
  std::vector<double> item_part;  // rows x scenes, row-major; NaN = too few answers
  std::vector<double> score;      // rows x scenes, row-major, 0..100; NaN = no score
  std::vector<int> answered;      // rows x scenes, row-major: keyed items answered
  std::vector<int> current;       // per row: scene index, or -1 when no scene has a score
  std::vector<double> centroid_stage, centroid_level;  // per row, 1-based; NaN = none
  std::vector<int> keyed_per_scene;   // keyed items of each scene
  std::vector<int> required_per_scene;  // answered items a scene needs for a score
};

// Scores every row. `evidence` is rows x scenes (row-major) role-weighted episodes per
// scene, or empty when there are none. A row with any evidence mixes in the episode part.
BatchScores score_batch(const Questionnaire& q, const ItemResponses& responses,
                        std::span<const double> evidence = {});

}  // namespace careermap
