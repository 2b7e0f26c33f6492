#include "reports/career_map.hpp"

#include <algorithm>
#include <cmath>

namespace careermap {

CareerMapContent build_career_map(const Questionnaire& q, const Answers& answers,
                                  const Placement& placement, const Templates& t, Lang lang,
                                  const std::string& date) {
  const Model& m = q.model;
  auto tx = [&](const char* key) { return t.text(key, lang); };
  CareerMapContent c;
  c.lang = lang;
  c.title = tx("report.title");
  c.subject = tx("report.subject");
  const std::string who = answers.name.empty() ? answers.participant : answers.name;
  c.participant = fill(tx("header.participant"), {{"name", who}});
  c.questionnaire = q.title.in(lang);
  if (!answers.cohort.empty()) c.cohort = fill(tx("header.cohort"), {{"cohort", answers.cohort}});
  c.date = date;
  c.date_line = fill(tx("header.date"), {{"date", date}});
  c.page_pattern = tx("header.page");

  c.stage_count = static_cast<int>(m.stages.size());
  c.level_count = static_cast<int>(m.levels.size());
  for (const auto& s : m.stages) c.stage_labels.push_back(s.label.in(lang));
  for (const auto& l : m.levels) c.level_labels.push_back(l.label.in(lang));
  c.wall_labels.assign(m.stages.size(), "");
  for (const auto& w : m.walls) c.wall_labels[w.inner] = w.label.in(lang);
  c.axis_stage = tx("map.axis_stage");
  c.axis_level = tx("map.axis_level");
  c.legend_score = tx("map.score_legend");
  c.legend_current = tx("map.current");
  c.legend_next = tx("map.next_step");
  c.no_score = tx("map.no_score");

  for (const auto& sc : m.scenes) {
    MapCell cell;
    cell.scene = sc.number - 1;
    cell.number = sc.number;
    cell.stage = sc.stage;
    cell.level = sc.level;
    cell.label = sc.label.in(lang);
    cell.number_text = fill(tx("map.scene_number"), {{"number", std::to_string(sc.number)}});
    if (cell.scene < static_cast<int>(placement.scenes.size()))
      cell.score = placement.scenes[cell.scene].score;
    cell.score_text = cell.score ? std::to_string(static_cast<int>(std::lround(*cell.score))) : c.no_score;
    cell.current = placement.current && *placement.current == cell.scene;
    cell.next_step = std::find(placement.next_steps.begin(), placement.next_steps.end(), cell.scene) !=
                     placement.next_steps.end();
    c.cells.push_back(std::move(cell));
  }

  c.path_heading = tx("path.heading");
  c.path_empty = tx("path.empty");
  c.not_placed = tx("path.not_placed");
  const std::string ongoing = tx("path.ongoing");
  for (const auto& step : placement.path) {
    MapEpisode e;
    e.order = step.order;
    e.scene = step.scene;
    const std::string from = step.from ? std::to_string(*step.from) : "?";
    const std::string to = step.to ? std::to_string(*step.to) : ongoing;
    e.years = step.to && step.from && *step.to == *step.from ? from : from + "–" + to;
    e.title = step.title;
    if (auto idx = q.find_item(step.item))
      if (const Field* f = q.items[*idx].field_for(FieldUse::role))
        if (const Option* o = f->find_option(step.role)) e.role = o->label.in(lang);
    c.path.push_back(std::move(e));
  }
  c.note = tx("note.not_a_grade");
  return c;
}

}  // namespace careermap
