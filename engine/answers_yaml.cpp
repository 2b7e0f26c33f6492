#include "engine/answers_yaml.hpp"

#include <yaml-cpp/yaml.h>

#include <cmath>

namespace careermap {
namespace {

void emit_scalar(YAML::Emitter& out, const std::string& s, ItemType type) {
  if (type == ItemType::number || type == ItemType::likert) out << s;
  else out << YAML::DoubleQuoted << s;
}

std::string number_text(double v) {
  if (v == std::floor(v) && std::fabs(v) < 1e15) return std::to_string(static_cast<long long>(v));
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.17g", v);
  return buf;
}

}  // namespace

std::string answers_to_yaml(const Questionnaire& q, const Answers& a) {
  YAML::Emitter out;
  out.SetIndent(2);
  out << YAML::BeginMap;
  out << YAML::Key << "questionnaire" << YAML::Value << q.id;
  out << YAML::Key << "participant" << YAML::Value << YAML::DoubleQuoted << a.participant;
  if (!a.name.empty()) out << YAML::Key << "name" << YAML::Value << YAML::DoubleQuoted << a.name;
  if (!a.cohort.empty()) out << YAML::Key << "cohort" << YAML::Value << YAML::DoubleQuoted << a.cohort;
  if (!a.session.empty()) out << YAML::Key << "session" << YAML::Value << YAML::DoubleQuoted << a.session;
  out << YAML::Key << "answers" << YAML::Value << YAML::BeginMap;
  for (const auto& item : q.items) {
    const Answer* ans = a.find(item.id);
    if (!ans) continue;
    out << YAML::Key << item.id << YAML::Value;
    switch (item.type) {
      case ItemType::likert:
      case ItemType::number: out << number_text(*ans->number); break;
      case ItemType::choice:
      case ItemType::text: out << YAML::DoubleQuoted << ans->text; break;
      case ItemType::multi:
        out << YAML::Flow << YAML::BeginSeq;
        for (const auto& c : ans->choices) out << YAML::DoubleQuoted << c;
        out << YAML::EndSeq;
        break;
      case ItemType::episodes:
        out << YAML::BeginSeq;
        for (const auto& e : ans->episodes) {
          out << YAML::BeginMap;
          for (const auto& f : item.fields)
            if (const std::string* v = e.get(f.id)) {
              out << YAML::Key << f.id << YAML::Value;
              emit_scalar(out, *v, f.type);
            }
          out << YAML::EndMap;
        }
        out << YAML::EndSeq;
        break;
    }
  }
  out << YAML::EndMap << YAML::EndMap;
  return std::string(out.c_str()) + "\n";
}

std::string yaml_quoted(std::string_view s) {
  YAML::Emitter out;
  out << YAML::DoubleQuoted << std::string(s);
  return out.c_str();
}

}  // namespace careermap
