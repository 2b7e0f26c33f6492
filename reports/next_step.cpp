#include "reports/next_step.hpp"

#include <algorithm>
#include <map>
#include <tuple>

#include "engine/utf8.hpp"

namespace careermap {
namespace {

using Values = std::vector<std::pair<std::string, std::string>>;

// Own words up to this many characters are quoted on the sheet.
constexpr size_t kQuoteAtMost = 300;

size_t char_count(const std::string& s) {
  size_t n = 0;
  for_each_char(s, [&](char32_t, std::string_view) { ++n; });
  return n;
}

Basis of(Basis::Kind kind) {
  Basis b;
  b.kind = kind;
  return b;
}

// An option chosen in the episodes, with the episodes (path numbers) that chose it.
struct Ally {
  std::string item, field, value, label;
  std::vector<int> orders;
};

class SheetBuilder {
 public:
  SheetBuilder(const Questionnaire& q, const Answers& a, const Placement& p, const Templates& t, Lang lang,
               const std::function<std::string(const std::string&, const std::string&)>& own)
      : q_(q), m_(q.model), a_(a), p_(p), t_(t), lang_(lang), own_(own) {}

  NextStepSheet build();

 private:
  std::string tx(const std::string& key, const Values& v = {}) const { return fill(t_.text(key, lang_), v); }
  // Every template of the list at `key` as a prompt with `reason` and `basis`.
  void ask(SheetSection& part, const std::string& key, const std::string& reason, const Basis& basis,
           const Values& v = {}) const {
    for (const auto& t : t_.list(key)) part.prompts.push_back({fill(t.in(lang_), v), reason, basis});
  }
  // The prompts at `key`, or, when the templates have none there, those at `fallback`.
  void ask_or(SheetSection& part, const std::string& key, const std::string& fallback, const std::string& reason,
              const Basis& basis, const Values& v) const {
    ask(part, t_.list(key).empty() ? fallback : key, reason, basis, v);
  }
  void where(SheetSection& part) const;
  void walls(SheetSection& part) const;
  void allies(SheetSection& part) const;
  void timing(SheetSection& part) const;
  // The answers of the items marked `next_step: <name>`: chosen options and own words.
  void marked(SheetSection& part, careermap::SheetPart which, const std::string& name) const;
  std::vector<Ally> episode_allies() const;

