// Fictional answers for any questionnaire, deterministic from a seed: for the synthetic
// cohort generator and the benchmarks. Each person gets a random "home" on the matrix;
// answers lean toward the scenes near it, so scores spread as real cohorts would.
#pragma once

#include <cstdint>
#include <random>
#include <string>

#include "engine/answers.hpp"
#include "engine/questionnaire.hpp"
#include "engine/responses.hpp"

namespace careermap::synthetic {

// One participant's answers to every item (episodes included when `episodes` is true).
Answers answers(const Questionnaire& q, const std::string& id, std::mt19937_64& rng, bool episodes = true);

// Only the keyed answers of `rows` people, straight into the scoring table (about 5% blank).
ItemResponses responses(const Questionnaire& q, size_t rows, uint64_t seed);

// A questionnaire of `per_scene` likert items for every scene of `model` (every third
// item reversed); for benchmarks.
std::string questionnaire_yaml(const Model& model, int per_scene);

}  // namespace careermap::synthetic
