#include "reports/comparison.hpp"

#include <cmath>

namespace careermap {
namespace {

using Values = std::vector<std::pair<std::string, std::string>>;

class Builder {
 public:
  Builder(const Questionnaire& q, const Comparison& c, const Templates& t, Lang lang)
      : m_(q.model), c_(c), t_(t), lang_(lang) {}

  ComparisonContent build(const std::string& then_name, const std::string& now_name);

 private:
  std::string tx(const std::string& key) const { return t_.text(key, lang_); }
  std::string stage(int s) const { return m_.stages[s].label.in(lang_); }
  std::string level(int l) const { return m_.levels[l].label.in(lang_); }
  std::string scene(int s) const { return m_.scenes[s].label.in(lang_); }

  // Adds the sentence at `base.<ids joined by dots>` when the templates have it (a sentence
  // of the NPO's own for that case), else at `base.default`.
  void say(const std::string& base, const std::vector<std::string>& ids, const Values& values,
           const std::string& reason) {
    std::string key = base;
    for (const auto& id : ids) key += "." + id;
    if (ids.empty() || !t_.find(key)) key = base + ".default";
    out_.sentences.push_back({key, fill(tx(key), with_names(values)), fill(reason, with_names(values))});
  }
  Values with_names(Values v) const {
    v.push_back({"then", out_.then_name});
    v.push_back({"now", out_.now_name});
    return v;
  }
  std::string scene_list(const std::vector<int>& scenes) const {
    std::string s;
    for (int sc : scenes) s += (s.empty() ? "" : tx("comparison.separator")) + fill(tx("comparison.scene"), {{"scene", scene(sc)}});
    return s;
  }

  void frontier();
  void current();
  void walls();

