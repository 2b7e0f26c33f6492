#include "engine/questionnaire_json.hpp"
#include "engine/numbers.hpp"

#include "engine/answers.hpp"
#include "engine/json.hpp"

#include <cstdio>

namespace careermap {
namespace {

std::string text(const LocalText& t) { return "{\"ja\":" + json::quote(t.ja) + ",\"en\":" + json::quote(t.en) + "}"; }

// A range bound, exactly (%.17g reads back as the same double), or null.
std::string bound(const std::optional<double>& v) {
  return v ? num::general(*v, 17) : "null";
}

std::string options(const std::vector<Option>& list) {
  std::string out = "[";
  for (const auto& o : list)
    out += (out.size() > 1 ? "," : "") + std::string("{\"value\":") + json::quote(o.value) + ",\"label\":" + text(o.label) + "}";
  return out + "]";
}

std::string field(const Field& f) {
  return "{\"id\":" + json::quote(f.id) + ",\"type\":" + json::quote(to_string(f.type)) + ",\"label\":" + text(f.label) +
         ",\"required\":" + (f.required ? "true" : "false") + ",\"options\":" + options(f.options) +
         ",\"min\":" + bound(f.min) + ",\"max\":" + bound(f.max) + ",\"use\":" + json::quote(std::string(to_string(f.use))) + "}";
}

}  // namespace

std::string questionnaire_json(const Questionnaire& q, std::optional<int> part) {
  std::string out = "{\"id\":" + json::quote(q.id) + ",\"title\":" + text(q.title) + ",\"limits\":{\"text_chars\":" +
                    std::to_string(kMaxTextChars) + ",\"text_lines\":" + std::to_string(kMaxTextLines) +
                    ",\"episodes\":" + std::to_string(kMaxEpisodes) + "},\"scales\":[";
  for (size_t i = 0; i < q.scales.size(); ++i) {
    const Scale& s = q.scales[i];
    out += (i ? "," : "") + std::string("{\"id\":") + json::quote(s.id) + ",\"min\":" + std::to_string(s.min) +
           ",\"max\":" + std::to_string(s.max) + ",\"labels\":[";
    for (size_t k = 0; k < s.labels.size(); ++k) out += (k ? "," : "") + text(s.labels[k]);
    out += "]}";
  }
  out += "],\"sections\":[";
  for (size_t i = 0; i < q.sections.size(); ++i)
    out += (i ? "," : "") + std::string("{\"id\":") + json::quote(q.sections[i].id) + ",\"title\":" +
           text(q.sections[i].title) + "}";
  out += std::string("],\"parts_declared\":") + (q.parts_declared ? "true" : "false") + ",\"parts\":[";
  for (size_t i = 0; i < q.parts.size(); ++i) {
    out += (i ? "," : "") + std::string("{\"id\":") + json::quote(q.parts[i].id) + ",\"title\":" + text(q.parts[i].title) +
           ",\"sections\":[";
    for (size_t k = 0; k < q.parts[i].sections.size(); ++k) out += (k ? "," : "") + std::to_string(q.parts[i].sections[k]);
    out += "]}";
  }
  out += "],\"items\":[";
  bool first = true;
  for (const Item& it : q.items) {
    if (part && it.part != *part) continue;
    out += (first ? "" : ",") + std::string("{\"id\":") + json::quote(it.id) + ",\"type\":" +
           json::quote(to_string(it.type)) + ",\"section\":" + std::to_string(it.section) +
           ",\"part\":" + std::to_string(it.part) + ",\"text\":" + text(it.text) +
           ",\"required\":" + (it.required ? "true" : "false") + ",\"scale\":" + std::to_string(it.scale) +
           ",\"options\":" + options(it.options) + ",\"min\":" + bound(it.min) + ",\"max\":" + bound(it.max) +
           ",\"fields\":[";
    for (size_t k = 0; k < it.fields.size(); ++k) out += (k ? "," : "") + field(it.fields[k]);
    out += "]}";
    first = false;
  }
  return out + "]}";
}

}  // namespace careermap
