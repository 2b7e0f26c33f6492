#include "reports/cohort_report.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "engine/json.hpp"
#include "reports/document.hpp"
#include "reports/page_frame.hpp"
#include "reports/palette.hpp"

namespace careermap {
namespace {

// Most of a table's cohort figures (the pool's column left out) are hidden.
bool mostly_hidden(const AggregateTable& t) {
  int hidden_cells = 0, cells = 0;
  for (const auto& row : t.values)
    for (size_t g = 0; g + 1 < row.size(); ++g) {
      ++cells;
      hidden_cells += !row[g];
    }
  return cells > 0 && 2 * hidden_cells > cells;
}

CohortTable table_of(const AggregateTable& t, std::vector<std::string> rows, bool shaded) {
  return {std::move(rows), t.values, 0, shaded, mostly_hidden(t)};
}

class Builder {
 public:
  Builder(const Questionnaire& q, const CohortSummary& s, const Templates& t, Lang lang) : q_(q), s_(s), t_(t), lang_(lang) {}

  std::string tx(const std::string& key) const { return t_.text(key, lang_); }

  std::string group_label(size_t g) const {
    return s_.groups[g] == "all" ? tx("report.all") : fill(tx("report.cohort"), {{"cohort", s_.groups[g]}});
  }

  void heads(CohortReport& r) const {
    for (size_t g = 0; g < s_.groups.size(); ++g)
      r.groups.push_back({group_label(g), s_.people_hidden[g] ? std::nullopt : std::optional<int>(s_.people[g])});
  }

  void overview(CohortReport& r) const {
    r.overview_heading = tx("overview.heading"), r.pool_hint = tx("report.pool_hint");
    if (!s_.small_groups.empty()) {
      std::string list;
      for (const auto& c : s_.small_groups) list += (list.empty() ? "" : "、") + c;
      r.pooled = fill(tx("report.pooled"), {{"cohorts", list}});
    }
    if (!s_.differing.empty()) {
      std::string list;
      for (size_t g = 0; g < s_.groups.size(); ++g)
        if (std::find(s_.differing.begin(), s_.differing.end(), s_.groups[g]) != s_.differing.end())
          list += (list.empty() ? "" : "、") + group_label(g);
      r.differing = fill(tx("report.differing"), {{"groups", list}});
    }
    r.overview_mostly_hidden = mostly_hidden(s_.current);
    for (const auto& st : q_.model.stages) r.stage_labels.push_back(st.label.in(lang_));
    for (const auto& lv : q_.model.levels) r.level_labels.push_back(lv.label.in(lang_));
    const bool anyone = s_.people[s_.groups.size() - 1] != 0;
    for (size_t g = 0; g < s_.groups.size(); ++g) {
      auto& cells = r.current.emplace_back();
      for (int sc = 0; sc < q_.model.scene_count(); ++sc) {
        const Scene& scene = q_.model.scenes[sc];
        const auto& v = s_.current.values[sc][g];
        std::optional<double> share;
        if (v) share = anyone ? *v / std::max(1, s_.people[g]) * 100 : 0;
        cells.push_back({scene.stage, scene.level, v, share});
      }
    }
  }

  void profile(CohortReport& r) const {
    r.profile_heading = tx("profile.heading");
    std::vector<std::string> labels;
    for (const auto& sc : q_.model.scenes) labels.push_back(std::to_string(sc.number) + ". " + sc.label.in(lang_));
    r.profile = table_of(s_.profile, std::move(labels), true);
  }

