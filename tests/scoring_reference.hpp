// A slow, obviously-correct scorer written from questionnaires/FORMAT.md "Scoring" alone,
// in exact rationals, and a generator of random models, questionnaires and answers
// (as YAML text, so that the real loaders and the real program read them).
//
// Independent of engine/: the reference reads only the generator's own description of a
// case (Spec), never a loaded Questionnaire or anything of the fast scorer. Shared by
// tests/engine/scoring_reference_test.cpp (in process) and the end-to-end test that runs
// `careermap score --format json` on the same cases.
#pragma once

#include <boost/multiprecision/cpp_int.hpp>

#include <algorithm>
#include <map>
#include <optional>
#include <random>
#include <string>
#include <vector>

namespace careermap::reference {

// Exact rationals without expression templates (plain values, as in the text of the rules).
using Q = boost::multiprecision::number<boost::multiprecision::rational_adaptor<boost::multiprecision::cpp_int_backend<>>,
                                        boost::multiprecision::et_off>;

// A decimal of at most 4 places: its exact value and the text written into the YAML.
struct Dec {
  Q value;
  std::string text;
};

struct KeySpec {
  int scene = 0;
  Dec weight;
  bool weight_written = true;  // false: the default 1 (written as a plain scene id or without weight)
};

struct ItemSpec {
  std::string id;
  int scale = 0;  // index into Spec::scales
  bool reverse = false;
  std::vector<KeySpec> key;
};

struct OptionSpec {
  std::string value;
  std::optional<int> stage, level;
};

struct WishSpec {  // a choice or multi item outside episodes
  std::string id;
  bool multi = false;
  std::vector<OptionSpec> options;
};

struct EpisodeAnswer {
  int from = 0;
  std::optional<int> to;
  std::optional<int> stage, level, role;  // option indices; none = unanswered
};

struct Participant {
  std::string id;
  std::map<std::string, int> likert;  // answered items only
  std::map<std::string, std::vector<int>> wishes;  // chosen option indices
  std::vector<EpisodeAnswer> episodes;
};

struct Spec {
  int stages = 0, levels = 0;
  std::vector<int> walls;  // stage index each wall stands after, in model order
  std::vector<std::pair<int, int>> scales;  // min, max
  std::vector<ItemSpec> items;
  std::vector<WishSpec> wishes;
  std::vector<std::optional<Dec>> role_weights;  // per role option; none = not written (1)
  std::optional<Dec> share, episode_weight, full_at, threshold;  // none = default
  std::vector<Participant> people;

