#include "reports/map_page.hpp"

#include <algorithm>
#include <cmath>
#include <map>

#include "reports/cell_markers.hpp"
#include "reports/palette.hpp"
#include "reports/path_route.hpp"

namespace careermap {
namespace {

using namespace frame;

constexpr double kGridX = 118, kGridY = 116, kGridW = 480, kGridH = 360;
constexpr double kPanelX = 622, kPanelW = kPageW - kMargin - kPanelX;
constexpr double kListSize = 8.5, kLine = 11.5;
constexpr double kClearance = 2;   // the path keeps this far from text and markers
constexpr double kBeside = 6.5;    // lanes beside a cell edge: inside the next-step frame, before the text
constexpr route::ArrowShape kArrow{};

struct Box {
  double x, y, w, h;
};

class MapLayout {
 public:
  MapLayout(const CareerMapContent& c, Document& doc) : c_(c), dl_(doc.pages()), doc_(doc) {}

  void run() {
    doc_.new_page("");
    axes();
    for (const auto& cell : c_.cells) cell_fill(cell);
    walls();
    frontier();
    // The path is drawn under the cells' texts and the markers, but routed around them:
    // its lines go in here once everything they must avoid is on the page.
    const size_t under = dl_.page().ops.size();
    for (const auto& cell : c_.cells) cell_marks(cell);
    const size_t markers = dl_.page().ops.size();
    path_markers();
    path_lines(under, markers);
    const double list_top = legend();
    episode_list(list_top);
  }

 private:
  Box box(int stage, int level) const {
    const double w = kGridW / c_.stage_count, h = kGridH / c_.level_count;
    return {kGridX + stage * w, kGridY + (c_.level_count - 1 - level) * h, w, h};
  }

  void centered(double cx, double y, const std::string& s, double size, Color col) {
    dl_.text(cx - doc_.width(s, size) / 2, y, s, size, col);
  }

  void axes() {
    dl_.text(kMargin, kGridY - 18, c_.axis_level, 8.5, palette::kMuted);
    centered(kGridX + kGridW / 2, kGridY + kGridH + 40, c_.axis_stage, 9, palette::kMuted);
    for (int l = 0; l < c_.level_count; ++l) {
      const Box b = box(0, l);
      const auto lines = doc_.lines(c_.level_labels[l], kGridX - kMargin - 10, 11);
      double y = b.y + b.h / 2 - (static_cast<double>(lines.size()) - 1) * 7 + 4;
      for (const auto& s : lines) {
        dl_.text(kMargin, y, s, 11, palette::kInk);
        y += 14;
      }
    }
    for (int s = 0; s < c_.stage_count; ++s) {
      const Box b = box(s, 0);
      centered(b.x + b.w / 2, kGridY + kGridH + 16, c_.stage_labels[s], 11, palette::kInk);
    }
  }

  void cell_fill(const MapCell& cell) {
    const Box b = box(cell.stage, cell.level);
    dl_.fill_rect(b.x, b.y, b.w, b.h, cell.score ? palette::score_color(*cell.score) : palette::kNoScore);
    dl_.stroke_rect(b.x, b.y, b.w, b.h, palette::kWhite, 1.5);
  }

  void walls() {
    for (int s = 0; s < c_.stage_count; ++s) {
      if (c_.wall_labels[s].empty()) continue;
      const double x = kGridX + (s + 1) * kGridW / c_.stage_count;
      dl_.line(x, kGridY - 4, x, kGridY + kGridH + 4, palette::kWall, 2.2);
      const double w = doc_.width(c_.wall_labels[s], 7.5);
      dl_.text(std::min(x - w / 2, kGridX + kGridW + 14 - w), kGridY - 7, c_.wall_labels[s], 7.5, palette::kWall);
    }
  }

