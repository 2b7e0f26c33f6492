#include "reports/comparison_page.hpp"

#include <algorithm>

#include "reports/palette.hpp"

namespace careermap {
namespace {

using namespace frame;

constexpr double kGridX = 132, kGridY = 122, kGridW = 400, kGridH = 300;
constexpr double kPanelX = 560, kPanelW = kPageW - kMargin - kPanelX;
constexpr Color kCell{0.95, 0.95, 0.96}, kThen{0.55, 0.55, 0.58};

class Page {
 public:
  Page(const CareerMapContent& c, Document& doc) : c_(c), k_(*c.comparison), dl_(doc.pages()), doc_(doc) {}

  void run() {
    doc_.new_page(k_.heading);
    axes();
    for (const auto& cell : k_.cells) draw(cell);
    walls();
    reach(k_.now_frontier_stage, k_.now_frontier_level, 0, palette::kFrontier, false);
    reach(k_.then_frontier_stage, k_.then_frontier_level, 8, kThen, true);
    panel();
  }

 private:
  double cw() const { return kGridW / c_.stage_count; }
  double ch() const { return kGridH / c_.level_count; }
  double cx(int stage) const { return kGridX + stage * cw(); }
  double cy(int level) const { return kGridY + (c_.level_count - 1 - level) * ch(); }

  void centered(double x, double y, const std::string& s, double size, Color col) {
    dl_.text(x - doc_.width(s, size) / 2, y, s, size, col);
  }
  // A frame of four lines, dashed or not.
  void frame_rect(double x, double y, double w, double h, Color col, double width, bool dashed) {
    dl_.line(x, y, x + w, y, col, width, dashed);
    dl_.line(x + w, y, x + w, y + h, col, width, dashed);
    dl_.line(x + w, y + h, x, y + h, col, width, dashed);
    dl_.line(x, y + h, x, y, col, width, dashed);
  }

  void axes() {
    for (int l = 0; l < c_.level_count; ++l) {
      const auto lines = doc_.lines(c_.level_labels[l], kGridX - kMargin - 24, 10);
      double y = cy(l) + ch() / 2 - (static_cast<double>(lines.size()) - 1) * 6.5 + 4;
      for (const auto& s : lines) {
        dl_.text(kMargin, y, s, 10, palette::kInk);
        y += 13;
      }
    }
    for (int s = 0; s < c_.stage_count; ++s) centered(cx(s) + cw() / 2, kGridY + kGridH + 14, c_.stage_labels[s], 10, palette::kInk);
  }

  void draw(const ComparisonCell& cell) {
    const double x = cx(cell.stage), y = cy(cell.level), w = cw(), h = ch(), pad = std::min(9.0, w * 0.09);
    dl_.fill_rect(x, y, w, h, kCell);
    dl_.stroke_rect(x, y, w, h, palette::kWhite, 1.5);
    dl_.text(x + pad, y + 13, cell.number_text, 6.5, palette::kMuted);
    // The current scene: a solid frame now, a dashed one then; their tags at the top right,
    // or on a line of their own under the number when the cell is too narrow for both.
    double tags_w = 0;
    if (cell.current_now) tags_w += tag_width(k_.tag_now) + 2;
    if (cell.current_then) tags_w += tag_width(k_.tag_then) + 2;
    const bool own_line = x + pad + doc_.width(cell.number_text, 6.5) + 3 + tags_w > x + w - 3;
    const double tag_top = own_line ? y + 16 : y + 3;
    double right = x + w - 3;
    if (cell.current_now) {
      frame_rect(x + 2.5, y + 2.5, w - 5, h - 5, palette::kCurrent, 2.5, false);
      right = tag(right, tag_top, k_.tag_now, true);
    }
    if (cell.current_then) {
      frame_rect(x + 5.5, y + 5.5, w - 11, h - 11, palette::kCurrent, 1.5, true);
      tag(right, tag_top, k_.tag_then, false);
    }
    double ty = own_line && tags_w > 0 ? y + 37 : y + 24;
    for (const auto& s : doc_.lines(cell.label, w - 2 * pad, 7)) {
      dl_.text(x + pad, ty, s, 7, palette::kInk);
      ty += 8.5;
    }
    // "then → now" on one line as large as fits the cell (at most 13 points); in a narrow
    // cell, on two lines ("then", "→ now").
    auto fit = [&](const std::string& s) {
      double size = 13;
      while (size > 5 && doc_.width(s, size) > w - 2 * pad) size -= 0.5;
      return size;
    };
    const std::string then = score_text(cell.then, k_.no_score), now = score_text(cell.now, k_.no_score);
    std::vector<std::string> lines{then + " → " + now};
    double size = fit(lines[0]);
    if (size < 8) {
      lines = {then, "→ " + now};
      size = std::min(fit(lines[0]), fit(lines[1]));
    }
    const double leading = size * 1.2, block = leading * static_cast<double>(lines.size() - 1);
    double sy = std::max(ty + size, y + h - 24 - block);
    for (const auto& l : lines) {
      centered(x + w / 2, sy, l, size, palette::kInk);
      sy += leading;
    }
    if (cell.change) centered(x + w / 2, sy - leading + 12, change_text(*cell.change), 8.5, palette::kMuted);
  }

