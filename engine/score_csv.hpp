// The CSV of `careermap score --format csv`: one row per participant, one column per
// scene (by id, in number order), for the NPO office's spreadsheet. UTF-8 with BOM.
#pragma once

#include <span>
#include <string>

#include "engine/answers.hpp"
#include "engine/questionnaire.hpp"
#include "engine/scoring.hpp"

namespace careermap {

// `answers[i]` belongs to `placements[i]` (cohort and session columns).
std::string score_csv(const Questionnaire& q, std::span<const Answers> answers,
                      std::span<const Placement> placements);

}  // namespace careermap
