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

using frame::kMargin;
using frame::kPageH;
using frame::kPageW;

// Below this many complete answers, alpha is printed with a caution: it moves a lot with one person.
constexpr int kAlphaCaution = 30;

class CohortLayout {
 public:
  CohortLayout(const Questionnaire& q, const CohortSummary& s, const Templates& t, Lang lang, std::string date,
               const FontSource& font)
      : q_(q), s_(s), t_(t), lang_(lang), date_(std::move(date)), doc_(font, report_frame()), flow_(doc_, "") {}

  Document run() {
    overview();
    profile();
    checklists_and_movement();
    trends();
    return std::move(doc_);
  }

 private:
  std::string tx(const std::string& key) const { return t_.text(key, lang_); }
  double w(std::string_view s, double size) const { return doc_.width(s, size); }
  std::string hidden() const { return tx("report.hidden"); }
  std::string group_label(size_t g) const {
    return s_.groups[g] == "all" ? tx("report.all") : fill(tx("report.cohort"), {{"cohort", s_.groups[g]}});
  }
  std::string people(size_t g) const {
    return s_.people_hidden[g] ? hidden() : fill(tx("report.people"), {{"n", std::to_string(s_.people[g])}});
  }
  std::string value(const std::optional<double>& v, int decimals) const {
    return v ? json::number(*v, decimals) : hidden();
  }
  void text_wrapped(const std::string& s, double x, double& y, double width, double size, Color c) {
    flow_.set_y(y);
    flow_.paragraph(s, x, width, size, c, size + 4, 0);
    y = flow_.y();
  }

  PageFrame report_frame() const {
    PageFrame f;
    f.width = kPageW, f.height = kPageH, f.margin = kMargin, f.top = 104, f.bottom = kPageH - 44;
    f.title = tx("report.title"), f.title_y = 46, f.title_size = 16;
    f.sub = tx("report.subject"), f.sub_y = 64;
    f.date = fill(tx("report.date"), {{"date", date_}}) + "　";
    f.page_pattern = tx("report.page");
    f.rule_y = 72, f.rule_width = 0.8;
    f.note = fill(tx("report.privacy"), {{"k", std::to_string(s_.min_group)}});
    f.note_size = 7.5, f.note_leading = 11.5, f.note_bottom = kPageH - 40 + 11.5;
    return f;
  }

  void page(const std::string& heading) {
    flow_.set_section(heading);
    flow_.new_page(false);
  }

  // Where people stand: a small matrix of counts per group.
  void overview() {
    page(tx("overview.heading"));
    double y = 104;
    if (!s_.small_groups.empty()) {
      std::string list;
      for (const auto& c : s_.small_groups) list += (list.empty() ? "" : "、") + c;
      text_wrapped(fill(tx("report.pooled"), {{"cohorts", list}}), kMargin, y, kPageW - 2 * kMargin, 9, palette::kInk);
    }
    if (!s_.differing.empty()) {
      std::string list;
      for (size_t g = 0; g < s_.groups.size(); ++g)
        if (std::find(s_.differing.begin(), s_.differing.end(), s_.groups[g]) != s_.differing.end())
          list += (list.empty() ? "" : "、") + group_label(g);
      text_wrapped(fill(tx("report.differing"), {{"groups", list}}), kMargin, y, kPageW - 2 * kMargin, 9, palette::kInk);
    }
    mostly_hidden(s_.current, y);
    const int S = q_.model.scene_count(), stages = static_cast<int>(q_.model.stages.size());
    const int levels = static_cast<int>(q_.model.levels.size());
    const double cw = 30, ch = 22, gw = cw * stages + 30;
    double x = kMargin + 40;
    y += 34;
    for (size_t g = 0; g < s_.groups.size(); ++g) {
      if (x + gw > kPageW - kMargin) {
        x = kMargin + 40;
        y += ch * levels + 60;
      }
      dl_.text(x, y - 8, group_label(g) + "（" + people(g) + "）", 9.5, palette::kInk);
      for (int sc = 0; sc < S; ++sc) {
        const Scene& scene = q_.model.scenes[sc];
        const double cx = x + scene.stage * cw, cy = y + (levels - 1 - scene.level) * ch;
        const auto& v = s_.current.values[sc][g];
        const double share = v && s_.people[s_.groups.size() - 1] ? *v / std::max(1, s_.people[g]) * 100 : 0;
        dl_.fill_rect(cx, cy, cw, ch, v ? palette::score_color(std::min(100.0, share * 1.5)) : palette::kNoScore);
        dl_.stroke_rect(cx, cy, cw, ch, palette::kWhite, 1);
        const std::string label = value(v, 0);
        const Color ink = v && palette::needs_light_text(std::min(100.0, share * 1.5)) ? palette::kWhite : palette::kInk;
        dl_.text(cx + (cw - w(label, 9)) / 2, cy + ch / 2 + 3, label, 9, ink);
      }
      // Axis hints: level labels on the first grid of a row, stage initials below.
      for (int st = 0; st < stages; ++st) {
        const std::string l = q_.model.stages[st].label.in(lang_);
        const double size = std::min(6.5, 6.5 * (cw - 2) / std::max(1.0, w(l, 6.5)));
        dl_.text(x + st * cw + (cw - w(l, size)) / 2, y + levels * ch + 9, l, size, palette::kMuted);
      }
      if (x == kMargin + 40)
        for (int lv = 0; lv < levels; ++lv) {
          const std::string l = q_.model.levels[lv].label.in(lang_);
          dl_.text(kMargin, y + (levels - 1 - lv) * ch + ch / 2 + 3, l, 6.5, palette::kMuted);
        }
      x += gw;
    }
  }

