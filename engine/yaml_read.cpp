#include "engine/yaml_read.hpp"

#include "engine/files.hpp"

#include <cerrno>
#include <charconv>
#include <cmath>
#include <cstring>

namespace careermap::yaml {

Location at(const YAML::Node& node, const std::string& file) {
  if (!node.IsDefined()) return {file, 0, 0};  // a missing key has no place (and Mark() would throw)
  const YAML::Mark m = node.Mark();
  if (m.is_null()) return {file, 0, 0};
  return {file, m.line + 1, m.column + 1};
}

void rethrow(const std::string& file) {
  try {
    throw;
  } catch (const YAML::Exception& e) {
    Location where{file, 0, 0};
    if (!e.mark.is_null()) where = {file, e.mark.line + 1, e.mark.column + 1};
    throw Error(where, "", "unexpected YAML: " + e.msg);
  }
}

YAML::Node parse(std::string_view text, const std::string& file) {
  try {
    return YAML::Load(std::string(text));
  } catch (const YAML::Exception& e) {
    Location where{file, 0, 0};
    if (!e.mark.is_null()) where = {file, e.mark.line + 1, e.mark.column + 1};
    throw Error(where, "", "malformed YAML: " + e.msg);
  }
}

std::string read_file(const std::string& path) { return careermap::read_file(path); }

std::string kind_of(const YAML::Node& node) {
  if (!node.IsDefined()) return "nothing";
  switch (node.Type()) {
    case YAML::NodeType::Map: return "a map";
    case YAML::NodeType::Sequence: return "a list";
    case YAML::NodeType::Scalar: return "text";
    default: return "nothing";
  }
}

std::optional<std::string> scalar(const YAML::Node& node, const std::string& file,
                                  const std::string& item, Diagnostics& diags) {
  if (node.IsScalar()) return node.Scalar();
  diags.error(at(node, file), item, "expected text, got " + kind_of(node));
  return std::nullopt;
}

std::optional<double> to_number(const std::string& raw) {
  std::string_view s = raw;
  while (!s.empty() && s.front() == ' ') s.remove_prefix(1);
  while (!s.empty() && s.back() == ' ') s.remove_suffix(1);
  if (!s.empty() && s.front() == '+') s.remove_prefix(1);
  if (s.empty()) return std::nullopt;
  double v = 0;
  auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (ec != std::errc() || end != s.data() + s.size() || !std::isfinite(v)) return std::nullopt;
  return v;
}

std::optional<double> number(const YAML::Node& node, const std::string& file,
                             const std::string& item, Diagnostics& diags) {
  if (node.IsScalar()) {
    if (auto v = to_number(node.Scalar())) return v;
    diags.error(at(node, file), item, "expected a number, got \"" + node.Scalar() + "\"");
    return std::nullopt;
  }
  diags.error(at(node, file), item, "expected a number, got " + kind_of(node));
  return std::nullopt;
}

LocalText local_text(const YAML::Node& node, const std::string& file, const std::string& item,
                     Diagnostics& diags) {
  LocalText t;
  if (node.IsScalar()) {
    t.ja = t.en = node.Scalar();
  } else if (node.IsMap()) {
    if (node["ja"]) t.ja = scalar(node["ja"], file, item, diags).value_or("");
    if (node["en"]) t.en = scalar(node["en"], file, item, diags).value_or("");
    warn_unknown_keys(node, {"ja", "en"}, file, item, diags);
    if (t.empty()) diags.error(at(node, file), item, "text needs ja or en");
  } else {
    diags.error(at(node, file), item, "expected text or {ja, en}, got " + kind_of(node));
  }
  return t;
}

void warn_unknown_keys(const YAML::Node& node, std::initializer_list<std::string_view> known,
                       const std::string& file, const std::string& item, Diagnostics& diags) {
  if (!node.IsMap()) return;
  for (const auto& kv : node) {
    const std::string key = kv.first.Scalar();
    bool ok = false;
    for (auto k : known) ok = ok || key == k;
    if (!ok) diags.warning(at(kv.first, file), item, "unknown key '" + key + "' is ignored");
  }
}

}  // namespace careermap::yaml
