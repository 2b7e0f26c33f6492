// Scoring and placement: from a batch of answers to each participant's picture on the
// matrix: scene scores with the evidence behind each, current scene, frontier, walls
// not yet crossed, centroid, ranked next steps and the career path (questionnaires/FORMAT.md
// "Scoring").
//
// The numbers come from score_batch() (matrix algebra over the whole batch); this layer
// adds what needs each participant's own answers: the path, the evidence lists, the
// wishes that rank the next steps. Never guesses: a scene without enough answers has no
// score. Pure functions of their inputs; safe to call from several threads.
#pragma once

#include <optional>
#include <span>
#include <string>
#include <vector>

#include "engine/answers.hpp"
#include "engine/questionnaire.hpp"
#include "engine/responses.hpp"

namespace careermap {

// One item or episode behind a scene's score, and how many of the score's points it gave.
struct Contribution {
  enum class Kind { item, episode } kind = Kind::item;
  std::string item;        // item id (for an episode: the episodes item's id)
  int episode = 0;         // for an episode: its number on the path (time order)
  double answer = 0;       // for an item: the raw answer, before reversal
  double points = 0;       // share of the scene score (0..100); contributions sum to the score
};

struct SceneScore {
  int scene = 0;                      // model scene index (number - 1)
  std::optional<double> score;        // 0..100, or none without enough answers
  std::optional<Fraction> exact;      // the same score exactly (keyed.hpp scene_score), for comparing
  std::optional<double> item_part;    // 0..1 weighted mean of answered keyed items
  double episode_evidence = 0;        // role-weighted episodes placed on this scene
  int answered = 0;                   // keyed items answered
  int items = 0;                      // keyed items in the questionnaire
  int required = 0;                   // answered items needed for a score
  std::vector<Contribution> evidence;  // largest contribution first
};

struct PathStep {
  int order = 0;                // 1-based, in time order
  int written = 0;              // 1-based position in the answers file
  std::string item;             // the episodes item it came from
  std::optional<int> from, to;  // years; no `to` = ongoing
  std::string title;
  std::optional<int> scene;     // model scene index, or none when it could not be placed
  std::string role;             // option value of the role field, or empty
};

struct Placement {
  std::string participant;
  std::vector<SceneScore> scenes;  // in scene number order
  std::optional<int> current;      // scene index with the highest score
  std::optional<int> frontier_stage, frontier_level;  // widest stage, deepest level with evidence
  std::vector<int> walls_ahead;    // indices into Model::walls not yet crossed
  std::optional<double> centroid_stage, centroid_level;  // 1-based indices
  std::vector<int> next_steps;     // scene indices, best first
  std::vector<PathStep> path;      // in time order
  std::vector<std::string> warnings;  // about the placement; never quote free text
};

// Scores every participant of `batch` against `q`. `q` must have loaded without errors.
// Without `explain`, the scenes' evidence lists stay empty (for aggregates over many people).
// `responses`, when given, gets the batch's keyed answers as scored (collect_responses).
std::vector<Placement> score(const Questionnaire& q, std::span<const Answers> batch, bool explain = true,
                             ItemResponses* responses = nullptr);

}  // namespace careermap