  // The frontier: brackets along both axes over the stages and levels reached so far.
  void frontier() {
    if (!c_.frontier_stage) return;
    const Box corner = box(*c_.frontier_stage, *c_.frontier_level);
    const double y = kGridY + kGridH + 23, right = corner.x + corner.w - 3;
    dl_.line(kGridX + 3, y, right, y, palette::kFrontier, 2.4);
    dl_.line(kGridX + 3, y - 4, kGridX + 3, y + 1.2, palette::kFrontier, 1.5);
    dl_.line(right, y - 4, right, y + 1.2, palette::kFrontier, 1.5);
    const double x = kGridX - 7, top = corner.y + 3, bottom = kGridY + kGridH - 3;
    dl_.line(x, top, x, bottom, palette::kFrontier, 2.4);
    dl_.line(x - 1.2, top, x + 4, top, palette::kFrontier, 1.5);
    dl_.line(x - 1.2, bottom, x + 4, bottom, palette::kFrontier, 1.5);
  }

  // A cell's score (or "no score") is centred below its label; markers go below that.
  static constexpr double kScoreSize = 22, kNoScoreSize = 9;
  static double score_baseline(const Box& b, const MapCell& cell) { return b.y + b.h / 2 + (cell.score ? 22 : 16); }
  // Where the score's text ends: its digits stand on the baseline; "no score" has descenders.
  static double score_bottom(const Box& b, const MapCell& cell) {
    return score_baseline(b, cell) + (cell.score ? 2 : 0.25 * kNoScoreSize + 2);
  }

  void cell_marks(const MapCell& cell) {
    const Box b = box(cell.stage, cell.level);
    const Color ink = cell.score && palette::needs_light_text(*cell.score) ? palette::kWhite : palette::kInk;
    constexpr double pad = 9;
    dl_.text(b.x + pad, b.y + 14, cell.number_text, 7, ink);
    double y = b.y + 28;
    for (const auto& s : doc_.lines(cell.label, b.w - 2 * pad, 8.5)) {
      dl_.text(b.x + pad, y, s, 8.5, ink);
      y += 10.5;
    }
    if (cell.score) centered(b.x + b.w / 2, score_baseline(b, cell), score_text(cell.score, ""), kScoreSize, ink);
    else centered(b.x + b.w / 2, score_baseline(b, cell), c_.no_score, kNoScoreSize, palette::kMuted);
    if (cell.next_step) {
      const double in = 4;
      const double x0 = b.x + in, y0 = b.y + in, x1 = b.x + b.w - in, y1 = b.y + b.h - in;
      dl_.line(x0, y0, x1, y0, palette::kNext, 2, true);
      dl_.line(x1, y0, x1, y1, palette::kNext, 2, true);
      dl_.line(x1, y1, x0, y1, palette::kNext, 2, true);
      dl_.line(x0, y1, x0, y0, palette::kNext, 2, true);
    }
    if (cell.current) {
      dl_.stroke_rect(b.x + 2.5, b.y + 2.5, b.w - 5, b.h - 5, palette::kCurrent, 3.5);
      const double w = doc_.width(c_.legend_current, 8) + 10;
      dl_.fill_rect(b.x + b.w - w - 2.5, b.y + 2.5, w, 14, palette::kCurrent);
      dl_.text(b.x + b.w - w + 2.5, b.y + 13, c_.legend_current, 8, palette::kWhite);
    }
  }

  // Each placed episode's marker (by its order): where, and how large (cell_markers.hpp).
  struct Marker {
    double x, y, r;
  };
  std::map<int, Marker> points() const {
    std::map<int, std::vector<int>> by_scene;
    for (const auto& e : c_.path)
      if (e.scene) by_scene[*e.scene].push_back(e.order);
    std::map<int, Marker> at;
    for (const auto& [scene, orders] : by_scene) {
      const MapCell& cell = c_.cells[scene];
      const Box b = box(cell.stage, cell.level);
      const CellMarkers m = cell_markers(static_cast<int>(orders.size()), b.x, b.y, b.w, b.h, score_bottom(b, cell));
      for (size_t k = 0; k < orders.size(); ++k) at[orders[k]] = {m.at[k].first, m.at[k].second, m.r};
    }
    return at;
  }

  // The lanes a path may run along: the cell edges (and just beside the walls), the
  // markers' rows and columns.
  route::Lanes path_lanes(const std::vector<route::Point>& stops) const {
    route::Lanes lanes;
    lanes.bounds = {kGridX, kGridY, kGridX + kGridW, kGridY + kGridH};
    const double w = kGridW / c_.stage_count, h = kGridH / c_.level_count;
    for (int s = 0; s <= c_.stage_count; ++s) {
      const double x = kGridX + s * w;
      lanes.xs.insert(lanes.xs.end(), {x, x - kBeside, x + kBeside});
    }
    for (int l = 0; l <= c_.level_count; ++l) lanes.ys.push_back(kGridY + l * h);
    for (const auto& p : stops) lanes.xs.push_back(p.x), lanes.ys.push_back(p.y);
    return lanes;
  }

