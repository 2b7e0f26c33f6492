// Scoring and placement: from a batch of answers to each participant's scene scores,
// current scene, centroid, next steps and career path (DESIGN.md "Scoring rules",
// questionnaires/FORMAT.md "Scoring").
//
// The whole batch is scored at once as matrices (Eigen, inside scoring.cpp). Scoring
// never guesses: a scene with fewer answered items than the questionnaire's minimum has
// no score. Pure functions of their inputs; safe to call from several threads.
#pragma once

#include <optional>
#include <span>
#include <string>
#include <vector>

#include "engine/answers.hpp"
#include "engine/questionnaire.hpp"

namespace careermap {

struct SceneScore {
  int scene = 0;                 // model scene index (number - 1)
  std::optional<double> score;   // 0..100, or none without enough answers
  std::optional<double> item_part;     // 0..1 weighted mean of answered keyed items
  double episode_evidence = 0;   // role-weighted episodes placed on this scene
  int answered = 0;              // keyed items answered
  int items = 0;                 // keyed items in the questionnaire
};

struct PathStep {
  int order = 0;            // 1-based, in time order
  int written = 0;          // 1-based position in the answers file
  std::string item;         // the episodes item it came from
  std::optional<int> from, to;  // years; no `to` = ongoing
  std::string title;
  std::optional<int> scene;  // model scene index, or none when it could not be placed
  std::string role;          // option value of the role field, or empty
};

struct Placement {
  std::string participant;
  std::vector<SceneScore> scenes;  // in scene number order
  std::optional<int> current;      // scene index with the highest score
  std::optional<double> centroid_stage, centroid_level;  // 1-based indices
  std::vector<int> next_steps;     // scene indices, best first
  std::vector<PathStep> path;      // in time order
  std::vector<std::string> warnings;  // about the placement; never quote free text
};

// Scores every participant of `batch` against `q`. `q` must have loaded without errors.
std::vector<Placement> score(const Questionnaire& q, std::span<const Answers> batch);

}  // namespace careermap