  void checklists_and_movement(CohortReport& r) const {
    r.checklist_heading = tx("checklist.heading");
    for (const auto& c : s_.checklists) {
      const Item& item = q_.items[*q_.find_item(c.id.substr(std::string("checklist:").size()))];
      std::vector<std::string> labels;
      for (const auto& o : item.options) labels.push_back(o.label.in(lang_));
      r.checklists.push_back(table_of(c, std::move(labels), false));
    }
    // Names the questionnaire's first and last meetings (FORMAT.md "Parts and meetings").
    r.movement_heading = fill(tx("movement.heading"), {{"first", q_.meetings.front().name.in(lang_)},
                                                        {"last", q_.meetings.back().name.in(lang_)}});
    std::vector<std::string> kinds;
    for (const auto& k : s_.movement.rows) kinds.push_back(tx("movement." + k));
    r.movement = table_of(s_.movement, std::move(kinds), false);
    r.flows_title = tx("movement.flows"), r.no_flows = tx("movement.no_flows");
    for (const auto& sc : q_.model.scenes) r.scenes.push_back({sc.number, sc.stage, sc.level, sc.label.in(lang_)});
    for (size_t a = 0; a < s_.flows.size(); ++a)
      for (size_t b = 0; b < s_.flows[a].size(); ++b)
        if (s_.flows[a][b] && *s_.flows[a][b] > 0) r.flows.push_back({a, b, *s_.flows[a][b]});
  }

  void trends(CohortReport& r) const {
    r.trends_heading = tx("trends.heading");
    r.legend_cohort = tx("trends.legend_cohort"), r.legend_all = tx("trends.legend_all");
    r.legend_hidden = tx("trends.legend_hidden");
    const auto trend = [&](const std::string& key, size_t top, const std::vector<std::optional<double>>& v) {
      return CohortTrend{tx(key), static_cast<int>(top), {v.begin(), v.end() - 1}, v.back()};
    };
    r.trends.push_back(trend("trends.stage", q_.model.stages.size(), s_.centroid_stage));
    r.trends.push_back(trend("trends.level", q_.model.levels.size(), s_.centroid_level));
  }

  void reliability(CohortReport& r) const {
    r.reliability_heading = tx("reliability.heading"), r.reliability_none = tx("reliability.none");
    r.reliability_n = tx("reliability.n"), r.reliability_hidden = tx("reliability.hidden");
    r.reliability_caution = tx("reliability.caution");
    for (const auto& a : s_.reliability) {
      const auto idx = q_.model.find_scene(a.id);
      r.reliability.push_back({idx ? q_.model.scenes[*idx].label.in(lang_) : a.id, a.alpha, a.n_complete});
      r.caution = r.caution || a.n_complete < kAlphaCaution;
    }
  }

 private:
  const Questionnaire& q_;
  const CohortSummary& s_;
  const Templates& t_;
  Lang lang_;
};

using frame::kMargin;
using frame::kPageH;
using frame::kPageW;

PageFrame report_frame(const CohortReport& r) {
  PageFrame f;
  f.width = kPageW, f.height = kPageH, f.margin = kMargin, f.top = 104, f.bottom = kPageH - 44;
  f.title = r.title, f.title_y = 46, f.title_size = 16;
  f.sub = r.subject, f.sub_y = 64;
  f.date = r.date_line + "　";
  f.page_pattern = r.page_pattern;
  f.rule_y = 72, f.rule_width = 0.8;
  f.note = fill(r.privacy, {{"k", std::to_string(r.min_group)}});
  f.note_size = 7.5, f.note_leading = 11.5, f.note_bottom = kPageH - 40 + 11.5;
  return f;
}

// The drawing: a pass over the model, top to bottom, formatting its numbers.
class CohortLayout {
 public:
  CohortLayout(const CohortReport& r, const FontSource& font) : r_(r), doc_(font, report_frame(r)), flow_(doc_, "") {}

  Document run() {
    overview();
    profile();
    checklists_and_movement();
    trends();
    return std::move(doc_);
  }