  const Model& m_;
  const Comparison& c_;
  const Templates& t_;
  Lang lang_;
  ComparisonContent out_;
};

ComparisonContent Builder::build(const std::string& then_name, const std::string& now_name) {
  out_.then_name = then_name.empty() ? tx("comparison.then") : then_name;
  out_.now_name = now_name.empty() ? tx("comparison.now") : now_name;
  const Values names = with_names({});
  out_.heading = fill(tx("comparison.heading"), names);
  out_.intro = fill(tx("comparison.intro"), names);
  out_.legend_scores = fill(tx("comparison.legend.scores"), names);
  out_.legend_then_current = fill(tx("comparison.legend.then_current"), names);
  out_.legend_now_current = fill(tx("comparison.legend.now_current"), names);
  out_.legend_then_reach = fill(tx("comparison.legend.then_reach"), names);
  out_.legend_now_reach = fill(tx("comparison.legend.now_reach"), names);
  out_.legend_wall_crossed = fill(tx("comparison.legend.wall_crossed"), names);
  out_.tag_then = tx("comparison.tag_then");
  out_.tag_now = tx("comparison.tag_now");
  out_.no_score = tx("map.no_score");
  for (const auto& ch : c_.scenes) {
    const Scene& sc = m_.scenes[ch.scene];
    ComparisonCell cell;
    cell.scene = ch.scene;
    cell.stage = sc.stage;
    cell.level = sc.level;
    cell.label = sc.label.in(lang_);
    cell.number_text = fill(tx("map.scene_number"), {{"number", std::to_string(sc.number)}});
    cell.then = ch.then, cell.now = ch.now;
    if (ch.then && ch.now) cell.change = static_cast<int>(std::lround(*ch.now)) - static_cast<int>(std::lround(*ch.then));
    cell.current_then = c_.then.current == ch.scene;
    cell.current_now = c_.now.current == ch.scene;
    out_.cells.push_back(std::move(cell));
  }
  out_.then_frontier_stage = c_.then.frontier_stage;
  out_.then_frontier_level = c_.then.frontier_level;
  out_.now_frontier_stage = c_.now.frontier_stage;
  out_.now_frontier_level = c_.now.frontier_level;
  out_.wall_crossed.assign(m_.stages.size(), false);
  for (int w : c_.walls_crossed) out_.wall_crossed[m_.walls[w].inner] = true;
  frontier();
  current();
  walls();
  if (!c_.reach_gained.empty())
    say("comparison.reach.gained", {}, {{"scenes", scene_list(c_.reach_gained)}}, tx("comparison.reason.reach"));
  if (!c_.reach_left.empty())
    say("comparison.reach.left", {}, {{"scenes", scene_list(c_.reach_left)}}, tx("comparison.reason.reach"));
  return std::move(out_);
}

// The frontier: its stage and its level, each wider / narrower / the same; or, when a side
// has no frontier, one sentence for the whole.
void Builder::frontier() {
  const Standing &a = c_.then, &b = c_.now;
  const std::string reason = tx("comparison.reason.frontier");
  if (!a.frontier_stage || !b.frontier_stage) {
    if (b.frontier_stage)
      say("comparison.frontier.first", {}, {{"stage", stage(*b.frontier_stage)}, {"level", level(*b.frontier_level)}},
          reason);
    else if (a.frontier_stage)
      say("comparison.frontier.none_now", {}, {{"stage", stage(*a.frontier_stage)}, {"level", level(*a.frontier_level)}},
          reason);
    else
      say("comparison.frontier.none", {}, {}, reason);
    return;
  }
  auto kind = [](int x, int y, const char* more, const char* less) { return y > x ? more : y < x ? less : "same"; };
  const int s0 = *a.frontier_stage, s1 = *b.frontier_stage, l0 = *a.frontier_level, l1 = *b.frontier_level;
  const Values sv{{"from", stage(s0)}, {"to", stage(s1)}, {"stage", stage(s1)}};
  const std::string sk = kind(s0, s1, "wider", "narrower");
  say("comparison.stage." + sk, sk == "same" ? std::vector<std::string>{m_.stages[s1].id}
                                             : std::vector<std::string>{m_.stages[s0].id, m_.stages[s1].id},
      sv, fill(tx("comparison.reason.stage"), sv));
  const Values lv{{"from", level(l0)}, {"to", level(l1)}, {"level", level(l1)}};
  const std::string lk = kind(l0, l1, "deeper", "shallower");
  say("comparison.level." + lk, lk == "same" ? std::vector<std::string>{m_.levels[l1].id}
                                             : std::vector<std::string>{m_.levels[l0].id, m_.levels[l1].id},
      lv, fill(tx("comparison.reason.level"), lv));
}

void Builder::current() {
  const auto &a = c_.then.current, &b = c_.now.current;
  if (!a && !b) return;  // the frontier's sentence has said there is nothing to compare
  const std::string none = tx("comparison.nowhere");
  const Values v{{"from", a ? scene(*a) : none}, {"to", b ? scene(*b) : none}, {"scene", b ? scene(*b) : scene(*a)}};
  const std::string reason = fill(tx("comparison.reason.current"), v);
  if (a && b && *a == *b) say("comparison.current.same", {m_.scenes[*b].id}, v, reason);
  else if (a && b) say("comparison.current.moved", {m_.scenes[*a].id, m_.scenes[*b].id}, v, reason);
  else if (b) say("comparison.current.first", {m_.scenes[*b].id}, v, reason);
  else say("comparison.current.none_now", {m_.scenes[*a].id}, v, reason);
}

void Builder::walls() {
  for (int w : c_.walls_crossed) {
    const Wall& wall = m_.walls[w];
    const Values v{{"wall", wall.label.in(lang_)}};
    say("comparison.wall", {m_.stages[wall.inner].id}, v, fill(tx("comparison.reason.wall"), v));
  }
  for (int w : c_.walls_ahead_again) {
    const Wall& wall = m_.walls[w];
    const Values v{{"wall", wall.label.in(lang_)}};
    say("comparison.wall_again", {m_.stages[wall.inner].id}, v, fill(tx("comparison.reason.wall"), v));
  }
}

}  // namespace

ComparisonContent build_comparison(const Questionnaire& q, const Comparison& c, const Templates& t, Lang lang,
                                   const std::string& then_name, const std::string& now_name) {
  return Builder(q, c, t, lang).build(then_name, now_name);
}

}  // namespace careermap
