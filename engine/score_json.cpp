#include "engine/score_json.hpp"

#include "engine/json.hpp"

namespace careermap {
namespace {

std::string evidence_json(const SceneScore& sc) {
  std::string o = "[";
  for (size_t k = 0; k < sc.evidence.size(); ++k) {
    const Contribution& c = sc.evidence[k];
    o += k ? ", " : "";
    if (c.kind == Contribution::Kind::item)
      o += "{\"item\": " + json::quote(c.item) + ", \"answer\": " + json::number(c.answer) +
           ", \"points\": " + json::number(c.points, 2) + "}";
    else
      o += "{\"episode\": " + std::to_string(c.episode) + ", \"points\": " + json::number(c.points, 2) + "}";
  }
  return o + "]";
}

}  // namespace

std::string score_json(const Questionnaire& q, std::span<const Placement> placements,
                       std::span<const std::string> meetings) {
  using json::number;
  using json::quote;
  const Model& m = q.model;
  const auto scene_id = [&](int s) { return quote(m.scenes[s].id); };
  std::string o = "{\"questionnaire\": " + quote(q.id) + ",\n \"participants\": [";
  for (size_t i = 0; i < placements.size(); ++i) {
    const Placement& p = placements[i];
    o += i ? ",\n  {" : "\n  {";
    o += "\"id\": " + quote(p.participant);
    if (i < meetings.size() && !meetings[i].empty()) o += ", \"meeting\": " + quote(meetings[i]);
    o += ",\n   \"scenes\": [";
    for (size_t s = 0; s < p.scenes.size(); ++s) {
      const SceneScore& sc = p.scenes[s];
      o += s ? ",\n     " : "\n     ";
      o += "{\"id\": " + scene_id(sc.scene) + ", \"number\": " + std::to_string(sc.scene + 1) +
           ", \"score\": " + number(sc.score, 2) + ", \"answered\": " + std::to_string(sc.answered) +
           ", \"items\": " + std::to_string(sc.items) + ", \"needs\": " + std::to_string(sc.required) +
           ", \"episodes\": " + number(sc.episode_evidence, 4) + ",\n      \"evidence\": " + evidence_json(sc) + "}";
    }
    o += "],\n   \"current\": " + (p.current ? scene_id(*p.current) : std::string("null"));
    o += ",\n   \"frontier\": ";
    o += p.frontier_stage ? "{\"stage\": " + quote(m.stages[*p.frontier_stage].id) +
                                ", \"level\": " + quote(m.levels[*p.frontier_level].id) + "}"
                          : std::string("null");
    o += ",\n   \"walls_ahead\": [";
    for (size_t k = 0; k < p.walls_ahead.size(); ++k) {
      const Wall& w = m.walls[p.walls_ahead[k]];
      const bool outer = w.inner + 1 >= static_cast<int>(m.stages.size());
      o += (k ? ", " : "") + std::string("{\"after\": ") + quote(m.stages[w.inner].id) +
           ", \"before\": " + (outer ? std::string("null") : quote(m.stages[w.inner + 1].id)) + "}";
    }
    o += "],\n   \"centroid\": ";
    o += p.centroid_stage ? "{\"stage\": " + number(p.centroid_stage, 3) +
                                ", \"level\": " + number(p.centroid_level, 3) + "}"
                          : std::string("null");
    o += ",\n   \"next_steps\": [";
    for (size_t k = 0; k < p.next_steps.size(); ++k) o += (k ? ", " : "") + scene_id(p.next_steps[k]);
    o += "],\n   \"path\": [";
    for (size_t k = 0; k < p.path.size(); ++k) {
      const PathStep& st = p.path[k];
      o += k ? ",\n     " : "\n     ";
      o += "{\"from\": " + (st.from ? std::to_string(*st.from) : "null") +
           ", \"to\": " + (st.to ? std::to_string(*st.to) : "null") + ", \"title\": " + quote(st.title) +
           ", \"scene\": " + (st.scene ? scene_id(*st.scene) : "null") + ", \"role\": " +
           (st.role.empty() ? std::string("null") : quote(st.role)) + "}";
    }
    o += "],\n   \"warnings\": [";
    for (size_t k = 0; k < p.warnings.size(); ++k) o += (k ? ", " : "") + quote(p.warnings[k]);
    o += "]}";
  }
  o += "]}\n";
  return o;
}

}  // namespace careermap