  int scenes() const { return stages * levels; }
  int stage_of(int s) const { return s % stages; }
  int level_of(int s) const { return s / stages; }
  std::string scene_id(int s) const { return "l" + std::to_string(level_of(s)) + ".s" + std::to_string(stage_of(s)); }
};

// ---------------------------------------------------------------- the reference scorer

struct Contribution {
  bool episode = false;
  std::string item;  // item id (items)
  int order = 0;     // path position, 1-based (episodes)
  int answer = 0;    // raw answer (items)
  Q points;
};

struct SceneResult {
  int keyed = 0, answered = 0, needed = 0;
  Q E;  // role-weighted episodes placed here
  std::optional<Q> part, score;
  std::vector<Contribution> evidence;
};

struct PathEntry {
  int written = 0;  // 1-based position in the answers
  std::optional<int> scene;
};

struct Result {
  std::vector<SceneResult> scenes;
  std::optional<int> current;
  std::optional<Q> centroid_stage, centroid_level;
  std::optional<int> frontier_stage, frontier_level;
  std::vector<int> walls_ahead;  // indices into Spec::walls
  std::vector<int> next_steps;
  std::vector<PathEntry> path;
};

inline Q ceil_q(const Q& x) {
  using boost::multiprecision::cpp_int;
  const cpp_int n = boost::multiprecision::numerator(x), d = boost::multiprecision::denominator(x);
  cpp_int q = n / d;
  if (q * d < n) q += 1;
  return Q(q);
}

inline Result score_reference(const Spec& sp, const Participant& p) {
  const int S = sp.scenes();
  const Q one(1), hundred(100);
  const Q share = sp.share ? sp.share->value : Q(1, 2);
  const Q ew = sp.episode_weight ? sp.episode_weight->value : Q(1, 4);
  const Q full = sp.full_at ? sp.full_at->value : Q(2);
  const Q threshold = sp.threshold ? sp.threshold->value : Q(3, 4);
  Result r;
  r.scenes.resize(S);

  // Rule 8: the path in time order; episodes placed when stage and level are answered.
  for (size_t k = 0; k < p.episodes.size(); ++k) {
    const EpisodeAnswer& e = p.episodes[k];
    PathEntry pe;
    pe.written = static_cast<int>(k) + 1;
    if (e.stage && e.level) pe.scene = *e.level * sp.stages + *e.stage;
    r.path.push_back(pe);
  }
  auto before = [&](const PathEntry& a, const PathEntry& b) {
    const EpisodeAnswer &x = p.episodes[a.written - 1], &y = p.episodes[b.written - 1];
    if (x.from != y.from) return x.from < y.from;
    if (x.to.has_value() != y.to.has_value()) return x.to.has_value();  // ongoing last
    if (x.to && *x.to != *y.to) return *x.to < *y.to;
    return a.written < b.written;
  };
  std::sort(r.path.begin(), r.path.end(), before);
  auto role_weight = [&](const EpisodeAnswer& e) {
    if (!e.role) return one;  // an episode without a role counts 1
    const auto& w = sp.role_weights[*e.role];
    return w ? w->value : one;
  };
  // Rule 3: E per scene; rule 4: do episodes count at all?
  Q total = 0;
  for (const auto& pe : r.path)
    if (pe.scene) {
      const Q w = role_weight(p.episodes[pe.written - 1]);
      r.scenes[*pe.scene].E += w;
      total += w;
    }
  const bool episodes_count = total > 0;

  // Rules 1, 2, 4 and 9, scene by scene.
  for (int s = 0; s < S; ++s) {
    SceneResult& sc = r.scenes[s];
    Q num = 0, den = 0;
    struct Answered {
      const ItemSpec* item;
      Q weight, norm;
      int raw;
    };
    std::vector<Answered> answered;
    for (const auto& item : sp.items)
      for (const auto& k : item.key) {
        if (k.scene != s) continue;
        sc.keyed++;
        auto a = p.likert.find(item.id);
        if (a == p.likert.end()) continue;
        const auto [mn, mx] = sp.scales[item.scale];
        const int x = item.reverse ? mn + mx - a->second : a->second;
        const Q norm = Q(x - mn) / Q(mx - mn);
        answered.push_back({&item, k.weight.value, norm, a->second});
        num += k.weight.value * norm;
        den += k.weight.value;
      }
    sc.answered = static_cast<int>(answered.size());
    sc.needed = static_cast<int>(std::max(one, ceil_q(share * sc.keyed)));
    if (sc.keyed == 0 || sc.answered < sc.needed) continue;
    sc.part = num / den;
    const Q episode_part = std::min(one, sc.E / full);
    sc.score = episodes_count ? hundred * ((one - ew) * *sc.part + ew * episode_part) : hundred * *sc.part;
    const Q f = episodes_count ? one - ew : one;
    for (const auto& a : answered)
      sc.evidence.push_back({false, a.item->id, 0, a.raw, hundred * f * a.weight * a.norm / den});
    if (episodes_count)
      for (size_t k = 0; k < r.path.size(); ++k)
        if (r.path[k].scene == s)
          sc.evidence.push_back({true, "", static_cast<int>(k) + 1, 0,
                                 hundred * ew * role_weight(p.episodes[r.path[k].written - 1]) / std::max(sc.E, full)});
    std::stable_sort(sc.evidence.begin(), sc.evidence.end(),
                     [](const Contribution& a, const Contribution& b) { return a.points > b.points; });
  }

  // Rule 5: the current scene.
  for (int s = 0; s < S; ++s) {
    const auto& sc = r.scenes[s];
    if (!sc.score) continue;
    if (!r.current) {
      r.current = s;
      continue;
    }
    const auto& best = r.scenes[*r.current];
    if (*sc.score > *best.score || (*sc.score == *best.score && sc.answered > best.answered)) r.current = s;
  }
  // Rule 6: the centroid.
  Q wsum = 0, st = 0, lv = 0;
  for (int s = 0; s < S; ++s)
    if (r.scenes[s].score) {
      wsum += *r.scenes[s].score;
      st += *r.scenes[s].score * (sp.stage_of(s) + 1);
      lv += *r.scenes[s].score * (sp.level_of(s) + 1);
    }
  if (wsum > 0) {
    r.centroid_stage = st / wsum;
    r.centroid_level = lv / wsum;
  }
  // Rule 10: frontier and walls.
  for (int s = 0; s < S; ++s) {
    const auto& sc = r.scenes[s];
    if (!((sc.score && *sc.part >= threshold) || sc.E > 0)) continue;
    r.frontier_stage = std::max(r.frontier_stage.value_or(0), sp.stage_of(s));
    r.frontier_level = std::max(r.frontier_level.value_or(0), sp.level_of(s));
  }
  for (size_t w = 0; w < sp.walls.size(); ++w)
    if (!r.frontier_stage || sp.walls[w] >= *r.frontier_stage) r.walls_ahead.push_back(static_cast<int>(w));
  // Rule 7: next steps.
  if (r.current) {
    const int cs = sp.stage_of(*r.current), cl = sp.level_of(*r.current);
    std::vector<int> cand;
    if (cs + 1 < sp.stages) cand.push_back(cl * sp.stages + cs + 1);
    if (cl + 1 < sp.levels) cand.push_back((cl + 1) * sp.stages + cs);
    auto wishes = [&](int s) {
      int n = 0;
      for (const auto& w : sp.wishes) {
        auto it = p.wishes.find(w.id);
        if (it == p.wishes.end()) continue;
        for (int o : it->second)
          n += (w.options[o].stage == sp.stage_of(s)) + (w.options[o].level == sp.level_of(s));
      }
      return n;
    };
    std::sort(cand.begin(), cand.end(), [&](int a, int b) {
      if (wishes(a) != wishes(b)) return wishes(a) > wishes(b);
      const auto &x = r.scenes[a].score, &y = r.scenes[b].score;
      if (x.has_value() != y.has_value()) return x.has_value();
      if (x && *x != *y) return *x > *y;
      return a < b;
    });
    r.next_steps = cand;
  }
  return r;
}

// ---------------------------------------------------------------- the generator

class Generator {
 public:
  explicit Generator(unsigned long long seed) : rng_(seed) {}