  // The arrows between the episodes in time order, each routed so that it touches no text
  // (route::route_legs): every text already on the page, the current scene's tag and the
  // other markers are boxes it avoids; the cell edges and the markers' rows and columns are
  // its lanes; walls and frames are lines it does not run along. Inserted at `under`;
  // the markers are drawn from `markers` on.
  void path_lines(size_t under, size_t markers) {
    const auto at = points();
    std::vector<route::Point> stops;
    std::vector<double> stop_r;
    for (const auto& e : c_.path)
      if (auto it = at.find(e.order); it != at.end()) {
        stops.push_back({it->second.x, it->second.y});
        stop_r.push_back(it->second.r);
      }
    if (stops.size() < 2) return;
    std::vector<route::Rect> boxes;
    std::vector<int> owner;
    std::vector<route::Mark> marks;
    for (size_t k = 0; k < under; ++k) {
      // Before the cells' marks: their fills and white borders, which the path may run over, the
      // axes' and walls' texts and the walls themselves.
      const DrawOp& op = dl_.page().ops[k];
      if (op.kind == DrawOp::Kind::text) boxes.push_back(text_box(op)), owner.push_back(-1);
      if (op.kind == DrawOp::Kind::line) marks.push_back({{op.x1, op.y1}, {op.x2, op.y2}});
    }
    for (size_t k = under; k < markers; ++k) {
      const DrawOp& op = dl_.page().ops[k];
      switch (op.kind) {
        case DrawOp::Kind::text: boxes.push_back(text_box(op)), owner.push_back(-1); break;
        case DrawOp::Kind::fill_rect: boxes.push_back({op.x1, op.y1, op.x1 + op.x2, op.y1 + op.y2}), owner.push_back(-1); break;
        case DrawOp::Kind::stroke_rect:
          for (const auto& [a, b] : std::vector<std::pair<route::Point, route::Point>>{
                   {{op.x1, op.y1}, {op.x1 + op.x2, op.y1}}, {{op.x1 + op.x2, op.y1}, {op.x1 + op.x2, op.y1 + op.y2}},
                   {{op.x1, op.y1 + op.y2}, {op.x1 + op.x2, op.y1 + op.y2}}, {{op.x1, op.y1}, {op.x1, op.y1 + op.y2}}})
            marks.push_back({a, b});
          break;
        default: marks.push_back({{op.x1, op.y1}, {op.x2, op.y2}});
      }
    }
    // A marker's number is inside its circle: the circle's square stands for both. The
    // stops are the markers (the placed episodes, in time order): each owns its square.
    for (size_t j = 0; j < stops.size(); ++j) {
      const double r = stop_r[j] + kClearance;
      boxes.push_back({stops[j].x - r, stops[j].y - r, stops[j].x + r, stops[j].y + r});
      owner.push_back(static_cast<int>(j));
    }
    const route::Lanes lanes = path_lanes(stops);
    for (const auto& leg : route::route_legs(stops, boxes, owner, marks, lanes, kArrow)) {
      const route::DrawnLeg d = route::drawn(leg.points, kArrow);
      if (d.line.empty()) continue;
      DisplayList scratch;
      scratch.new_page();
      for (size_t k = 1; k < d.line.size(); ++k)
        scratch.line(d.line[k - 1].x, d.line[k - 1].y, d.line[k].x, d.line[k].y, palette::kPath, 1.3);
      scratch.triangle(d.tip.x, d.tip.y, d.left.x, d.left.y, d.right.x, d.right.y, palette::kPath);
      auto& dst = dl_.page().ops;
      dst.insert(dst.begin() + static_cast<std::ptrdiff_t>(under), scratch.page().ops.begin(), scratch.page().ops.end());
      under += scratch.page().ops.size();
    }
  }