  const Questionnaire& q_;
  const Model& m_;
  const Answers& a_;
  const Placement& p_;
  const Templates& t_;
  Lang lang_;
  const std::function<std::string(const std::string&, const std::string&)>& own_;
  std::vector<Candidate> candidates_;
};

// The chosen wishes (FORMAT.md: options of choice or multi items naming a stage or level).
struct Wish {
  const Item* item;
  const Option* option;
};

std::vector<Wish> wishes(const Questionnaire& q, const Answers& a) {
  std::vector<Wish> out;
  for (const auto& item : q.items) {
    if (item.type != ItemType::choice && item.type != ItemType::multi) continue;
    const Answer* ans = a.find(item.id);
    if (!ans) continue;
    for (const auto& v : chosen_options(item, *ans))
      if (const Option* o = item.find_option(v); o && (o->stage || o->level)) out.push_back({&item, o});
  }
  return out;
}

bool points_at(const Option& o, const Scene& s) {
  return (o.stage && *o.stage == s.stage) || (o.level && *o.level == s.level);
}

NextStepSheet SheetBuilder::build() {
  NextStepSheet sheet;
  sheet.heading = tx("next_step.heading");
  sheet.intro = tx("next_step.intro");
  sheet.write_here = tx("next_step.write_here");
  sheet.summary_heading = tx("next_step.summary");
  for (const auto& l : t_.list("next_step.summary_lines")) sheet.summary_lines.push_back(l.in(lang_));

  const std::vector<Wish> wished = wishes(q_, a_);
  if (p_.current) {
    const Scene& cur = m_.scenes[*p_.current];
    for (int s : p_.next_steps) {
      const Scene& sc = m_.scenes[s];
      Candidate cand;
      cand.scene = s;
      std::string move;
      if (sc.stage == cur.stage + 1 && sc.level == cur.level) {
        move = tx("next_step.fact.wider",
                  {{"from", m_.stages[cur.stage].label.in(lang_)}, {"to", m_.stages[sc.stage].label.in(lang_)}});
        for (size_t w = 0; w < m_.walls.size(); ++w)
          if (m_.walls[w].inner == cur.stage) cand.wall = static_cast<int>(w);
        cand.wall_crossed_before = p_.frontier_stage && *p_.frontier_stage > cur.stage;
      } else {
        move = tx("next_step.fact.deeper",
                  {{"from", m_.levels[cur.level].label.in(lang_)}, {"to", m_.levels[sc.level].label.in(lang_)}});
      }
      cand.text = tx("next_step.fact.candidate", {{"scene", sc.label.in(lang_)}, {"move", move}});
      for (const auto& w : wished)
        if (points_at(*w.option, sc)) cand.wishes.push_back(w.option->label.in(lang_));
      candidates_.push_back(std::move(cand));
    }
  }
  sheet.candidates = candidates_;

  static const char* names[] = {"where", "walls", "allies", "against", "timing"};
  for (const char* name : names) sheet.parts.push_back({tx(std::string("next_step.part.") + name), {}, {}});
  where(sheet.parts[0]);
  walls(sheet.parts[1]);
  allies(sheet.parts[2]);
  ask(sheet.parts[3], "next_step.prompts.always.against", tx("next_step.reason.always"), {});
  marked(sheet.parts[3], careermap::SheetPart::against, "against");
  timing(sheet.parts[4]);
  return sheet;
}

void SheetBuilder::where(SheetSection& part) const {
  const std::vector<Wish> wished = wishes(q_, a_);
  for (const auto& w : wished) part.facts.push_back({"", tx("next_step.fact.wish", {{"option", w.option->label.in(lang_)}})});
  if (wished.empty()) part.facts.push_back({"", tx("next_step.fact.no_wish")});
  for (const auto& c : candidates_) part.facts.push_back({"", c.text});
  const std::string here = p_.current ? m_.scenes[*p_.current].label.in(lang_) : "";
  if (!p_.current) part.facts.push_back({"", tx("next_step.fact.no_candidate")});
  else if (candidates_.empty()) part.facts.push_back({"", tx("next_step.fact.no_neighbour", {{"scene", here}})});

  ask(part, "next_step.prompts.always.where", tx("next_step.reason.always"), {});
  for (const auto& c : candidates_) {
    const std::string scene = m_.scenes[c.scene].label.in(lang_);
    Basis b = of(Basis::Kind::candidate);
    b.scene = c.scene;
    const std::string reason = c.wishes.empty()
                                   ? tx("next_step.reason.candidate", {{"scene", scene}})
                                   : tx("next_step.reason.candidate_wish", {{"scene", scene}, {"option", c.wishes[0]}});
    ask(part, "next_step.prompts.candidate", reason, b, {{"scene", scene}});
  }
  if (!p_.current) {
    ask(part, "next_step.prompts.no_candidate", tx("next_step.reason.no_candidate"), of(Basis::Kind::no_candidate));
  } else if (candidates_.empty()) {
    Basis b = of(Basis::Kind::no_neighbour);
    b.scene = *p_.current;
    ask(part, "next_step.prompts.no_neighbour", tx("next_step.reason.no_neighbour", {{"scene", here}}), b,
        {{"scene", here}});
  }
  if (wished.empty()) {
    // The model's stages, nearest first: the places a wish could name.
    std::string stages;
    for (const auto& s : m_.stages)
      stages += (stages.empty() ? "" : tx("next_step.fact.stage_separator")) + s.label.in(lang_);
    ask(part, "next_step.prompts.no_wish", tx("next_step.reason.no_wish"), of(Basis::Kind::no_wish),
        {{"stages", stages}});
  }
  if (!candidates_.empty())
    for (const auto& w : wished) {
      const bool apart = std::none_of(candidates_.begin(), candidates_.end(), [&](const Candidate& c) {
        return points_at(*w.option, m_.scenes[c.scene]);
      });
      if (!apart) continue;
      Basis b = of(Basis::Kind::wish_apart);
      b.item = w.item->id, b.value = w.option->value;
      const std::string label = w.option->label.in(lang_);
      ask(part, "next_step.prompts.wish_apart", tx("next_step.reason.wish_apart", {{"option", label}}), b,
          {{"option", label}});
    }
  marked(part, careermap::SheetPart::where, "where");
}

void SheetBuilder::walls(SheetSection& part) const {
  for (const auto& c : candidates_) {
    const std::string scene = m_.scenes[c.scene].label.in(lang_);
    const Scene& sc = m_.scenes[c.scene];
    if (c.wall) {
      const Wall& w = m_.walls[*c.wall];
      const std::string wall = w.label.in(lang_);
      part.facts.push_back(
          {"", tx(c.wall_crossed_before ? "next_step.fact.wall_crossed" : "next_step.fact.wall", {{"scene", scene}, {"wall", wall}})});
      Basis b = of(Basis::Kind::wall);
      b.wall = *c.wall, b.scene = c.scene;
      const std::string reason = tx("next_step.reason.wall", {{"wall", wall}});
      if (c.wall_crossed_before) ask(part, "next_step.prompts.wall_crossed", reason, b, {{"wall", wall}});
      else ask_or(part, "next_step.prompts.wall." + m_.stages[w.inner].id, "next_step.prompts.wall_default", reason, b,
                  {{"wall", wall}});
    } else if (p_.current && sc.stage != m_.scenes[*p_.current].stage) {
      part.facts.push_back({"", tx("next_step.fact.wider_open", {{"scene", scene}})});
    } else {
      part.facts.push_back({"", tx("next_step.fact.no_wall", {{"scene", scene}})});
      Basis b = of(Basis::Kind::level);
      b.level = sc.level, b.scene = c.scene;
      const std::string level = m_.levels[sc.level].label.in(lang_);
      ask_or(part, "next_step.prompts.level." + m_.levels[sc.level].id, "next_step.prompts.level_default",
             tx("next_step.reason.level", {{"level", level}}), b, {{"level", level}});
    }
  }
  if (candidates_.empty() && !p_.walls_ahead.empty()) {
    const Wall& w = m_.walls[p_.walls_ahead.front()];
    const std::string wall = w.label.in(lang_);
    part.facts.push_back({"", tx("next_step.fact.wall_ahead", {{"wall", wall}})});
    Basis b = of(Basis::Kind::wall);
    b.wall = p_.walls_ahead.front();
    ask_or(part, "next_step.prompts.wall." + m_.stages[w.inner].id, "next_step.prompts.wall_default",
           tx("next_step.reason.wall", {{"wall", wall}}), b, {{"wall", wall}});
  }
}

std::vector<Ally> SheetBuilder::episode_allies() const {
  std::vector<Ally> out;
  for (const auto& step : p_.path) {
    const Episode* e = episode_of(a_, step);
    const auto idx = q_.find_item(step.item);
    if (!e || !idx) continue;
    for (const auto& f : q_.items[*idx].fields) {
      if (f.type != ItemType::choice || (f.use != FieldUse::stage && f.use != FieldUse::none)) continue;
      const std::string* v = e->get(f.id);
      const Option* o = v ? f.find_option(*v) : nullptr;
      // The nearest stage is one's own work (docs/NAVIGATOR.md, the stages): its option names nobody else.
      if (!o || (f.use == FieldUse::stage && o->stage && *o->stage == 0)) continue;
      auto it = std::find_if(out.begin(), out.end(), [&](const Ally& x) {
        return x.item == step.item && x.field == f.id && x.value == o->value;
      });
      if (it == out.end()) {
        out.push_back({step.item, f.id, o->value, o->label.in(lang_), {}});
        it = out.end() - 1;
      }
      it->orders.push_back(step.order);
    }
  }
  return out;
}

void SheetBuilder::allies(SheetSection& part) const {
  const std::vector<Ally> list = episode_allies();
  const std::string sep = tx("next_step.fact.separator");
  for (const auto& a : list) {
    std::string orders;
    for (int o : a.orders) orders += (orders.empty() ? "" : sep) + std::to_string(o);
    part.facts.push_back({"", tx("next_step.fact.ally", {{"ally", a.label}, {"episodes", orders}})});
  }
  if (list.empty()) part.facts.push_back({"", tx("next_step.fact.no_allies")});
  ask(part, "next_step.prompts.always.allies", tx("next_step.reason.always"), {});
  if (list.empty()) {
    ask(part, "next_step.prompts.no_allies", tx("next_step.reason.no_allies"), of(Basis::Kind::no_allies));
  } else {
    // The ally of the most episodes; of equals, the one met most recently.
    const Ally& top = *std::max_element(list.begin(), list.end(), [](const Ally& x, const Ally& y) {
      return std::make_tuple(x.orders.size(), x.orders.back()) < std::make_tuple(y.orders.size(), y.orders.back());
    });
    Basis b = of(Basis::Kind::ally);
    b.item = top.item, b.field = top.field, b.value = top.value;
    ask(part, "next_step.prompts.ally", tx("next_step.reason.ally", {{"ally", top.label}}), b, {{"ally", top.label}});
  }
  marked(part, careermap::SheetPart::allies, "allies");
}

void SheetBuilder::timing(SheetSection& part) const {
  const PathStep* latest = nullptr;
  for (const auto& step : p_.path) {
    if (step.to) continue;
    const std::string from = step.from ? std::to_string(*step.from) : "?";
    part.facts.push_back({"", tx("next_step.fact.ongoing", {{"order", std::to_string(step.order)},
                                                            {"title", own_(step.title, episode_field(step, "title"))},
                                                            {"from", from}})});
    latest = &step;
  }
  if (!latest) part.facts.push_back({"", tx("next_step.fact.no_ongoing")});
  ask(part, "next_step.prompts.always.timing", tx("next_step.reason.always"), {});
  if (latest) {
    Basis b = of(Basis::Kind::ongoing);
    b.episode = latest->order;
    ask(part, "next_step.prompts.ongoing", tx("next_step.reason.ongoing", {{"order", std::to_string(latest->order)}}), b,
        {{"title", own_(latest->title, episode_field(*latest, "title"))}});
  }
  marked(part, careermap::SheetPart::timing, "timing");
}

void SheetBuilder::marked(SheetSection& part, careermap::SheetPart which, const std::string& name) const {
  std::vector<const Item*> words;  // answered own-words items: one prompt for all of them
  for (const auto& item : q_.items) {
    if (item.next_step != which) continue;
    const Answer* ans = a_.find(item.id);
    if (!ans) continue;
    if (item.type == ItemType::text) {
      if (ans->text.empty()) continue;
      // Long words stay whole on the profile page; the sheet points there instead of
      // printing them twice.
      if (char_count(ans->text) > kQuoteAtMost)
        part.facts.push_back({item.text.in(lang_), tx("next_step.fact.see_profile", {{"heading", t_.text("profile.own_words", lang_)}}), false});
      else
        part.facts.push_back({item.text.in(lang_), own_(ans->text, item.id), true});
      words.push_back(&item);
      continue;
    }
    for (const auto& v : chosen_options(item, *ans)) {
      const Option* o = item.find_option(v);
      if (!o || (o->stage || o->level)) continue;  // a wish: listed as one under "where"
      const std::string label = o->label.in(lang_);
      part.facts.push_back({"", tx("next_step.fact.choice", {{"option", label}})});
      Basis b = of(Basis::Kind::choice);
      b.item = item.id, b.value = v;
      ask(part, "next_step.prompts.choice." + v, tx("next_step.reason.choice", {{"option", label}}), b);
    }
  }
  if (words.empty()) return;
  std::string questions;
  for (const Item* item : words) questions += (questions.empty() ? "" : tx("next_step.fact.separator")) + item->text.in(lang_);
  Basis b = of(Basis::Kind::own_words);
  b.item = words.front()->id;
  ask(part, "next_step.prompts.own_words." + name, tx("next_step.reason.own_words", {{"question", questions}}), b);
}

}  // namespace

bool shows_next_step(const Questionnaire& q, const std::string& meeting) {
  return meeting.empty() || q.meetings.empty() || meeting == q.meetings.back().id;
}

const Episode* episode_of(const Answers& answers, const PathStep& step) {
  const Answer* ans = answers.find(step.item);
  if (!ans || step.written < 1 || step.written > static_cast<int>(ans->episodes.size())) return nullptr;
  return &ans->episodes[step.written - 1];
}

std::string episode_field(const PathStep& step, const std::string& field) {
  return step.item + "[" + std::to_string(step.written) + "]." + field;
}

NextStepSheet build_next_step(const Questionnaire& q, const Answers& answers, const Placement& placement,
                              const Templates& templates, Lang lang,
                              const std::function<std::string(const std::string&, const std::string&)>& own) {
  return SheetBuilder(q, answers, placement, templates, lang, own).build();
}

}  // namespace careermap