  int uniform(int lo, int hi) { return std::uniform_int_distribution<int>(lo, hi)(rng_); }
  bool chance(double p) { return std::bernoulli_distribution(p)(rng_); }
  template <typename T>
  const T& pick(const std::vector<T>& v) { return v[uniform(0, static_cast<int>(v.size()) - 1)]; }

  // A decimal of `units` ten-thousandths, written in one of the ways YAML allows.
  Dec dec(long long units) {
    Dec d{Q(units, 10000), ""};
    std::string whole = std::to_string(units / 10000), frac = std::to_string(units % 10000);
    frac.insert(0, 4 - frac.size(), '0');
    while (!frac.empty() && frac.back() == '0') frac.pop_back();
    const int form = uniform(0, 5);
    if (frac.empty()) d.text = form == 0 ? whole + ".0" : whole;
    else if (form == 0 && units < 10000) d.text = "." + frac;
    else if (form == 1) d.text = std::to_string(units) + "e-4";
    else d.text = whole + "." + frac + (form == 2 ? "00" : "");
    return d;
  }

  Spec spec() {
    Spec sp;
    sp.stages = uniform(2, 6);
    sp.levels = uniform(2, 4);
    for (int s = 0; s < sp.stages; ++s)
      if (chance(0.6)) sp.walls.push_back(s);
    sp.scales = {{1, 7}, {-3, 3}, {0, 3}, {1, 5}};
    const int mn = uniform(-5, 5);
    sp.scales.push_back({mn, mn + uniform(1, 10)});
    // Weights: whole numbers, halves, and decimals that no double holds.
    const std::vector<long long> weights = {10000, 10000, 20000, 5000, 15000, 2500, 1000, 3000, 7000, 27500, 1};
    const bool one_weight = chance(0.3);
    int n = 0;
    for (int s = 0; s < sp.scenes(); ++s) {
      const int count = chance(0.15) ? 0 : (chance(0.08) ? uniform(7, 25) : uniform(1, 6));
      for (int k = 0; k < count; ++k) {
        ItemSpec it;
        it.id = "i" + std::to_string(n++);
        it.scale = uniform(0, static_cast<int>(sp.scales.size()) - 1);
        it.reverse = chance(0.3);
        std::vector<int> scenes = {s};
        while (chance(0.15) && static_cast<int>(scenes.size()) < std::min(3, sp.scenes())) {
          const int other = uniform(0, sp.scenes() - 1);
          if (std::find(scenes.begin(), scenes.end(), other) == scenes.end()) scenes.push_back(other);
        }
        for (int sc : scenes) {
          KeySpec key{sc, dec(10000), false};
          if (!one_weight && chance(0.6)) key = {sc, dec(pick(weights)), true};
          it.key.push_back(key);
        }
        sp.items.push_back(it);
      }
    }
    std::shuffle(sp.items.begin(), sp.items.end(), rng_);
    for (int w = 0; w < 2; ++w) {
      WishSpec ws{"w" + std::to_string(w), w == 0, {}};
      for (int o = 0, no = uniform(2, 5); o < no; ++o) {
        OptionSpec op{"o" + std::to_string(o), {}, {}};
        if (chance(0.6)) op.stage = uniform(0, sp.stages - 1);
        if (chance(0.5)) op.level = uniform(0, sp.levels - 1);
        ws.options.push_back(op);
      }
      sp.wishes.push_back(ws);
    }
    const std::vector<long long> role = {0, 0, 2500, 5000, 7500, 10000, 15000, 20000, 3333};
    for (int k = 0, nr = uniform(1, 4); k < nr; ++k)
      sp.role_weights.push_back(chance(0.8) ? std::optional<Dec>(dec(pick(role))) : std::nullopt);
    if (chance(0.7)) sp.share = dec(pick(std::vector<long long>{0, 2800, 2000, 2500, 3333, 4000, 5000, 6000, 7500, 8000, 10000}));
    if (chance(0.7)) sp.episode_weight = dec(pick(std::vector<long long>{0, 1000, 2500, 3000, 5000, 10000}));
    if (chance(0.7)) sp.full_at = dec(pick(std::vector<long long>{5000, 10000, 20000, 25000, 30000, 7500}));
    if (chance(0.8)) sp.threshold = dec(pick(std::vector<long long>{0, 2500, 5000, 6000, 6667, 7500, 10000}));
    for (int k = 0, np = uniform(1, 5); k < np; ++k) sp.people.push_back(participant(sp, k));
    return sp;
  }

