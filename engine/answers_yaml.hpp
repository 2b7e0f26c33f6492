// Writing answers back out as an answers YAML file (FORMAT.md "Answers file"): used
// to convert CSV rows (`convert`, and `import`, which stores a row as the answers file it
// became), to export an archive and to write synthetic cohorts. Items in questionnaire
// order; every text is written double-quoted by yaml-cpp's emitter (line breaks, CR,
// leading spaces and quotes escaped), so reading the text back gives the same Answers,
// byte for byte. Never fails.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "engine/answers.hpp"
#include "engine/questionnaire.hpp"

namespace careermap {

std::string answers_to_yaml(const Questionnaire& q, const Answers& a);
// The same text, and in `back` the Answers that parse_answers(q, text, file) gives for it,
// without parsing it (the import stores a CSV row's answers so): valid answers of `q` read
// back as the same values, at the places of the text. `back` is empty where a value is not
// one the intake gives (then parse the text).
std::string answers_to_yaml(const Questionnaire& q, const Answers& a, std::optional<Answers>& back,
                            const std::string& file);

// `s` as one double-quoted YAML scalar ("..."), for other YAML careermap writes (mappings).
std::string yaml_quoted(std::string_view s);

}  // namespace careermap