  // Where most of a table's cohort figures are hidden: say that pooled years would show them.
  void mostly_hidden(const AggregateTable& t, double& y) {
    int hidden_cells = 0, cells = 0;
    for (const auto& row : t.values)
      for (size_t g = 0; g + 1 < row.size(); ++g) {
        ++cells;
        hidden_cells += !row[g];
      }
    if (cells > 0 && 2 * hidden_cells > cells) {
      text_wrapped(tx("report.pool_hint"), kMargin, y, kPageW - 2 * kMargin, 8.5, palette::kMuted);
      y += 4;
    }
  }

  // A table: a label column, then one column per group.
  void table(double& y, const std::vector<std::string>& labels, const AggregateTable& t, int decimals, bool shade) {
    mostly_hidden(t, y);
    const double label_w = 230, col = std::min(80.0, (kPageW - 2 * kMargin - label_w) / s_.groups.size());
    for (size_t g = 0; g < s_.groups.size(); ++g) {
      const std::string h = group_label(g);
      dl_.text(kMargin + label_w + g * col + (col - w(h, 8.5)) / 2, y + 10, h, 8.5, palette::kInk);
      const std::string p = people(g);
      dl_.text(kMargin + label_w + g * col + (col - w(p, 7)) / 2, y + 20, p, 7, palette::kMuted);
    }
    y += 26;
    for (size_t r = 0; r < t.rows.size(); ++r) {
      dl_.text(kMargin, y + 11, labels[r], 8.5, palette::kInk);
      for (size_t g = 0; g < s_.groups.size(); ++g) {
        const auto& v = t.values[r][g];
        const double x = kMargin + label_w + g * col;
        if (shade && v) dl_.fill_rect(x + 2, y + 1, col - 4, 14, palette::score_color(*v));
        const std::string s = value(v, decimals);
        const Color ink = shade && v && palette::needs_light_text(*v) ? palette::kWhite : palette::kInk;
        dl_.text(x + (col - w(s, 8.5)) / 2, y + 11.5, s, 8.5, ink);
      }
      dl_.line(kMargin, y + 16, kMargin + label_w + col * s_.groups.size(), y + 16, palette::kRule, 0.3);
      y += 16;
    }
  }

  void profile() {
    page(tx("profile.heading"));
    double y = 106;
    std::vector<std::string> labels;
    for (const auto& sc : q_.model.scenes) labels.push_back(std::to_string(sc.number) + ". " + sc.label.in(lang_));
    table(y, labels, s_.profile, 0, true);
  }

  // Names the questionnaire's first and last meetings (FORMAT.md "Parts and meetings").
  std::string movement_heading() const {
    return fill(tx("movement.heading"),
                {{"first", q_.meetings.front().name.in(lang_)}, {"last", q_.meetings.back().name.in(lang_)}});
  }

  void checklists_and_movement() {
    page(tx("checklist.heading"));
    double y = 106;
    for (const auto& c : s_.checklists) {
      const Item& item = q_.items[*q_.find_item(c.id.substr(std::string("checklist:").size()))];
      std::vector<std::string> labels;
      for (const auto& o : item.options) labels.push_back(o.label.in(lang_));
      table(y, labels, c, 0, false);
      y += 14;
    }
    y += 10;
    dl_.text(kMargin, y + 12, movement_heading(), 12, palette::kInk);
    y += 22;
    std::vector<std::string> kinds;
    for (const auto& k : s_.movement.rows) kinds.push_back(tx("movement." + k));
    table(y, kinds, s_.movement, 0, false);
    bool any = false;  // a page of its own only when a flow shows
    for (const auto& row : s_.flows)
      for (const auto& f : row) any = any || (f && *f > 0);
    if (!any) {
      y += 8;
      text_wrapped(fill(tx("movement.flows"), {{"k", std::to_string(s_.min_group)}}) + "：" + tx("movement.no_flows"),
                   kMargin, y, kPageW - 2 * kMargin, 8.5, palette::kMuted);
      return;
    }
    page(movement_heading());
    flow_map();
  }

