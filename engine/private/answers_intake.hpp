// Private to the engine: the answers intake over a YAML node, for callers that build
// the node themselves (the CSV intake). In engine/private/: only the engine (and
// its tests) has it on the include path, and tests/house/boundaries.sh checks no one else names it.
#pragma once

#include <yaml-cpp/yaml.h>

#include "engine/answers.hpp"

namespace careermap {

// Reads answers from `root` (an answers document), checking them against `q`.
Answers read_answers_node(const Questionnaire& q, const YAML::Node& root, const std::string& file,
                          Diagnostics& diags);

// parse_answers as it was before the light tree (yaml_doc.hpp): yaml::parse's nodes read by
// the same intake. The tests compare the two.
Answers parse_answers_with_nodes(const Questionnaire& q, std::string_view text, const std::string& file,
                                 Diagnostics& diags);

}  // namespace careermap