  // A tag ending at `right`; returns where the next one may end.
  double tag_width(const std::string& s) const { return doc_.width(s, 7) + 8; }
  double tag(double right, double top, const std::string& s, bool filled) {
    const double w = tag_width(s);
    if (filled) dl_.fill_rect(right - w, top, w, 11, palette::kCurrent);
    else dl_.fill_rect(right - w, top, w, 11, palette::kWhite), dl_.stroke_rect(right - w, top, w, 11, palette::kCurrent, 0.8);
    dl_.text(right - w + 4, top + 8.5, s, 7, filled ? palette::kWhite : palette::kCurrent);
    return right - w - 2;
  }

  void walls() {
    for (int s = 0; s < c_.stage_count; ++s) {
      if (c_.wall_labels[s].empty()) continue;
      const bool crossed = k_.wall_crossed[s];
      const double x = kGridX + (s + 1) * cw();
      dl_.line(x, kGridY - 4, x, kGridY + kGridH + 4, palette::kWall, crossed ? 3.5 : 1.2);
      // The name over its wall, in lines no wider than a cell, so that neighbours never meet.
      const auto lines = doc_.lines(c_.wall_labels[s], cw() - 8, 7);
      double y = kGridY - 7 - 8.5 * (static_cast<double>(lines.size()) - 1);
      for (const auto& l : lines) {
        const double lw = doc_.width(l, 7);
        dl_.text(std::min(x - lw / 2, kPageW - kMargin - lw), y, l, 7, palette::kWall);
        y += 8.5;
      }
    }
  }

  // The reach as brackets along both axes, `out` points further out; then's dashed.
  void reach(std::optional<int> stage, std::optional<int> level, double out, Color col, bool dashed) {
    if (!stage || !level) return;
    const double right = cx(*stage) + cw() - 3, y = kGridY + kGridH + 22 + out;
    dl_.line(kGridX + 3, y, right, y, col, 2, dashed);
    dl_.line(kGridX + 3, y - 4, kGridX + 3, y + 1, col, 1.2);
    dl_.line(right, y - 4, right, y + 1, col, 1.2);
    const double x = kGridX - 7 - out, top = cy(*level) + 3, bottom = kGridY + kGridH - 3;
    dl_.line(x, top, x, bottom, col, 2, dashed);
    dl_.line(x - 1, top, x + 4, top, col, 1.2);
    dl_.line(x - 1, bottom, x + 4, bottom, col, 1.2);
  }

  void panel() {
    double y = kGridY - 2;
    auto row = [&](const std::string& label) {
      const auto lines = doc_.lines(label, kPanelW - 28, 8.5);
      for (const auto& l : lines) {
        dl_.text(kPanelX + 26, y + 9, l, 8.5, palette::kInk);
        y += 11;
      }
      y += 5;
    };
    for (const auto& l : doc_.lines(k_.legend_scores, kPanelW, 8.5)) {
      dl_.text(kPanelX, y + 9, l, 8.5, palette::kInk);
      y += 11;
    }
    y += 6;
    frame_rect(kPanelX + 1, y + 1, 18, 10, palette::kCurrent, 2.5, false);
    row(k_.legend_now_current);
    frame_rect(kPanelX + 1, y + 1, 18, 10, palette::kCurrent, 1.5, true);
    row(k_.legend_then_current);
    dl_.line(kPanelX + 1, y + 6, kPanelX + 19, y + 6, palette::kFrontier, 2);
    row(k_.legend_now_reach);
    dl_.line(kPanelX + 1, y + 6, kPanelX + 19, y + 6, kThen, 2, true);
    row(k_.legend_then_reach);
    dl_.line(kPanelX + 10, y, kPanelX + 10, y + 12, palette::kWall, 3.5);
    row(k_.legend_wall_crossed);
    // What is compared, under the matrix.
    double iy = kGridY + kGridH + 58;
    for (const auto& l : doc_.lines(k_.intro, kGridX + kGridW - kMargin, 8)) {
      dl_.text(kMargin, iy, l, 8, palette::kMuted);
      iy += 11;
    }
    y += 2;
    dl_.line(kPanelX, y, kPanelX + kPanelW, y, palette::kRule, 0.6);
    Flow f(doc_, k_.heading);
    f.set_y(y + 2);
    for (const auto& s : k_.sentences) {
      f.paragraph(s.text, kPanelX, kPanelW, 9, palette::kInk, 12.5);
      f.paragraph(s.reason, kPanelX + 8, kPanelW - 8, 6.5, palette::kMuted, 9);
      f.gap(5);
    }
  }

  const CareerMapContent& c_;
  const ComparisonContent& k_;
  DisplayList& dl_;
  Document& doc_;
};

}  // namespace

void layout_comparison_page(const CareerMapContent& c, Document& doc) {
  if (c.comparison) Page(c, doc).run();
}

}  // namespace careermap
