// Private to the engine: reading yaml-cpp nodes with locations and turning yaml-cpp's
// exceptions into careermap::Error. In engine/private/: only the engine (and
// its tests) has it on the include path, and tests/house/boundaries.sh checks no one else names it.
#pragma once

#include <yaml-cpp/yaml.h>

#include <optional>
#include <string>
#include <string_view>
#include <utility>

#include "engine/diagnostic.hpp"
#include "engine/text.hpp"

namespace careermap::yaml {

class Ref;  // a node of a light document (yaml_doc.hpp): the helpers below take either

// The location of a node (1-based), in file `file`.
Location at(const YAML::Node& node, const std::string& file);
Location at(const Ref& node, const std::string& file);

// One policy for every YAML input (questionnaire, model, templates, mapping, answers),
// applied to the parser's events in the one pass that builds the nodes (a breach stops
// it there), so that no input can make the loaders take unbounded memory or time, and no
// value silently hides another:
// - the text is UTF-8 without NUL bytes;
// - anchors and aliases (`&a`, `*a`) are refused: a few nested aliases stand for billions
//   of values;
// - at most kMaxYamlDepth nested lists and maps, and at most kMaxYamlNodes values;
// - a key given twice in one map is an error naming both places.
inline constexpr int kMaxYamlDepth = 64;
inline constexpr size_t kMaxYamlNodes = 200'000;

// Parses `text` under that policy; a syntax error or a breach throws Error at its line and
// column. An empty document gives a null node. The nodes, marks and messages are yaml-cpp's
// (its YAML::Load's nodes); plain documents are read by libyaml, which is faster and gives
// the same, anything else by yaml-cpp.
YAML::Node parse(std::string_view text, const std::string& file);
// The two ways `parse` reads, for the tests that compare them: yaml-cpp alone, and libyaml
// alone (nullopt where parse gives way to yaml-cpp: a text that is not plain, one libyaml
// refuses, a breach of the policy).
YAML::Node parse_with_yaml_cpp(std::string_view text, const std::string& file);
std::optional<YAML::Node> parse_plain(std::string_view text, const std::string& file);

// The one place a yaml-cpp exception becomes careermap::Error: at the exception's line and
// column in `file`, "malformed YAML" for the parser's, "unexpected YAML" for a node read
// as what it is not.
Error error_of(const YAML::Exception& e, const std::string& file, bool malformed = false);

// Runs `read` (a loader reading nodes) with yaml-cpp's exceptions turned into Error by
// error_of: every loader's boundary goes through here.
template <class Read>
decltype(auto) guarded(const std::string& file, Read&& read) {
  try {
    return std::forward<Read>(read)();
  } catch (const YAML::Exception& e) {
    throw error_of(e, file);
  }
}

// Reads a whole data file (files.hpp: bounded); throws Error when it cannot.
std::string read_file(const std::string& path);

// A human word for the kind of node: "a map", "a list", "text", "nothing".
std::string kind_of(const YAML::Node& node);
std::string kind_of(const Ref& node);

// Scalar helpers: nullopt (and an error in `diags`) when the node is not of that kind.
std::optional<std::string> scalar(const YAML::Node& node, const std::string& file,
                                  const std::string& item, Diagnostics& diags);
std::optional<std::string> scalar(const Ref& node, const std::string& file, const std::string& item,
                                  Diagnostics& diags);
std::optional<double> number(const YAML::Node& node, const std::string& file,
                             const std::string& item, Diagnostics& diags);
// Parses a scalar as a number without diagnostics.
std::optional<double> to_number(const std::string& s);

// `{ja: ..., en: ...}` or a plain string (used for both languages).
LocalText local_text(const YAML::Node& node, const std::string& file, const std::string& item,
                     Diagnostics& diags);

// Map keys of `node` that are not in `known` are reported as warnings ("unknown key").
void warn_unknown_keys(const YAML::Node& node, std::initializer_list<std::string_view> known,
                       const std::string& file, const std::string& item, Diagnostics& diags);
void warn_unknown_keys(const Ref& node, std::initializer_list<std::string_view> known, const std::string& file,
                       const std::string& item, Diagnostics& diags);

}  // namespace careermap::yaml
