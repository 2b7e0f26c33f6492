// Writing answers back out as an answers YAML file (FORMAT.md "Answers file"): used
// to convert other inputs, to export an archive and to write synthetic cohorts.
// Items in questionnaire order; reading the text back gives the same Answers.
#pragma once

#include <string>

#include "engine/answers.hpp"
#include "engine/questionnaire.hpp"

namespace careermap {

std::string answers_to_yaml(const Questionnaire& q, const Answers& a);

}  // namespace careermap