 private:
  Participant participant(const Spec& sp, int k) {
    Participant p;
    p.id = "p" + std::to_string(k + 1);
    const double missing = pick(std::vector<double>{0.0, 0.1, 0.3, 0.6, 0.9});
    // Modes: independent answers; one keyed share for every item (ties everywhere);
    // every answer at the middle of its scale or at its ends.
    const int mode = uniform(0, 3);
    const int level = uniform(0, 12);
    for (const auto& it : sp.items) {
      if (chance(missing)) continue;
      const auto [mn, mx] = sp.scales[it.scale];
      int x = uniform(mn, mx);
      if (mode == 1) {  // the same keyed share where the scale has it, else its nearest point
        x = mn + (mx - mn) * level / 12;
        if (it.reverse) x = mn + mx - x;
      } else if (mode == 2) {
        x = mn + (mx - mn) / 2;
      } else if (mode == 3) {
        x = chance(0.5) ? mn : mx;
      }
      p.likert[it.id] = x;
    }
    for (const auto& w : sp.wishes) {
      if (chance(0.3)) continue;
      std::vector<int> chosen;
      const int no = static_cast<int>(w.options.size());
      if (!w.multi) chosen.push_back(uniform(0, no - 1));
      else
        for (int o = 0; o < no; ++o)
          if (chance(0.4)) chosen.push_back(o);
      if (!chosen.empty()) p.wishes[w.id] = chosen;
    }
    for (int e = 0, ne = pick(std::vector<int>{0, 0, 1, 2, 3, 5}); e < ne; ++e) {
      EpisodeAnswer ep;
      ep.from = uniform(2015, 2020);
      if (chance(0.6)) ep.to = ep.from + uniform(0, 3);
      if (chance(0.9)) ep.stage = uniform(0, sp.stages - 1);
      if (chance(0.9)) ep.level = uniform(0, sp.levels - 1);
      if (chance(0.85)) ep.role = uniform(0, static_cast<int>(sp.role_weights.size()) - 1);
      p.episodes.push_back(ep);
    }
    if (p.likert.empty() && p.wishes.empty() && p.episodes.empty()) p.wishes["w1"] = {0};  // a file must answer something
    return p;
  }