  // Movement in all cohorts drawn on the matrix: an arrow from where people stood at the
  // first meeting to where they stood at the last, for flows of at least min_group people.
  void flow_map() {
    const int stages = static_cast<int>(q_.model.stages.size()), levels = static_cast<int>(q_.model.levels.size());
    const double cw = 90, ch = 64, x0 = kMargin + 40, y0 = 130;
    dl_.text(x0, y0 - 10, fill(tx("movement.flows"), {{"k", std::to_string(s_.min_group)}}), 9, palette::kInk);
    auto centre = [&](size_t scene) {
      const Scene& sc = q_.model.scenes[scene];
      return std::pair<double, double>{x0 + (sc.stage + 0.5) * cw, y0 + (levels - 1 - sc.level + 0.5) * ch};
    };
    for (const auto& sc : q_.model.scenes) {
      const double x = x0 + sc.stage * cw, y = y0 + (levels - 1 - sc.level) * ch;
      dl_.fill_rect(x, y, cw, ch, palette::kNoScore);
      dl_.stroke_rect(x, y, cw, ch, palette::kWhite, 1.2);
      dl_.text(x + 3, y + 9, std::to_string(sc.number), 6.5, palette::kMuted);
    }
    for (int st = 0; st < stages; ++st) {
      const std::string l = q_.model.stages[st].label.in(lang_);
      dl_.text(x0 + st * cw + (cw - w(l, 7)) / 2, y0 + levels * ch + 10, l, 7, palette::kMuted);
    }
    bool any = false;
    for (size_t a = 0; a < s_.flows.size(); ++a)
      for (size_t b = 0; b < s_.flows[a].size(); ++b) {
        if (!s_.flows[a][b] || *s_.flows[a][b] == 0) continue;
        any = true;
        const std::string n = std::to_string(*s_.flows[a][b]);
        const auto [ax, ay] = centre(a);
        const auto [bx, by] = centre(b);
        if (a == b) {  // stayed: a ring with the count
          dl_.circle(ax, ay, 9, palette::kWhite, palette::kPath, 1.2);
          dl_.text(ax - w(n, 8) / 2, ay + 3, n, 8, palette::kPath);
          continue;
        }
        const double dx = bx - ax, dy = by - ay, len = std::hypot(dx, dy), ux = dx / len, uy = dy / len;
        const double sx = ax + ux * 8, sy = ay + uy * 8, ex = bx - ux * 8, ey = by - uy * 8;
        dl_.line(sx, sy, ex - ux * 6, ey - uy * 6, palette::kCurrent, 2);
        dl_.triangle(ex, ey, ex - ux * 8 - uy * 4, ey - uy * 8 + ux * 4, ex - ux * 8 + uy * 4, ey - uy * 8 - ux * 4,
                     palette::kCurrent);
        const double mx = (sx + ex) / 2, my = (sy + ey) / 2;
        dl_.fill_rect(mx - w(n, 8) / 2 - 2, my - 7, w(n, 8) + 4, 10, palette::kWhite);
        dl_.text(mx - w(n, 8) / 2, my + 1.5, n, 8, palette::kCurrent);
      }
    if (!any) dl_.text(x0, y0 + levels * ch + 24, tx("movement.no_flows"), 8.5, palette::kMuted);
  }

