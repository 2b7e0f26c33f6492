#include "engine/scoring.hpp"

#include <algorithm>
#include <climits>
#include <cmath>

#include "engine/batch_scores.hpp"
#include "engine/keyed.hpp"
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
// (Decimal units) to `evidence` (one row of scenes). Every episode whose stage and level
// are answered is placed, whatever its role weighs.
std::vector<PathStep> build_path(const Questionnaire& q, const Answers& a, std::span<long long> evidence,
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
        evidence[*step.scene] += q.scoring.role_weight(step.role).units;
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
    for (const auto& c : chosen_options(item, *ans)) {
      const Option* o = item.find_option(c);
      if (!o) continue;
      n += (o->stage && *o->stage == sc.stage) + (o->level && *o->level == sc.level);
    }
  }
  return n;
}

// One participant's scenes in exact numbers (keyed.hpp), for the rules that compare.
struct Exact {
  bool mixed = false;                      // placed episodes weigh above 0 in all
  std::span<const long long> num, den, E;  // per scene: item part num / den, role-weighted episodes
};

// The items and episodes behind scene `sc`'s score, in points that sum to the score;
// largest first, equal ones in questionnaire order, then episodes in path order.
void explain(const Questionnaire& q, const ExactKey& key, const ItemResponses& r, size_t row,
             const std::vector<PathStep>& path, const Exact& x, SceneScore& sc) {
  if (!sc.score) return;
  using U = uint128;
  const int s = sc.scene;
  const U unit = Decimal::kUnit, e = q.scoring.episode_weight.units;
  const U den = static_cast<U>(x.den[s]);
  std::vector<std::pair<Contribution, Fraction>> list;
  for (size_t c = 0; c < key.columns; ++c) {
    const float raw = r.at(row, c);
    if (key.den(c, s) == 0 || raw != raw) continue;
    const int answer = static_cast<int>(raw);
    const U part = static_cast<U>(key.num(c, s)) * key.point(c, answer);
    const Fraction f = x.mixed ? Fraction{100 * (unit - e) * part, unit * den} : Fraction{100 * part, den};
    list.push_back({{Contribution::Kind::item, q.items[r.items[c]].id, 0, double(answer), f.value()}, f});
  }
  if (x.mixed) {
    const U scale = static_cast<U>(std::max(x.E[s], q.scoring.episode_full_at.units));
    for (const auto& step : path)
      if (step.scene && *step.scene == s) {
        const Fraction f{100 * e * static_cast<U>(q.scoring.role_weight(step.role).units), unit * scale};
        list.push_back({{Contribution::Kind::episode, step.item, step.order, 0, f.value()}, f});
      }
  }
  std::stable_sort(list.begin(), list.end(), [](const auto& a, const auto& b) { return compare(a.second, b.second) > 0; });
  for (auto& [c, f] : list) sc.evidence.push_back(std::move(c));
}

void place(const Questionnaire& q, const Answers& a, const Exact& x, Placement& p) {
  const Model& m = q.model;
  for (const auto& sc : p.scenes) {
    const int s = sc.scene;
    const bool evident = (sc.score && reaches_threshold(q.scoring, x.num[s], x.den[s])) || x.E[s] > 0;
    if (!evident) continue;
    const Scene& scene = m.scenes[s];
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
  std::stable_sort(cand.begin(), cand.end(), [&](int s, int t) {
    const int ws = wish_matches(q, a, s), wt = wish_matches(q, a, t);
    if (ws != wt) return ws > wt;
    const auto &fs = p.scenes[s].exact, &ft = p.scenes[t].exact;
    if (fs.has_value() != ft.has_value()) return fs.has_value();  // no score last
    if (fs && ft)
      if (const int c = compare(*fs, *ft)) return c > 0;
    return s < t;
  });
  p.next_steps = cand;
}

std::optional<double> opt(double v) { return std::isnan(v) ? std::nullopt : std::optional<double>(v); }

}  // namespace

std::vector<Placement> score(const Questionnaire& q, std::span<const Answers> batch, bool with_evidence,
                             ItemResponses* responses) {
  const size_t N = batch.size();
  const int S = q.model.scene_count();
  std::vector<Placement> out(N);
  std::vector<long long> evidence(N * S, 0);
  for (size_t n = 0; n < N; ++n) {
    out[n].participant = batch[n].participant;
    out[n].path = build_path(q, batch[n], std::span(evidence).subspan(n * S, S), out[n].warnings);
  }
  ItemResponses r = collect_responses(q, batch);
  const ExactKey key = exact_key(q, r.items);
  const BatchScores bs = score_batch(q, r, evidence, /*keep_parts=*/true);
  for (size_t n = 0; n < N; ++n) {
    Placement& p = out[n];
    Exact x;
    x.num = std::span(bs.part_num).subspan(n * S, S);
    x.den = std::span(bs.part_den).subspan(n * S, S);
    x.E = std::span(evidence).subspan(n * S, S);
    for (int s = 0; s < S; ++s) x.mixed = x.mixed || x.E[s] > 0;
    p.scenes.resize(S);
    for (int s = 0; s < S; ++s) {
      SceneScore& sc = p.scenes[s];
      sc.scene = s;
      sc.score = opt(bs.score[n * S + s]);
      sc.item_part = opt(bs.item_part[n * S + s]);
      sc.answered = bs.answered[n * S + s];
      sc.items = bs.keyed_per_scene[s];
      sc.required = bs.required_per_scene[s];
      sc.episode_evidence = Decimal{x.E[s]}.value();
      if (sc.score) sc.exact = scene_score(q.scoring, x.mixed, x.num[s], x.den[s], x.E[s]);
    }
    for (auto& sc : p.scenes)
      if (with_evidence) explain(q, key, r, n, p.path, x, sc);
    if (bs.current[n] >= 0) p.current = bs.current[n];
    p.centroid_stage = opt(bs.centroid_stage[n]);
    p.centroid_level = opt(bs.centroid_level[n]);
    place(q, batch[n], x, p);
  }
  if (responses) *responses = std::move(r);
  return out;
}

}  // namespace careermap
