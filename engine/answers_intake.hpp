// Private to the engine: the answers intake over a YAML node, for callers that build
// the node themselves (the CSV intake). Only engine .cpp files include this header.
#pragma once

#include <yaml-cpp/yaml.h>

#include "engine/answers.hpp"

namespace careermap {

// Reads answers from `root` (an answers document), checking them against `q`.
Answers read_answers_node(const Questionnaire& q, const YAML::Node& root, const std::string& file,
                          Diagnostics& diags);

}  // namespace careermap