 private:
  double w(std::string_view s, double size) const { return doc_.width(s, size); }
  std::string people(size_t g) const {
    const auto& n = r_.groups[g].people;
    return n ? fill(r_.people_pattern, {{"n", std::to_string(*n)}}) : r_.hidden;
  }
  std::string value(const std::optional<double>& v, int decimals) const {
    return v ? json::number(*v, decimals) : r_.hidden;
  }
  void text_wrapped(const std::string& s, double x, double& y, double width, double size, Color c) {
    flow_.set_y(y);
    flow_.paragraph(s, x, width, size, c, size + 4, 0);
    y = flow_.y();
  }
  void centered(double cx, double y, const std::string& s, double size, Color c) {
    dl_.text(cx - w(s, size) / 2, y, s, size, c);
  }
  void page(const std::string& heading) {
    flow_.set_section(heading);
    flow_.new_page(false);
  }
  // Where most of a table's cohort figures are hidden: say that pooled years would show them.
  void pool_hint(bool mostly_hidden, double& y) {
    if (!mostly_hidden) return;
    text_wrapped(r_.pool_hint, kMargin, y, kPageW - 2 * kMargin, 8.5, palette::kMuted);
    y += 4;
  }

  // Where people stand: a matrix of counts per group, the grids as large as the page lets
  // them be (grid_fit), in as many rows as that takes.
  void overview() {
    page(r_.overview_heading);
    double y = 104;
    if (!r_.pooled.empty()) text_wrapped(r_.pooled, kMargin, y, kPageW - 2 * kMargin, 9, palette::kInk);
    if (!r_.differing.empty()) text_wrapped(r_.differing, kMargin, y, kPageW - 2 * kMargin, 9, palette::kInk);
    pool_hint(r_.overview_mostly_hidden, y);
    y += 34;
    const Grid grid = grid_fit(y);
    for (size_t g = 0; g < r_.groups.size(); ++g) {
      const size_t row = g / grid.across, col = g % grid.across;
      group_grid(g, kGridLeft + col * (grid.cw * stages() + kGridGap), y + row * (grid.ch * levels() + kGridBelow), grid);
    }
  }

  double stages() const { return static_cast<double>(r_.stage_labels.size()); }
  double levels() const { return static_cast<double>(r_.level_labels.size()); }

  // The overview's grids: cells cw x ch (at least 30 x 22, at most 60 x 44, in that
  // proportion), `across` grids to a row, the largest that fit the page below `top`.
  struct Grid {
    double cw = kCellW, ch = kCellH;
    size_t across = 1;
  };
  static constexpr double kCellW = 30, kCellH = 22, kMaxScale = 2;
  static constexpr double kGridLeft = kMargin + 40, kGridGap = 30, kGridBelow = 60;
  Grid grid_fit(double top) const {
    const size_t n = std::max<size_t>(1, r_.groups.size());
    const double width = kPageW - kMargin - kGridLeft, height = kPageH - 60 - top;
    Grid best;
    best.across = std::max<size_t>(1, static_cast<size_t>((width + kGridGap) / (kCellW * stages() + kGridGap)));
    double best_scale = 0;
    for (size_t across = 1; across <= n; ++across) {
      const double rows = std::ceil(static_cast<double>(n) / static_cast<double>(across));
      const double by_width = (width - (across - 1) * kGridGap) / static_cast<double>(across) / stages() / kCellW;
      const double by_height = (height / rows - kGridBelow) / levels() / kCellH;
      const double scale = std::min({by_width, by_height, kMaxScale});
      if (scale > best_scale + 1e-9) best_scale = scale, best.across = across;
    }
    if (best_scale >= 1) best.cw = kCellW * best_scale, best.ch = kCellH * best_scale;
    return best;
  }