  // The box a text covers, from a full em above its baseline to a quarter below, and a
  // clearance around it.
  route::Rect text_box(const DrawOp& op) const {
    const double w = doc_.width(op.text, op.size);
    return {op.x1 - kClearance, op.y1 - op.size - kClearance, op.x1 + w + kClearance,
            op.y1 + 0.25 * op.size + kClearance};
  }

  void marker(double x, double y, const std::string& number, double r) {
    dl_.circle(x, y, r, palette::kWhite, palette::kPath, 1.3);
    centered(x, y + 2.8, number, r > 7 ? 8 : 7, palette::kPath);
  }

  void path_markers() {
    for (const auto& [order, p] : points()) marker(p.x, p.y, std::to_string(order), p.r);
  }

  // The legend; returns where the episode list starts.
  double legend() {
    double y = kGridY;
    dl_.text(kPanelX, y - 2, c_.legend_score, 8.5, palette::kInk);
    y += 6;
    const double step = kPanelW / 5;
    for (int k = 0; k < 5; ++k) {
      dl_.fill_rect(kPanelX + k * step, y, step, 12, palette::score_color(k * 25));
      dl_.text(kPanelX + k * step + 2, y + 22, std::to_string(k * 25), 7, palette::kMuted);
    }
    y += 34;
    auto row = [&](const std::string& label) {
      dl_.text(kPanelX + 24, y + 10, label, 8.5, palette::kInk);
      y += 17;
    };
    dl_.fill_rect(kPanelX, y, 16, 12, palette::kNoScore);
    row(c_.no_score);
    dl_.stroke_rect(kPanelX + 1, y + 1, 14, 10, palette::kCurrent, 2.5);
    row(c_.legend_current);
    dl_.line(kPanelX, y + 6, kPanelX + 16, y + 6, palette::kNext, 2, true);
    row(c_.legend_next);
    dl_.line(kPanelX + 1, y + 6, kPanelX + 15, y + 6, palette::kFrontier, 2.4);
    dl_.line(kPanelX + 1, y + 2, kPanelX + 1, y + 7.2, palette::kFrontier, 1.5);
    dl_.line(kPanelX + 15, y + 2, kPanelX + 15, y + 7.2, palette::kFrontier, 1.5);
    row(c_.legend_frontier);
    marker(kPanelX + 8, y + 6, "1", 6.5);
    row(c_.legend_path);
    return y + 16;
  }

  void episode_list(double top) {
    struct Line {
      int order;
      std::string text;
    };
    std::vector<Line> lines;
    if (c_.path.empty())
      for (const auto& s : doc_.lines(c_.path_empty, kPanelW, kListSize)) lines.push_back({0, s});
    for (const auto& e : c_.path) {
      const bool ja = c_.lang == Lang::ja;
      std::string s = e.years + (ja ? "　" : " ") + e.title;
      if (!e.role.empty()) s += (ja ? "" : " ") + bracketed(e.role, c_.lang);
      if (!e.scene) s += c_.not_placed;
      bool first = true;
      for (const auto& l : doc_.lines(s, kPanelW - 22, kListSize)) {
        lines.push_back({first ? e.order : 0, l});
        first = false;
      }
    }
    double y = top, x = kPanelX;
    dl_.text(x, y, c_.path_heading, 11, palette::kInk);
    dl_.line(x, y + 5, x + kPanelW, y + 5, palette::kRule, 0.6);
    y += 18;
    const double indent = c_.path.empty() ? 0 : 20;
    bool continued = false;
    for (const auto& l : lines) {
      if (y > kContentBottom) {
        // Continue in the next column of a continuation page, or on a new one.
        if (continued && x + 2 * kPanelW + 30 <= kPageW - kMargin) {
          x += kPanelW + 30;
        } else {
          doc_.new_page(c_.path_heading + c_.continued);
          x = kMargin;
          continued = true;
        }
        y = kContentTop + 24;
      }
      if (l.order) marker(x + 7, y - 3, std::to_string(l.order), 6.5);
      dl_.text(x + indent, y, l.text, kListSize, palette::kInk);
      y += kLine;
    }
  }

  const CareerMapContent& c_;
  DisplayList& dl_;
  Document& doc_;
};

}  // namespace

void layout_map_pages(const CareerMapContent& c, Document& doc) {
  MapLayout(c, doc).run();
}

}  // namespace careermap