  void trends() {
    page(tx("trends.heading"));
    double y = 110;
    // A chart per axis: one point per cohort (hidden ones left out), the pool as a line.
    const size_t cohorts = s_.groups.size() - 1;
    const double cx = kMargin + 40, cwid = 330, chh = 120;
    for (int axis = 0; axis < 2; ++axis) {
      const auto& v = axis == 0 ? s_.centroid_stage : s_.centroid_level;
      const double lo = 1, hi = axis == 0 ? q_.model.stages.size() : q_.model.levels.size();
      dl_.text(cx - 30, y, tx(axis == 0 ? "trends.stage" : "trends.level"), 9, palette::kInk);
      const double top = y + 10;
      dl_.stroke_rect(cx, top, cwid, chh, palette::kRule, 0.6);
      for (double t = lo; t <= hi; t += 1) {
        const double py = top + chh - (t - lo) / (hi - lo) * chh;
        dl_.line(cx, py, cx + cwid, py, palette::kRule, 0.3, true);
        dl_.text(cx - 12, py + 3, json::number(t, 0), 7, palette::kMuted);
      }
      if (v.back()) {
        const double py = top + chh - (*v.back() - lo) / (hi - lo) * chh;
        dl_.line(cx, py, cx + cwid, py, palette::kCurrent, 1.2, true);
      }
      const std::pair<double, double>* prev = nullptr;
      std::vector<std::pair<double, double>> pts(cohorts);
      for (size_t g = 0; g < cohorts; ++g) {
        const double px = cx + cwid * (g + 0.5) / std::max<size_t>(1, cohorts);
        dl_.text(px - w(group_label(g), 7) / 2, top + chh + 11, group_label(g), 7, palette::kMuted);
        if (!v[g]) {
          dl_.text(px - w(hidden(), 9) / 2, top + chh / 2, hidden(), 9, palette::kMuted);
          prev = nullptr;
          continue;
        }
        pts[g] = {px, top + chh - (*v[g] - lo) / (hi - lo) * chh};
        if (prev) dl_.line(prev->first, prev->second, pts[g].first, pts[g].second, palette::kPath, 1.2);
        dl_.circle(pts[g].first, pts[g].second, 3, palette::kPath, palette::kPath, 1);
        prev = &pts[g];
      }
      // Value labels last, on white, above the point (below it near the top), clear of the lines.
      for (size_t g = 0; g < cohorts; ++g) {
        if (!v[g]) continue;
        const std::string label = json::number(*v[g], 2);
        const double lw = w(label, 7), ly = pts[g].second - top < 16 ? pts[g].second + 14 : pts[g].second - 7;
        dl_.fill_rect(pts[g].first - lw / 2 - 1.5, ly - 7, lw + 3, 9, palette::kWhite);
        dl_.text(pts[g].first - lw / 2, ly, label, 7, palette::kInk);
      }
      // Legend: every line and mark of the chart.
      const double ly = top + chh + 26;
      dl_.line(cx, ly - 3, cx + 18, ly - 3, palette::kPath, 1.2);
      dl_.circle(cx + 9, ly - 3, 3, palette::kPath, palette::kPath, 1);
      dl_.text(cx + 24, ly, tx("trends.legend_cohort"), 7, palette::kInk);
      const double lx = cx + 34 + w(tx("trends.legend_cohort"), 7);
      dl_.line(lx, ly - 3, lx + 18, ly - 3, palette::kCurrent, 1.2, true);
      dl_.text(lx + 24, ly, tx("trends.legend_all"), 7, palette::kInk);
      const double hx = lx + 34 + w(tx("trends.legend_all"), 7);
      dl_.text(hx, ly, hidden() + " " + tx("trends.legend_hidden"), 7, palette::kMuted);
      y = top + chh + 50;
    }
    // Reliability on the right.
    double ry = 110;
    const double rx = kMargin + 420;
    dl_.text(rx, ry, tx("reliability.heading"), 9, palette::kInk);
    ry += 8;
    bool caution = false;
    for (const auto& r : s_.reliability) {
      const auto idx = q_.model.find_scene(r.id);
      const std::string label = idx ? q_.model.scenes[*idx].label.in(lang_) : r.id;
      ry += 15;
      dl_.text(rx, ry, label, 8.5, palette::kInk);
      char buf[16];
      if (r.alpha) std::snprintf(buf, sizeof buf, "%.2f", *r.alpha);
      const std::string a = r.alpha ? std::string(buf) : tx("reliability.none");
      const std::string n = fill(tx("reliability.n"), {{"n", std::to_string(r.n_complete)}});
      dl_.text(kPageW - kMargin - 60 - w(a, 8.5), ry, a, 8.5, r.alpha ? palette::kInk : palette::kMuted);
      dl_.text(kPageW - kMargin - w(n, 7.5), ry, n, 7.5, palette::kMuted);
      caution = caution || r.n_complete < kAlphaCaution;
    }
    if (s_.reliability.empty()) {
      ry += 15;
      dl_.text(rx, ry, tx("reliability.hidden"), 8.5, palette::kMuted);
    }
    ry += 8;
    if (caution)
      text_wrapped(fill(tx("reliability.caution"), {{"n", std::to_string(kAlphaCaution)}}), rx, ry, kPageW - kMargin - rx,
                   7.5, palette::kInk);
  }

  const Questionnaire& q_;
  const CohortSummary& s_;
  const Templates& t_;
  Lang lang_;
  std::string date_;
  Document doc_;
  DisplayList& dl_ = doc_.pages();
  Flow flow_;
};

}  // namespace

DisplayList layout_cohort_report(const Questionnaire& q, const CohortSummary& s, const Templates& t, Lang lang,
                                 const std::string& date, const FontSource& font) {
  Document doc = CohortLayout(q, s, t, lang, date, font).run();
  return std::move(doc.pages());
}

void write_cohort_report_pdf(const Questionnaire& q, const CohortSummary& s, const Templates& t, Lang lang,
                             const std::string& date, const FontSource& font, const std::string& path) {
  CohortLayout(q, s, t, lang, date, font).run().write(path, {t.text("report.title", lang), t.text("report.subject", lang), "", date});
}

}  // namespace careermap
