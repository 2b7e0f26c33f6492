#include "engine/scoring.hpp"

#include <Eigen/Dense>
#include <algorithm>
#include <cmath>
#include <numeric>

namespace careermap {
namespace {

using Matrix = Eigen::MatrixXd;

struct Key {
  std::vector<int> items;  // keyed item indices into q.items
  Matrix weights;          // items x scenes
  Eigen::VectorXd required;  // answered items a scene needs
  Eigen::VectorXd counts;    // keyed items per scene
};

Key build_key(const Questionnaire& q) {
  Key k;
  k.items = q.keyed_items();
  const int S = q.model.scene_count();
  k.weights = Matrix::Zero(static_cast<Eigen::Index>(k.items.size()), S);
  for (size_t i = 0; i < k.items.size(); ++i)
    for (const auto& e : q.items[k.items[i]].key) k.weights(static_cast<Eigen::Index>(i), e.scene) = e.weight;
  k.counts = (k.weights.array() != 0).cast<double>().colwise().sum().transpose();
  k.required = (k.counts * q.scoring.min_answered_share).array().ceil().max(1.0);
  return k;
}

std::optional<int> year(const Episode& e, const Field* f) {
  if (!f) return std::nullopt;
  const std::string* v = e.get(f->id);
  if (!v) return std::nullopt;
  return static_cast<int>(std::lround(std::stod(*v)));
}

// Places the episodes of one participant; adds role-weighted evidence per scene.
std::vector<PathStep> build_path(const Questionnaire& q, const Answers& a, Eigen::Ref<Eigen::RowVectorXd, 0, Eigen::InnerStride<>> evidence,
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
        evidence(*step.scene) += q.scoring.role_weight(step.role);
      } else if (f_stage && f_level) {
        warnings.push_back(item.id + "[" + std::to_string(step.written) + "]: not placed on the matrix: " +
                           (so ? f_level->id : f_stage->id) + " is not answered");
      }
      path.push_back(std::move(step));
    }
  }
  // Time order: from-year, then to-year (ongoing last), then as written.
  std::stable_sort(path.begin(), path.end(), [](const PathStep& x, const PathStep& y) {
    const int fx = x.from.value_or(INT32_MAX), fy = y.from.value_or(INT32_MAX);
    if (fx != fy) return fx < fy;
    const int tx = x.to.value_or(INT32_MAX), ty = y.to.value_or(INT32_MAX);
    return tx < ty;
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
    std::vector<std::string> chosen = ans->choices;
    if (item.type == ItemType::choice) chosen = {ans->text};
    for (const auto& c : chosen) {
      const Option* o = item.find_option(c);
      if (!o) continue;
      if (o->stage && *o->stage == sc.stage) ++n;
      if (o->level && *o->level == sc.level) ++n;
    }
  }
  return n;
}

void place(const Questionnaire& q, const Answers& a, Placement& p) {
  const int S = q.model.scene_count();
  double wsum = 0, stage_sum = 0, level_sum = 0;
  for (int s = 0; s < S; ++s) {
    const SceneScore& sc = p.scenes[s];
    if (!sc.score) continue;
    const SceneScore* best = p.current ? &p.scenes[*p.current] : nullptr;
    if (!best || *sc.score > *best->score + 1e-9 ||
        (std::fabs(*sc.score - *best->score) <= 1e-9 && sc.answered > best->answered))
      p.current = s;
    wsum += *sc.score;
    stage_sum += *sc.score * (q.model.scenes[s].stage + 1);
    level_sum += *sc.score * (q.model.scenes[s].level + 1);
  }
  if (wsum > 0) {
    p.centroid_stage = stage_sum / wsum;
    p.centroid_level = level_sum / wsum;
  }
  if (!p.current) return;
  const Scene& cur = q.model.scenes[*p.current];
  std::vector<int> cand;
  if (cur.stage + 1 < static_cast<int>(q.model.stages.size()))
    cand.push_back(q.model.scene_index(cur.stage + 1, cur.level));
  if (cur.level + 1 < static_cast<int>(q.model.levels.size()))
    cand.push_back(q.model.scene_index(cur.stage, cur.level + 1));
  std::stable_sort(cand.begin(), cand.end(), [&](int x, int y) {
    const int wx = wish_matches(q, a, x), wy = wish_matches(q, a, y);
    if (wx != wy) return wx > wy;
    const double sx = p.scenes[x].score.value_or(-1), sy = p.scenes[y].score.value_or(-1);
    if (sx != sy) return sx > sy;
    return x < y;
  });
  p.next_steps = cand;
}

}  // namespace

std::vector<Placement> score(const Questionnaire& q, std::span<const Answers> batch) {
  const Key key = build_key(q);
  const auto N = static_cast<Eigen::Index>(batch.size());
  const auto I = static_cast<Eigen::Index>(key.items.size());
  const int S = q.model.scene_count();

  // Answers on 0..1 (reversed first) and the mask of what was answered.
  Matrix X = Matrix::Zero(N, I), M = Matrix::Zero(N, I);
  for (Eigen::Index i = 0; i < I; ++i) {
    const Item& item = q.items[key.items[i]];
    const Scale& scale = q.scales[item.scale];
    const double lo = scale.min, span = scale.max - scale.min;
    for (Eigen::Index n = 0; n < N; ++n) {
      const Answer* ans = batch[n].find(item.id);
      if (!ans || !ans->number) continue;
      const double x = item.reverse ? lo + scale.max - *ans->number : *ans->number;
      X(n, i) = (x - lo) / span;
      M(n, i) = 1;
    }
  }
  const Matrix num = X * key.weights;
  const Matrix den = M * key.weights;
  const Matrix answered = M * (key.weights.array() != 0).cast<double>().matrix();

  Matrix evidence = Matrix::Zero(N, S);
  std::vector<Placement> out(batch.size());
  for (Eigen::Index n = 0; n < N; ++n) {
    Placement& p = out[n];
    p.participant = batch[n].participant;
    p.path = build_path(q, batch[n], evidence.row(n), p.warnings);
  }
  const Matrix ep_part = (evidence / q.scoring.episode_full_at).cwiseMin(1.0);
  const double e = q.scoring.episode_weight;

  for (Eigen::Index n = 0; n < N; ++n) {
    Placement& p = out[n];
    const bool has_episodes = evidence.row(n).sum() > 0;
    p.scenes.resize(S);
    for (int s = 0; s < S; ++s) {
      SceneScore& sc = p.scenes[s];
      sc.scene = s;
      sc.items = static_cast<int>(key.counts(s));
      sc.answered = static_cast<int>(answered(n, s));
      sc.episode_evidence = evidence(n, s);
      if (sc.items == 0 || sc.answered < key.required(s) || den(n, s) <= 0) continue;
      sc.item_part = num(n, s) / den(n, s);
      const double part = has_episodes ? (1 - e) * *sc.item_part + e * ep_part(n, s) : *sc.item_part;
      sc.score = 100.0 * part;
    }
    place(q, batch[n], p);
  }
  return out;
}

}  // namespace careermap
