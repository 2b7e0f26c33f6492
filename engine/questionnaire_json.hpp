// A loaded questionnaire as JSON, for the HTML form page's script: what it asks and the rules
// its answers must keep (types, options, scales, ranges, required marks, episode fields and
// their uses, the intake's bounds). No scoring key and no scoring settings: the page shows no
// score. Byte-stable; never fails.
#pragma once

#include <string>

#include "engine/questionnaire.hpp"

namespace careermap {

std::string questionnaire_json(const Questionnaire& q);

}  // namespace careermap
