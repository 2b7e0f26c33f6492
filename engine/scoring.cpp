#include "engine/scoring.hpp"

#include <algorithm>
#include <climits>
#include <cmath>

#include "engine/batch_scores.hpp"
#include "engine/responses.hpp"

namespace careermap {
namespace {

std::optional<int> year(const Episode& e, const Field* f) {
  if (!f) return std::nullopt;
  const std::string* v = e.get(f->id);
  if (!v) return std::nullopt;
  return static_cast<int>(std::lround(std::stod(*v)));
}

// The episodes of one participant in time order; adds each placed episode's role weight
// to `evidence` (one row of scenes).
std::vector<PathStep> build_path(const Questionnaire& q, const Answers& a, std::span<double> evidence,
                                 std::vector<std::string>& warnings) {
  std::vector<PathStep> path;
  for (const auto& item : q.items) {
    if (item.type != ItemType::episodes) continue;
    const Answer* ans = a.find(item.id);
    if (!ans) continue;
    const Field* f_stage = item.field_for(FieldUse::stage);
    const Field* f_level = item.field_for(FieldUse::level);
    const Field* f_role = item.field_for(FieldUse::role);
    const Field* f_title = item.field_for(FieldUse::title);
    int written = 0;
    for (const auto& e : ans->episodes) {
      PathStep step;
      step.written = ++written;
      step.item = item.id;
      step.from = year(e, item.field_for(FieldUse::from_year));
      step.to = year(e, item.field_for(FieldUse::to_year));
      if (f_title && e.get(f_title->id)) step.title = *e.get(f_title->id);
      if (f_role && e.get(f_role->id)) step.role = *e.get(f_role->id);
      const std::string* sv = f_stage ? e.get(f_stage->id) : nullptr;
      const std::string* lv = f_level ? e.get(f_level->id) : nullptr;
      const Option* so = sv ? f_stage->find_option(*sv) : nullptr;
      const Option* lo = lv ? f_level->find_option(*lv) : nullptr;
      if (so && lo && so->stage && lo->level) {
        step.scene = q.model.scene_index(*so->stage, *lo->level);
        evidence[*step.scene] += q.scoring.role_weight(step.role);
      } else if (f_stage && f_level) {
        warnings.push_back(item.id + "[" + std::to_string(step.written) + "]: not placed on the matrix: " +
                           (so ? f_level->id : f_stage->id) + " is not answered");
      }
      path.push_back(std::move(step));
    }
  }
  // Time order: from-year, then to-year (ongoing last), then as written.
  std::stable_sort(path.begin(), path.end(), [](const PathStep& x, const PathStep& y) {
    const int fx = x.from.value_or(INT_MAX), fy = y.from.value_or(INT_MAX);
    if (fx != fy) return fx < fy;
    return x.to.value_or(INT_MAX) < y.to.value_or(INT_MAX);
  });
  for (size_t i = 0; i < path.size(); ++i) path[i].order = static_cast<int>(i) + 1;
  return path;
}

// How many of the participant's wishes (choices whose options name a stage or level,
// outside episodes) point at scene `s`.
int wish_matches(const Questionnaire& q, const Answers& a, int s) {
  const Scene& sc = q.model.scenes[s];
  int n = 0;
  for (const auto& item : q.items) {
    if (item.type != ItemType::choice && item.type != ItemType::multi) continue;
    const Answer* ans = a.find(item.id);
    if (!ans) continue;
    const std::vector<std::string> chosen = item.type == ItemType::choice ? std::vector{ans->text} : ans->choices;
    for (const auto& c : chosen) {
      const Option* o = item.find_option(c);
      if (!o) continue;
      n += (o->stage && *o->stage == sc.stage) + (o->level && *o->level == sc.level);
    }
  }
  return n;
}

// The items and episodes behind scene `sc`'s score, in points that sum to the score.
void explain(const Questionnaire& q, const Answers& a, const std::vector<PathStep>& path, bool has_episodes,
             SceneScore& sc) {
  if (!sc.score) return;
  const double e = has_episodes ? q.scoring.episode_weight : 0.0;
  double den = 0;
  std::vector<std::pair<const Item*, double>> answered;
  for (const auto& item : q.items)
    for (const auto& k : item.key)
      if (k.scene == sc.scene)
        if (const Answer* ans = a.find(item.id); ans && ans->number) {
          den += k.weight;
          answered.push_back({&item, k.weight});
        }
  for (const auto& [item, w] : answered) {
    const Scale& s = q.scales[item->scale];
    const double x = *a.find(item->id)->number;
    const double norm = ((item->reverse ? s.min + s.max - x : x) - s.min) / (s.max - s.min);
    sc.evidence.push_back({Contribution::Kind::item, item->id, 0, x, 100.0 * (1 - e) * w * norm / den});
  }
  if (e > 0) {
    const double scale = std::max(sc.episode_evidence, q.scoring.episode_full_at);
    for (const auto& step : path)
      if (step.scene && *step.scene == sc.scene)
        sc.evidence.push_back({Contribution::Kind::episode, step.item, step.order, 0,
                               100.0 * e * q.scoring.role_weight(step.role) / scale});
  }
  std::stable_sort(sc.evidence.begin(), sc.evidence.end(),
                   [](const Contribution& x, const Contribution& y) { return x.points > y.points + 1e-12; });
}

void place(const Questionnaire& q, const Answers& a, Placement& p) {
  const Model& m = q.model;
  for (const auto& sc : p.scenes) {
    const bool evident = (sc.item_part && *sc.item_part >= q.scoring.evidence_threshold) || sc.episode_evidence > 0;
    if (!evident) continue;
    const Scene& scene = m.scenes[sc.scene];
    p.frontier_stage = std::max(p.frontier_stage.value_or(0), scene.stage);
    p.frontier_level = std::max(p.frontier_level.value_or(0), scene.level);
  }
  for (size_t w = 0; w < m.walls.size(); ++w)
    if (!p.frontier_stage || m.walls[w].inner >= *p.frontier_stage) p.walls_ahead.push_back(static_cast<int>(w));

  if (!p.current) return;
  const Scene& cur = m.scenes[*p.current];
  std::vector<int> cand;
  if (cur.stage + 1 < static_cast<int>(m.stages.size())) cand.push_back(m.scene_index(cur.stage + 1, cur.level));
  if (cur.level + 1 < static_cast<int>(m.levels.size())) cand.push_back(m.scene_index(cur.stage, cur.level + 1));
  std::stable_sort(cand.begin(), cand.end(), [&](int x, int y) {
    const int wx = wish_matches(q, a, x), wy = wish_matches(q, a, y);
    if (wx != wy) return wx > wy;
    const double sx = p.scenes[x].score.value_or(-1), sy = p.scenes[y].score.value_or(-1);
    if (sx != sy) return sx > sy;
    return x < y;
  });
  p.next_steps = cand;
}

std::optional<double> opt(double v) { return std::isnan(v) ? std::nullopt : std::optional<double>(v); }

}  // namespace

std::vector<Placement> score(const Questionnaire& q, std::span<const Answers> batch, bool with_evidence) {
  const size_t N = batch.size();
  const int S = q.model.scene_count();
  std::vector<Placement> out(N);
  std::vector<double> evidence(N * S, 0.0);
  for (size_t n = 0; n < N; ++n) {
    out[n].participant = batch[n].participant;
    out[n].path = build_path(q, batch[n], std::span(evidence).subspan(n * S, S), out[n].warnings);
  }
  const BatchScores bs = score_batch(q, collect_responses(q, batch), evidence);
  for (size_t n = 0; n < N; ++n) {
    Placement& p = out[n];
    bool has_episodes = false;
    for (int s = 0; s < S; ++s) has_episodes = has_episodes || evidence[n * S + s] > 0;
    p.scenes.resize(S);
    for (int s = 0; s < S; ++s) {
      SceneScore& sc = p.scenes[s];
      sc.scene = s;
      sc.score = opt(bs.score[n * S + s]);
      sc.item_part = opt(bs.item_part[n * S + s]);
      sc.answered = bs.answered[n * S + s];
      sc.items = bs.keyed_per_scene[s];
      sc.required = bs.required_per_scene[s];
      sc.episode_evidence = evidence[n * S + s];
      if (with_evidence) explain(q, batch[n], p.path, has_episodes, sc);
    }
    if (bs.current[n] >= 0) p.current = bs.current[n];
    p.centroid_stage = opt(bs.centroid_stage[n]);
    p.centroid_level = opt(bs.centroid_level[n]);
    place(q, batch[n], p);
  }
  return out;
}

}  // namespace careermap