  void group_grid(size_t g, double x, double y, const Grid& grid) {
    const int levels = static_cast<int>(r_.level_labels.size());
    const double cw = grid.cw, ch = grid.ch, k = cw / kCellW, count_size = 9 * std::min(k, 1.5);
    dl_.text(x, y - 8, r_.groups[g].label + "（" + people(g) + "）", 9.5, palette::kInk);
    for (const auto& cell : r_.current[g]) {
      const double cx = x + cell.stage * cw, cy = y + (levels - 1 - cell.level) * ch;
      const double tone = cell.share ? std::min(100.0, *cell.share * 1.5) : 0;
      dl_.fill_rect(cx, cy, cw, ch, cell.people ? palette::score_color(tone) : palette::kNoScore);
      dl_.stroke_rect(cx, cy, cw, ch, palette::kWhite, 1);
      const Color ink = cell.people && palette::needs_light_text(tone) ? palette::kWhite : palette::kInk;
      const std::string label = value(cell.people, 0);
      dl_.text(cx + (cw - w(label, count_size)) / 2, cy + ch / 2 + count_size / 3, label, count_size, ink);
    }
    // Axis hints: level labels on the first grid of a row, stage names below, each at most
    // as wide as its column.
    for (size_t st = 0; st < r_.stage_labels.size(); ++st) {
      const std::string& l = r_.stage_labels[st];
      const double size = std::min(6.5 * std::min(k, 1.3), 6.5 * (cw - 2) / std::max(1.0, w(l, 6.5)));
      dl_.text(x + st * cw + (cw - w(l, size)) / 2, y + levels * ch + 9, l, size, palette::kMuted);
    }
    if (x == kGridLeft)
      for (int lv = 0; lv < levels; ++lv) {
        const std::string& l = r_.level_labels[lv];
        const double size = std::min(6.5, 6.5 * (kGridLeft - kMargin - 3) / std::max(1.0, w(l, 6.5)));
        dl_.text(kMargin, y + (levels - 1 - lv) * ch + ch / 2 + 3, l, size, palette::kMuted);
      }
  }

  // A table: a label column, then one column per group.
  void table(double& y, const CohortTable& t) {
    pool_hint(t.mostly_hidden, y);
    const size_t groups = r_.groups.size();
    const double label_w = 230, col = std::min(80.0, (kPageW - 2 * kMargin - label_w) / groups);
    for (size_t g = 0; g < groups; ++g) {
      const std::string& h = r_.groups[g].label;
      dl_.text(kMargin + label_w + g * col + (col - w(h, 8.5)) / 2, y + 10, h, 8.5, palette::kInk);
      const std::string p = people(g);
      dl_.text(kMargin + label_w + g * col + (col - w(p, 7)) / 2, y + 20, p, 7, palette::kMuted);
    }
    y += 26;
    for (size_t row = 0; row < t.rows.size(); ++row) {
      dl_.text(kMargin, y + 11, t.rows[row], 8.5, palette::kInk);
      for (size_t g = 0; g < groups; ++g) {
        const auto& v = t.values[row][g];
        const double x = kMargin + label_w + g * col;
        if (t.shaded && v) dl_.fill_rect(x + 2, y + 1, col - 4, 14, palette::score_color(*v));
        const std::string s = value(v, t.decimals);
        const Color ink = t.shaded && v && palette::needs_light_text(*v) ? palette::kWhite : palette::kInk;
        dl_.text(x + (col - w(s, 8.5)) / 2, y + 11.5, s, 8.5, ink);
      }
      dl_.line(kMargin, y + 16, kMargin + label_w + col * groups, y + 16, palette::kRule, 0.3);
      y += 16;
    }
  }

  // A table's height: its hint (as many lines as it takes, pool_hint), its heading row and
  // its rows.
  double table_height(const CohortTable& t) const {
    const double hint = static_cast<double>(doc_.lines(r_.pool_hint, kPageW - 2 * kMargin, 8.5).size());
    return (t.mostly_hidden ? hint * (8.5 + 4) + 4 : 0) + 26 + 16 * static_cast<double>(t.rows.size());
  }

  // A section of tables goes on the page in hand, under a heading of its own, when its
  // `needed` points fit below what is there; else on a new page headed with it. Returns
  // where its first table goes.
  double section(const std::string& heading, double needed) {
    static constexpr double kBottom = kPageH - 60, kHeading = 34;
    if (y_ > 0 && y_ + kHeading + needed <= kBottom) {
      dl_.text(kMargin, y_ + 24, heading, 12, palette::kInk);
      return y_ + kHeading;
    }
    page(heading);
    return 106;
  }

  void profile() {
    y_ = 0;  // the overview has its page to itself
    double y = section(r_.profile_heading, table_height(r_.profile));
    table(y, r_.profile);
    y_ = y;
  }

  std::string flows_title() const { return fill(r_.flows_title, {{"k", std::to_string(r_.min_group)}}); }

