#include "reports/career_map.hpp"

#include <algorithm>
#include <cmath>

#include "engine/keyed.hpp"
#include "engine/records.hpp"
#include "engine/utf8.hpp"

namespace careermap {
namespace {

class Builder {
 public:
  Builder(const Questionnaire& q, const Answers& a, const Placement& p, const Templates& t, Lang lang)
      : q_(q), m_(q.model), a_(a), p_(p), t_(t), lang_(lang) {}

  CareerMapContent build(const std::string& date);

 private:
  std::string tx(const std::string& key) const { return t_.text(key, lang_); }
  // The participant's words, with undrawable characters replaced and reported.
  std::string own(const std::string& text, const std::string& field, CareerMapContent& c) const;
  void map_page(CareerMapContent& c) const;
  void profile(CareerMapContent& c) const;
  void interview(CareerMapContent& c) const;
  void add_prompts(CareerMapContent& c, const std::string& key, const std::string& reason,
                   const std::vector<std::pair<std::string, std::string>>& values = {}) const;
  std::string header_line() const;
  std::string path_empty() const;

  const Questionnaire& q_;
  const Model& m_;
  const Answers& a_;
  const Placement& p_;
  const Templates& t_;
  Lang lang_;
};

std::string Builder::own(const std::string& text, const std::string& field, CareerMapContent& c) const {
  std::string out;
  out.reserve(text.size());
  for_each_char(text, [&](char32_t cp, std::string_view bytes) {
    if (cp == kInvalidChar || cp > 0xFFFF) {
      out += "〓";
      c.warnings.push_back({field, cp});
    } else {
      out += bytes;
    }
  });
  return out;
}

// The line under the title: the questionnaire's title; when the questionnaire declares its
// meetings, the meeting's name and the titles of the parts the record holds instead (one
// questionnaire may be given at the first meeting and again at the last).
std::string Builder::header_line() const {
  const Meeting* m = q_.meetings_declared ? q_.find_meeting(a_.meeting) : nullptr;
  if (!m) return q_.title.in(lang_);
  std::string parts;
  for (const auto& id : part_ids_present(q_, a_))
    parts += (parts.empty() ? "" : tx("header.part_separator")) + q_.parts[*q_.find_part(id)].title.in(lang_);
  return m->name.in(lang_) + (parts.empty() ? "" : "　" + parts);
}

// What the path panel says when no episode is drawn: that the part holding the episodes is
// not in yet (path.not_submitted), or else that no episode was written (path.empty).
std::string Builder::path_empty() const {
  if (!q_.parts_declared) return tx("path.empty");
  const std::vector<int> held = parts_present(q_, a_);
  for (const auto& item : q_.items)
    if (item.type == ItemType::episodes && std::find(held.begin(), held.end(), item.part) == held.end())
      return fill(tx("path.not_submitted"), {{"part", q_.parts[item.part].title.in(lang_)}});
  return tx("path.empty");
}

CareerMapContent Builder::build(const std::string& date) {
  CareerMapContent c;
  c.lang = lang_;
  c.title = tx("report.title");
  c.subject = tx("report.subject");
  const std::string who = a_.name.empty() ? a_.participant : own(a_.name, "name", c);
  c.participant = fill(tx("header.participant"), {{"name", who}});
  c.questionnaire = header_line();
  if (!a_.cohort.empty()) c.cohort = fill(tx("header.cohort"), {{"cohort", own(a_.cohort, "cohort", c)}});
  c.date = date;
  c.date_line = fill(tx("header.date"), {{"date", date}});
  c.page_pattern = tx("header.page");
  c.continued = tx("map.continued");
  map_page(c);
  profile(c);
  interview(c);
  // The sheet is the last meeting's (shows_next_step). It repeats only words the map already
  // shows (own words, episode titles), whose undrawable characters are warned about there:
  // warned once, not twice.
  if (shows_next_step(q_, a_.meeting))
    c.next_step = build_next_step(q_, a_, p_, t_, lang_, [&](const std::string& text, const std::string& field) {
      CareerMapContent already_warned;
      return own(text, field, already_warned);
    });
  return c;
}

void Builder::map_page(CareerMapContent& c) const {
  c.stage_count = static_cast<int>(m_.stages.size());
  c.level_count = static_cast<int>(m_.levels.size());
  for (const auto& s : m_.stages) c.stage_labels.push_back(s.label.in(lang_));
  for (const auto& l : m_.levels) c.level_labels.push_back(l.label.in(lang_));
  c.wall_labels.assign(m_.stages.size(), "");
  for (const auto& w : m_.walls) c.wall_labels[w.inner] = w.label.in(lang_);
  c.axis_stage = tx("map.axis_stage");
  c.axis_level = tx("map.axis_level");
  c.legend_score = tx("map.score_legend");
  c.legend_current = tx("map.current");
  c.legend_next = tx("map.next_step");
  c.legend_frontier = tx("map.frontier");
  c.legend_path = tx("map.path_mark");
  c.no_score = tx("map.no_score");
  c.frontier_stage = p_.frontier_stage;
  c.frontier_level = p_.frontier_level;

  for (const auto& sc : m_.scenes) {
    MapCell cell;
    cell.scene = sc.number - 1;
    cell.number = sc.number;
    cell.stage = sc.stage;
    cell.level = sc.level;
    cell.label = sc.label.in(lang_);
    cell.number_text = fill(tx("map.scene_number"), {{"number", std::to_string(sc.number)}});
    if (cell.scene < static_cast<int>(p_.scenes.size())) cell.score = p_.scenes[cell.scene].score;
    cell.current = p_.current && *p_.current == cell.scene;
    cell.next_step = std::find(p_.next_steps.begin(), p_.next_steps.end(), cell.scene) != p_.next_steps.end();
    c.cells.push_back(std::move(cell));
  }

  c.path_heading = tx("path.heading");
  c.path_empty = path_empty();
  c.not_placed = tx("path.not_placed");
  const std::string ongoing = tx("path.ongoing");
  for (const auto& step : p_.path) {
    MapEpisode e;
    e.order = step.order;
    e.scene = step.scene;
    const std::string from = step.from ? std::to_string(*step.from) : "?";
    const std::string to = step.to ? std::to_string(*step.to) : ongoing;
    e.years = step.to && step.from && *step.to == *step.from ? from : from + "–" + to;
    e.title = own(step.title, episode_field(step, "title"), c);
    if (auto idx = q_.find_item(step.item))
      if (const Field* f = q_.items[*idx].field_for(FieldUse::role))
        if (const Option* o = f->find_option(step.role)) e.role = o->label.in(lang_);
    c.path.push_back(std::move(e));
  }
  c.note = tx("note.not_a_grade");
}

void Builder::profile(CareerMapContent& c) const {
  c.profile_heading = tx("profile.heading");
  c.strengths_heading = tx("profile.strengths");
  c.no_strengths = tx("profile.no_strengths");
  c.walls_heading = tx("profile.walls");
  c.no_walls = tx("profile.no_walls");
  c.own_words_heading = tx("profile.own_words");
  c.outcomes_heading = tx("profile.outcomes");

  // Strengths: up to three scenes at or above the evidence threshold, highest first;
  // decided and ranked exactly (equal scores keep scene order).
  std::vector<const SceneScore*> scored;
  for (const auto& s : p_.scenes)
    if (s.exact && score_reaches_threshold(q_.scoring, *s.exact)) scored.push_back(&s);
  std::stable_sort(scored.begin(), scored.end(),
                   [](const SceneScore* x, const SceneScore* y) { return compare(*x->exact, *y->exact) > 0; });
  for (size_t k = 0; k < scored.size() && k < 3; ++k) {
    const Scene& scene = m_.scenes[scored[k]->scene];
    const std::string label = scene.label.in(lang_);
    const LocalText* own_sentence = t_.find("strength." + scene.id);
    const std::string sentence = own_sentence ? own_sentence->in(lang_) : fill(tx("strength.default"), {{"scene", label}});
    c.strengths.push_back({scene.number - 1, label, *scored[k]->score, sentence});
  }
  for (int w : p_.walls_ahead) {
    const Wall& wall = m_.walls[w];
    const std::string label = wall.label.in(lang_);
    const LocalText* own_sentence = t_.find("wall." + m_.stages[wall.inner].id);
    c.walls.push_back({label, own_sentence ? own_sentence->in(lang_) : fill(tx("wall.default"), {{"wall", label}})});
  }

  const std::string unanswered = tx("profile.unanswered");
  for (const auto& item : q_.items) {
    const Answer* ans = a_.find(item.id);
    if (item.report == ReportUse::checklist) {
      Checklist list;
      list.heading = item.text.in(lang_);
      const std::vector<std::string> chosen = ans ? chosen_options(item, *ans) : std::vector<std::string>{};
      for (const auto& o : item.options) {
        list.entries.push_back({o.label.in(lang_), std::find(chosen.begin(), chosen.end(), o.value) != chosen.end()});
      }
      c.checklists.push_back(std::move(list));
    } else if (item.report == ReportUse::own_words && ans && !ans->text.empty()) {
      c.own_words.push_back({item.text.in(lang_), own(ans->text, item.id, c), true});
    }
  }
  for (const auto& step : p_.path) {
    const Episode* e = episode_of(a_, step);
    const auto idx = q_.find_item(step.item);
    const Field* f = idx ? q_.items[*idx].field_for(FieldUse::outcome) : nullptr;
    if (!e || !f) continue;
    const std::string* text = e->get(f->id);
    c.outcomes.push_back({std::to_string(step.order) + ". " + own(step.title, episode_field(step, "title"), c),
                          text ? own(*text, episode_field(step, f->id), c) : unanswered, text != nullptr});
  }
}

void Builder::add_prompts(CareerMapContent& c, const std::string& key, const std::string& reason,
                          const std::vector<std::pair<std::string, std::string>>& values) const {
  for (const auto& t : t_.list(key)) c.prompts.push_back({fill(t.in(lang_), values), reason});
}

void Builder::interview(CareerMapContent& c) const {
  c.interview_heading = tx("interview.heading");
  c.interview_intro = tx("interview.intro");
  c.notes_heading = tx("interview.notes");
  add_prompts(c, "prompts.opening", tx("interview.reason_opening"));
  if (!p_.walls_ahead.empty()) {
    const Wall& w = m_.walls[p_.walls_ahead.front()];
    add_prompts(c, "prompts.wall." + m_.stages[w.inner].id,
                fill(tx("interview.reason_wall"), {{"wall", w.label.in(lang_)}}));
  }
  const int next_level = p_.frontier_level ? *p_.frontier_level + 1 : 0;
  if (next_level < static_cast<int>(m_.levels.size()))
    add_prompts(c, "prompts.level." + m_.levels[next_level].id,
                fill(tx("interview.reason_level"), {{"level", m_.levels[next_level].label.in(lang_)}}));
  if (!p_.next_steps.empty())
    add_prompts(c, "prompts.next_step", tx("interview.reason_next"),
                {{"scene", m_.scenes[p_.next_steps.front()].label.in(lang_)}});
  for (const auto& item : q_.items) {
    if (item.report != ReportUse::checklist) continue;
    const Answer* ans = a_.find(item.id);
    if (!ans) continue;
    for (const auto& v : chosen_options(item, *ans))
      if (const Option* o = item.find_option(v))
        add_prompts(c, "prompts.choice." + v, fill(tx("interview.reason_choice"), {{"option", o->label.in(lang_)}}));
  }
  if (p_.path.empty()) add_prompts(c, "prompts.no_episodes", tx("interview.reason_no_episodes"));
}

}  // namespace

CareerMapContent build_career_map(const Questionnaire& q, const Answers& answers, const Placement& placement,
                                  const Templates& templates, Lang lang, const std::string& date) {
  return Builder(q, answers, placement, templates, lang).build(date);
}

}  // namespace careermap
