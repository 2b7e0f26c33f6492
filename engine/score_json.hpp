// The JSON of `careermap score --format json` (DESIGN.md): one object for a batch.
#pragma once

#include <span>
#include <string>

#include "engine/questionnaire.hpp"
#include "engine/scoring.hpp"

namespace careermap {

// Placements as JSON, scenes in number order, path in time order; ends with a newline.
std::string score_json(const Questionnaire& q, std::span<const Placement> placements);

}  // namespace careermap