  void checklists_and_movement() {
    if (!r_.checklists.empty()) {
      double needed = 0;
      for (const auto& c : r_.checklists) needed += table_height(c) + 14;
      double y = section(r_.checklist_heading, needed);
      for (const auto& c : r_.checklists) {
        table(y, c);
        y += 14;
      }
      y_ = y;
    }
    double y = section(r_.movement_heading, table_height(r_.movement) + (r_.flows.empty() ? 30 : 0));
    table(y, r_.movement);
    if (r_.flows.empty()) {  // a page of its own only when a flow shows
      y += 8;
      text_wrapped(flows_title() + "：" + r_.no_flows, kMargin, y, kPageW - 2 * kMargin, 8.5, palette::kMuted);
      return;
    }
    // The map under the table when it fits there at its first size at least, else on a page
    // of its own.
    const double top = y + 30;
    if (top + this->levels() * 64 + 30 > kPageH - 80) {
      page(r_.movement_heading);
      flow_map(130);
    } else {
      flow_map(top);
    }
  }

  // Movement in all cohorts drawn on the matrix: an arrow from where people stood at the
  // first meeting to where they stood at the last, for flows of at least min_group people.
  void flow_map(double y0) {
    const int levels = static_cast<int>(r_.level_labels.size());
    // As large as the page lets it be, in the career map's proportions.
    const double x0 = kMargin + 40;
    const double scale = std::clamp(std::min((kPageW - kMargin - x0) / stages() / 90, (kPageH - 80 - y0) / this->levels() / 64), 1.0, 2.0);
    const double cw = 90 * scale, ch = 64 * scale, text_k = std::min(scale, 1.4);
    dl_.text(x0, y0 - 10, flows_title(), 9, palette::kInk);
    for (const auto& sc : r_.scenes) {
      const double x = x0 + sc.stage * cw, y = y0 + (levels - 1 - sc.level) * ch;
      dl_.fill_rect(x, y, cw, ch, palette::kNoScore);
      dl_.stroke_rect(x, y, cw, ch, palette::kWhite, 1.2);
      dl_.text(x + 3, y + 9 * text_k, std::to_string(sc.number), 6.5 * text_k, palette::kMuted);
      if (scale > 1.2) {  // room for the scene's name under its number
        double ly = y + 9 * text_k;
        for (const auto& l : doc_.lines(sc.label, cw - 6, 7.5)) dl_.text(x + 3, ly += 10, l, 7.5, palette::kMuted);
      }
    }
    for (size_t st = 0; st < r_.stage_labels.size(); ++st) {
      const std::string& l = r_.stage_labels[st];
      dl_.text(x0 + st * cw + (cw - w(l, 7 * text_k)) / 2, y0 + levels * ch + 10 * text_k, l, 7 * text_k, palette::kMuted);
    }
    for (int lv = 0; lv < levels; ++lv) {
      const std::string& l = r_.level_labels[lv];
      const double size = std::min(7 * text_k, 7 * (x0 - kMargin - 3) / std::max(1.0, w(l, 7)));
      dl_.text(kMargin, y0 + (levels - 1 - lv + 0.5) * ch + size / 3, l, size, palette::kMuted);
    }
    const auto centre = [&](size_t scene) {
      const CohortScene& sc = r_.scenes[scene];
      return std::pair<double, double>{x0 + (sc.stage + 0.5) * cw, y0 + (levels - 1 - sc.level + 0.5) * ch};
    };
    for (const auto& f : r_.flows) arrow(centre(f.from), centre(f.to), f.from == f.to, std::to_string(f.people), text_k);
  }

