// The JSON of `careermap score --format json` (docs/OUTPUTS.md): one object for a batch.
#pragma once

#include <span>
#include <string>

#include "engine/questionnaire.hpp"
#include "engine/scoring.hpp"

namespace careermap {

// Placements as JSON, scenes in number order, path in time order; ends with a newline.
// `meetings[i]`, when given and not empty, is the meeting of placements[i] (a participant's
// records of several meetings are told apart by it: "meeting": "m5" after the id).
std::string score_json(const Questionnaire& q, std::span<const Placement> placements,
                       std::span<const std::string> meetings = {});

}  // namespace careermap