  std::mt19937_64 rng_;
};

// ---------------------------------------------------------------- the files

inline std::string model_yaml(const Spec& sp) {
  std::string o = "stages:\n";
  for (int s = 0; s < sp.stages; ++s) o += "  - {id: s" + std::to_string(s) + ", label: S" + std::to_string(s) + "}\n";
  o += "levels:\n";
  for (int l = 0; l < sp.levels; ++l) o += "  - {id: l" + std::to_string(l) + ", label: L" + std::to_string(l) + "}\n";
  if (!sp.walls.empty()) {
    o += "walls:\n";
    for (int w : sp.walls) o += "  - {after: s" + std::to_string(w) + ", label: W" + std::to_string(w) + "}\n";
  }
  o += "scenes:\n";
  for (int s = 0; s < sp.scenes(); ++s) o += "  " + sp.scene_id(s) + ": {label: X" + std::to_string(s) + "}\n";
  return o;
}

inline std::string questionnaire_yaml(const Spec& sp) {
  std::string o = "questionnaire: rq\ntitle: R\nmodel: model.yaml\nscales:\n";
  for (size_t k = 0; k < sp.scales.size(); ++k)
    o += "  c" + std::to_string(k) + ": {min: " + std::to_string(sp.scales[k].first) +
         ", max: " + std::to_string(sp.scales[k].second) + "}\n";
  o += "scoring:\n";
  if (sp.share) o += "  min_answered_share: " + sp.share->text + "\n";
  if (sp.episode_weight) o += "  episode_weight: " + sp.episode_weight->text + "\n";
  if (sp.full_at) o += "  episode_full_at: " + sp.full_at->text + "\n";
  if (sp.threshold) o += "  evidence_threshold: " + sp.threshold->text + "\n";
  o += "  role_weights: {";
  bool first = true;
  for (size_t k = 0; k < sp.role_weights.size(); ++k)
    if (sp.role_weights[k]) {
      o += (first ? "" : ", ") + std::string("r") + std::to_string(k) + ": " + sp.role_weights[k]->text;
      first = false;
    }
  o += "}\nsections:\n  - id: main\n    title: M\n    items:\n";
  for (const auto& it : sp.items) {
    o += "      - {id: " + it.id + ", type: likert, scale: c" + std::to_string(it.scale) +
         (it.reverse ? ", reverse: true" : "") + ", text: I, key: ";
    if (it.key.size() == 1 && !it.key[0].weight_written) {
      o += sp.scene_id(it.key[0].scene);
    } else {
      o += "[";
      for (size_t k = 0; k < it.key.size(); ++k) {
        o += k ? ", " : "";
        o += it.key[k].weight_written
                 ? "{scene: " + sp.scene_id(it.key[k].scene) + ", weight: " + it.key[k].weight.text + "}"
                 : sp.scene_id(it.key[k].scene);
      }
      o += "]";
    }
    o += "}\n";
  }
  for (const auto& w : sp.wishes) {
    o += "      - {id: " + w.id + ", type: " + (w.multi ? "multi" : "choice") + ", text: W, options: [";
    for (size_t k = 0; k < w.options.size(); ++k) {
      const auto& op = w.options[k];
      o += (k ? ", " : "") + std::string("{value: ") + op.value;
      if (op.stage) o += ", stage: s" + std::to_string(*op.stage);
      if (op.level) o += ", level: l" + std::to_string(*op.level);
      o += "}";
    }
    o += "]}\n";
  }
  o += "      - id: eps\n        type: episodes\n        text: E\n        fields:\n"
       "          - {id: from, type: number, use: from_year, required: true}\n"
       "          - {id: to, type: number, use: to_year}\n"
       "          - {id: title, type: text, use: title}\n"
       "          - {id: who, type: choice, use: stage, options: [";
  for (int s = 0; s < sp.stages; ++s)
    o += (s ? ", " : "") + std::string("{value: g") + std::to_string(s) + ", stage: s" + std::to_string(s) + "}";
  o += "]}\n          - {id: what, type: choice, use: level, options: [";
  for (int l = 0; l < sp.levels; ++l)
    o += (l ? ", " : "") + std::string("{value: v") + std::to_string(l) + ", level: l" + std::to_string(l) + "}";
  o += "]}\n          - {id: role, type: choice, use: role, options: [";
  for (size_t k = 0; k < sp.role_weights.size(); ++k) o += (k ? ", " : "") + std::string("{value: r") + std::to_string(k) + "}";
  o += "]}\n";
  return o;
}

inline std::string answers_yaml(const Participant& p) {
  std::string o = "questionnaire: rq\nparticipant: " + p.id + "\nanswers:\n";
  for (const auto& [id, x] : p.likert) o += "  " + id + ": " + std::to_string(x) + "\n";
  for (const auto& [id, chosen] : p.wishes) {
    if (id == "w0") {
      o += "  w0: [";
      for (size_t k = 0; k < chosen.size(); ++k) o += (k ? ", o" : "o") + std::to_string(chosen[k]);
      o += "]\n";
    } else {
      o += "  " + id + ": o" + std::to_string(chosen[0]) + "\n";
    }
  }
  if (!p.episodes.empty()) {
    o += "  eps:\n";
    for (size_t k = 0; k < p.episodes.size(); ++k) {
      const auto& e = p.episodes[k];
      o += "    - {from: " + std::to_string(e.from) + ", title: T" + std::to_string(k + 1);
      if (e.to) o += ", to: " + std::to_string(*e.to);
      if (e.stage) o += ", who: g" + std::to_string(*e.stage);
      if (e.level) o += ", what: v" + std::to_string(*e.level);
      if (e.role) o += ", role: r" + std::to_string(*e.role);
      o += "}\n";
    }
  }
  return o;
}

}  // namespace careermap::reference