  // `k`: how much larger than at first the map is drawn (its rings, arrows and counts too).
  void arrow(std::pair<double, double> from, std::pair<double, double> to, bool stayed, const std::string& n, double k) {
    const auto [ax, ay] = from;
    const auto [bx, by] = to;
    const double size = 8 * k;
    if (stayed) {  // stayed: a ring with the count
      dl_.circle(ax, ay, 9 * k, palette::kWhite, palette::kPath, 1.2 * k);
      dl_.text(ax - w(n, size) / 2, ay + size * 0.375, n, size, palette::kPath);
      return;
    }
    const double dx = bx - ax, dy = by - ay, len = std::hypot(dx, dy), ux = dx / len, uy = dy / len;
    const double sx = ax + ux * 8 * k, sy = ay + uy * 8 * k, ex = bx - ux * 8 * k, ey = by - uy * 8 * k;
    dl_.line(sx, sy, ex - ux * 6 * k, ey - uy * 6 * k, palette::kCurrent, 2 * k);
    dl_.triangle(ex, ey, ex - (ux * 8 + uy * 4) * k, ey - (uy * 8 - ux * 4) * k, ex - (ux * 8 - uy * 4) * k,
                 ey - (uy * 8 + ux * 4) * k, palette::kCurrent);
    const double mx = (sx + ex) / 2, my = (sy + ey) / 2;
    dl_.fill_rect(mx - w(n, size) / 2 - 2, my - 7 * k, w(n, size) + 4, 10 * k, palette::kWhite);
    dl_.text(mx - w(n, size) / 2, my + 1.5 * k, n, size, palette::kCurrent);
  }

  void trends() {
    page(r_.trends_heading);
    double y = 110;
    for (const auto& t : r_.trends) y = trend_chart(t, y);
    reliability();
  }

  // A chart per axis: one point per cohort (hidden ones left out), the pool as a line; returns
  // the y below it.
  static constexpr double kChartX = kMargin + 40, kChartW = 330, kChartH = 120;
  double trend_chart(const CohortTrend& t, double y) {
    const double cx = kChartX, lo = 1, hi = t.top, top = y + 10;
    const auto at = [&](double v) { return top + kChartH - (v - lo) / (hi - lo) * kChartH; };
    dl_.text(cx - 30, y, t.label, 9, palette::kInk);
    dl_.stroke_rect(cx, top, kChartW, kChartH, palette::kRule, 0.6);
    for (double v = lo; v <= hi; v += 1) {
      dl_.line(cx, at(v), cx + kChartW, at(v), palette::kRule, 0.3, true);
      dl_.text(cx - 12, at(v) + 3, json::number(v, 0), 7, palette::kMuted);
    }
    if (t.pool) dl_.line(cx, at(*t.pool), cx + kChartW, at(*t.pool), palette::kCurrent, 1.2, true);
    const size_t cohorts = t.cohorts.size();
    const std::pair<double, double>* prev = nullptr;
    std::vector<std::pair<double, double>> pts(cohorts);
    for (size_t g = 0; g < cohorts; ++g) {
      const double px = cx + kChartW * (g + 0.5) / std::max<size_t>(1, cohorts);
      centered(px, top + kChartH + 11, r_.groups[g].label, 7, palette::kMuted);
      if (!t.cohorts[g]) {
        centered(px, top + kChartH / 2, r_.hidden, 9, palette::kMuted);
        prev = nullptr;
        continue;
      }
      pts[g] = {px, at(*t.cohorts[g])};
      if (prev) dl_.line(prev->first, prev->second, pts[g].first, pts[g].second, palette::kPath, 1.2);
      dl_.circle(pts[g].first, pts[g].second, 3, palette::kPath, palette::kPath, 1);
      prev = &pts[g];
    }
    value_labels(t, pts, top);
    legend(top + kChartH + 26);
    return top + kChartH + 50;
  }

  // Value labels last, on white, above the point (below it near the top), clear of the lines.
  void value_labels(const CohortTrend& t, const std::vector<std::pair<double, double>>& pts, double top) {
    for (size_t g = 0; g < t.cohorts.size(); ++g) {
      if (!t.cohorts[g]) continue;
      const std::string label = json::number(*t.cohorts[g], 2);
      const double lw = w(label, 7), ly = pts[g].second - top < 16 ? pts[g].second + 14 : pts[g].second - 7;
      dl_.fill_rect(pts[g].first - lw / 2 - 1.5, ly - 7, lw + 3, 9, palette::kWhite);
      dl_.text(pts[g].first - lw / 2, ly, label, 7, palette::kInk);
    }
  }

