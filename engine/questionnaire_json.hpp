// A loaded questionnaire as JSON, for the HTML form page's script: what it asks and the rules
// its answers must keep (types, options, scales, ranges, required marks, episode fields and
// their uses, the intake's bounds). No scoring key and no scoring settings: the page shows no
// score. Byte-stable; never fails.
//
// With `part`, the JSON of the page of that one part (`careermap form --html --part P`): only
// the items of that part; the scales, sections and parts stay whole, so that every index holds
// and the page names the parts as validate does.
#pragma once

#include <optional>
#include <string>

#include "engine/questionnaire.hpp"

namespace careermap {

// `part`: an index into q.parts (as Questionnaire::find_part gives it), or none for every item.
std::string questionnaire_json(const Questionnaire& q, std::optional<int> part = std::nullopt);

}  // namespace careermap
