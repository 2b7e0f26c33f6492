#include "engine/score_csv.hpp"

#include "engine/csv.hpp"
#include "engine/json.hpp"

namespace careermap {

std::string score_csv(const Questionnaire& q, std::span<const Answers> answers,
                      std::span<const Placement> placements) {
  const Model& m = q.model;
  std::vector<std::string> head = {"participant", "cohort", "meeting", "current", "frontier_stage",
                                   "frontier_level", "centroid_stage", "centroid_level", "next_steps"};
  for (const auto& s : m.scenes) head.push_back(s.id);
  head.push_back("episodes");
  std::string out = std::string(csv::kBom) + csv::row(head);
  for (size_t i = 0; i < placements.size(); ++i) {
    const Placement& p = placements[i];
    std::string next;
    for (int s : p.next_steps) next += (next.empty() ? "" : " ") + m.scenes[s].id;
    std::vector<std::string> r = {
        p.participant,
        answers[i].cohort,
        answers[i].meeting,
        p.current ? m.scenes[*p.current].id : "",
        p.frontier_stage ? m.stages[*p.frontier_stage].id : "",
        p.frontier_level ? m.levels[*p.frontier_level].id : "",
        p.centroid_stage ? json::number(*p.centroid_stage, 3) : "",
        p.centroid_level ? json::number(*p.centroid_level, 3) : "",
        next};
    for (const auto& sc : p.scenes) r.push_back(sc.score ? json::number(*sc.score, 2) : "");
    r.push_back(std::to_string(p.path.size()));
    out += csv::row(r);
  }
  return out;
}

}  // namespace careermap
