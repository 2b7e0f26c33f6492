// Private to the engine: reading a questionnaire's `parts:` and `meetings:` keys
// (questionnaires/FORMAT.md "Parts and meetings"). Called by the questionnaire's loader after
// its sections and items are read; every bad reference is an error at its line and column,
// and the questionnaire then has the implicit parts and meetings in its place.
#pragma once

#include <string>

#include "engine/diagnostic.hpp"
#include "engine/questionnaire.hpp"
#include "yaml_read.hpp"

namespace careermap {

// Reads root["parts"] and root["meetings"] into q.parts, q.meetings and every item's part.
void read_parts_and_meetings(const YAML::Node& root, const std::string& file, Questionnaire& q,
                             Diagnostics& diags);

}  // namespace careermap