  // Legend: every line and mark of the chart.
  void legend(double ly) {
    const double cx = kChartX;
    dl_.line(cx, ly - 3, cx + 18, ly - 3, palette::kPath, 1.2);
    dl_.circle(cx + 9, ly - 3, 3, palette::kPath, palette::kPath, 1);
    dl_.text(cx + 24, ly, r_.legend_cohort, 7, palette::kInk);
    const double lx = cx + 34 + w(r_.legend_cohort, 7);
    dl_.line(lx, ly - 3, lx + 18, ly - 3, palette::kCurrent, 1.2, true);
    dl_.text(lx + 24, ly, r_.legend_all, 7, palette::kInk);
    const double hx = lx + 34 + w(r_.legend_all, 7);
    dl_.text(hx, ly, r_.hidden + " " + r_.legend_hidden, 7, palette::kMuted);
  }

  // Reliability on the right.
  void reliability() {
    double ry = 110;
    const double rx = kMargin + 420;
    dl_.text(rx, ry, r_.reliability_heading, 9, palette::kInk);
    ry += 8;
    for (const auto& a : r_.reliability) {
      ry += 15;
      dl_.text(rx, ry, a.label, 8.5, palette::kInk);
      char buf[16];
      if (a.alpha) std::snprintf(buf, sizeof buf, "%.2f", *a.alpha);
      const std::string alpha = a.alpha ? std::string(buf) : r_.reliability_none;
      const std::string n = fill(r_.reliability_n, {{"n", std::to_string(a.complete)}});
      dl_.text(kPageW - kMargin - 60 - w(alpha, 8.5), ry, alpha, 8.5, a.alpha ? palette::kInk : palette::kMuted);
      dl_.text(kPageW - kMargin - w(n, 7.5), ry, n, 7.5, palette::kMuted);
    }
    if (r_.reliability.empty()) {
      ry += 15;
      dl_.text(rx, ry, r_.reliability_hidden, 8.5, palette::kMuted);
    }
    ry += 8;
    if (r_.caution)
      text_wrapped(fill(r_.reliability_caution, {{"n", std::to_string(kAlphaCaution)}}), rx, ry,
                   kPageW - kMargin - rx, 7.5, palette::kInk);
  }

  const CohortReport& r_;
  double y_ = 0;  // where the page in hand's tables end (0: start a page)
  Document doc_;
  DisplayList& dl_ = doc_.pages();
  Flow flow_;
};

}  // namespace

CohortReport build_cohort_report(const Questionnaire& q, const CohortSummary& s, const Templates& t, Lang lang,
                                 const std::string& date) {
  const Builder b(q, s, t, lang);
  CohortReport r;
  r.title = b.tx("report.title"), r.subject = b.tx("report.subject"), r.date = date;
  r.date_line = fill(b.tx("report.date"), {{"date", date}});
  r.page_pattern = b.tx("report.page"), r.privacy = b.tx("report.privacy");
  r.hidden = b.tx("report.hidden"), r.people_pattern = b.tx("report.people");
  r.min_group = s.min_group;
  b.heads(r);
  b.overview(r);
  b.profile(r);
  b.checklists_and_movement(r);
  b.trends(r);
  b.reliability(r);
  return r;
}

DisplayList layout_cohort_report(const CohortReport& r, const FontSource& font) {
  Document doc = CohortLayout(r, font).run();
  return std::move(doc.pages());
}

void write_cohort_report_pdf(const CohortReport& r, const FontSource& font, const std::string& path) {
  CohortLayout(r, font).run().write(path, {r.title, r.subject, "", r.date});
}

void write_cohort_report_pdf(const Questionnaire& q, const CohortSummary& s, const Templates& t, Lang lang,
                             const std::string& date, const FontSource& font, const std::string& path) {
  write_cohort_report_pdf(build_cohort_report(q, s, t, lang, date), font, path);
}

}  // namespace careermap
