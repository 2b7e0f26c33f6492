#include "reports/career_map_pdf.hpp"

#include <sys/stat.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <map>

#include "engine/diagnostic.hpp"
#include "reports/line_break.hpp"
#include "reports/palette.hpp"
#include "reports/pdf_canvas.hpp"

namespace careermap {
namespace {

// A4 landscape, in points.
constexpr double kPageW = 841.89, kPageH = 595.28, kMargin = 36;
constexpr double kGridX = 118, kGridY = 112, kGridW = 480, kGridH = 372;
constexpr double kPanelX = 622, kPanelW = kPageW - kMargin - kPanelX;
constexpr double kListTop = 240, kListBottom = 540, kLine = 11.5, kListSize = 8.5;

struct Cell {
  double x, y, w, h;
};

Cell cell_box(const CareerMapContent& c, int stage, int level) {
  const double w = kGridW / c.stage_count, h = kGridH / c.level_count;
  return {kGridX + stage * w, kGridY + (c.level_count - 1 - level) * h, w, h};
}

// One line of the episode list: the marker number is drawn only on an episode's first line.
struct ListLine {
  int order = 0;  // 0 = continuation line
  std::string text;
};

class Drawer {
 public:
  Drawer(const CareerMapContent& c, PdfCanvas& pdf) : c_(c), pdf_(pdf) {}

  void draw() {
    const std::vector<std::vector<ListLine>> pages = paginate_list();
    const int total = static_cast<int>(pages.size());
    for (int p = 0; p < total; ++p) {
      pdf_.new_page(kPageW, kPageH);
      header(p + 1, total);
      if (p == 0) {
        matrix();
        path_markers();
        legend();
      }
      list(pages[p], p == 0 ? kListTop : kGridY);
      footer();
    }
  }

 private:
  MeasureFn measure(double size) {
    return [this, size](std::string_view s) { return pdf_.text_width(s, size); };
  }

  std::vector<std::string> wrap(const std::string& s, double width, double size) {
    return break_lines(s, width, measure(size));
  }

  void centered(double cx, double y, const std::string& s, double size, Color col) {
    pdf_.text(cx - pdf_.text_width(s, size) / 2, y, s, size, col);
  }

  void header(int page, int pages) {
    pdf_.text(kMargin, 50, c_.title, 20, palette::kInk);
    const double name_w = pdf_.text_width(c_.participant, 15);
    pdf_.text(kPageW - kMargin - name_w, 50, c_.participant, 15, palette::kInk);
    std::string sub = c_.questionnaire;
    if (!c_.cohort.empty()) sub += "　" + c_.cohort;
    pdf_.text(kMargin, 68, sub, 9, palette::kMuted);
    const std::string right = c_.date_line + "　" +
        fill(c_.page_pattern, {{"page", std::to_string(page)}, {"pages", std::to_string(pages)}});
    pdf_.text(kPageW - kMargin - pdf_.text_width(right, 9), 68, right, 9, palette::kMuted);
    pdf_.line(kMargin, 76, kPageW - kMargin, 76, palette::kRule, 0.8);
  }

  void footer() {
    const auto lines = wrap(c_.note, kPageW - 2 * kMargin, 8.5);
    double y = kPageH - 22 - 11 * (static_cast<double>(lines.size()) - 1);
    for (const auto& l : lines) {
      pdf_.text(kMargin, y, l, 8.5, palette::kMuted);
      y += 11;
    }
  }

  void matrix() {
    // Axis titles.
    pdf_.text(kMargin, kGridY - 16, c_.axis_level, 8.5, palette::kMuted);
    centered(kGridX + kGridW / 2, kGridY + kGridH + 34, c_.axis_stage, 9, palette::kMuted);
    // Level labels at the left of each row, stage labels under each column.
    for (int l = 0; l < c_.level_count; ++l) {
      const Cell b = cell_box(c_, 0, l);
      const auto lines = wrap(c_.level_labels[l], kGridX - kMargin - 8, 11);
      double y = b.y + b.h / 2 - (lines.size() - 1) * 7 + 4;
      for (const auto& s : lines) {
        pdf_.text(kMargin, y, s, 11, palette::kInk);
        y += 14;
      }
    }
    for (int s = 0; s < c_.stage_count; ++s) {
      const Cell b = cell_box(c_, s, 0);
      centered(b.x + b.w / 2, kGridY + kGridH + 16, c_.stage_labels[s], 11, palette::kInk);
    }
    for (const auto& cell : c_.cells) scene_fill(cell);
    path_lines();
    for (const auto& cell : c_.cells) scene_marks(cell);
    // Walls: a line after each stage that has one, named above the grid.
    for (int s = 0; s < c_.stage_count; ++s) {
      if (c_.wall_labels[s].empty()) continue;
      const double x = kGridX + (s + 1) * kGridW / c_.stage_count;
      pdf_.line(x, kGridY - 4, x, kGridY + kGridH + 4, palette::kWall, 2.2);
      const double w = pdf_.text_width(c_.wall_labels[s], 7.5);
      const double tx = std::min(x - w / 2, kGridX + kGridW + 12 - w);
      pdf_.text(tx, kGridY - 6, c_.wall_labels[s], 7.5, palette::kWall);
    }
  }

  // The cell's fill; its texts and marks come after the path lines, so lines run beneath them.
  void scene_fill(const MapCell& cell) {
    const Cell b = cell_box(c_, cell.stage, cell.level);
    pdf_.fill_rect(b.x, b.y, b.w, b.h, cell.score ? palette::score_color(*cell.score) : palette::kNoScore);
    pdf_.stroke_rect(b.x, b.y, b.w, b.h, palette::kWhite, 1.5);
  }

  void scene_marks(const MapCell& cell) {
    const Cell b = cell_box(c_, cell.stage, cell.level);
    const Color ink = cell.score && palette::needs_light_text(*cell.score) ? palette::kWhite : palette::kInk;
    constexpr double pad = 9;
    pdf_.text(b.x + pad, b.y + 14, cell.number_text, 7, ink);
    double y = b.y + 28;
    for (const auto& s : wrap(cell.label, b.w - 2 * pad, 8.5)) {
      pdf_.text(b.x + pad, y, s, 8.5, ink);
      y += 10.5;
    }
    if (cell.score) centered(b.x + b.w / 2, b.y + b.h / 2 + 22, cell.score_text, 22, ink);
    else centered(b.x + b.w / 2, b.y + b.h / 2 + 16, cell.score_text, 9, palette::kMuted);
    if (cell.next_step) {
      const double in = 3.5;
      const double x0 = b.x + in, y0 = b.y + in, x1 = b.x + b.w - in, y1 = b.y + b.h - in;
      pdf_.line(x0, y0, x1, y0, palette::kNext, 2, true);
      pdf_.line(x1, y0, x1, y1, palette::kNext, 2, true);
      pdf_.line(x1, y1, x0, y1, palette::kNext, 2, true);
      pdf_.line(x0, y1, x0, y0, palette::kNext, 2, true);
    }
    if (cell.current) {
      pdf_.stroke_rect(b.x + 2.5, b.y + 2.5, b.w - 5, b.h - 5, palette::kCurrent, 3.5);
      const double w = pdf_.text_width(c_.legend_current, 8) + 10;
      pdf_.fill_rect(b.x + b.w - w - 2.5, b.y + 2.5, w, 14, palette::kCurrent);
      pdf_.text(b.x + b.w - w + 2.5, b.y + 13, c_.legend_current, 8, palette::kWhite);
    }
  }

  // Point of each placed episode: spread along the lower part of its cell.
  std::map<int, std::pair<double, double>> points() {
    std::map<int, std::vector<int>> by_scene;
    for (const auto& e : c_.path)
      if (e.scene) by_scene[*e.scene].push_back(e.order);
    std::map<int, std::pair<double, double>> at;
    for (const auto& [scene, orders] : by_scene) {
      const MapCell& cell = c_.cells[scene];
      const Cell b = cell_box(c_, cell.stage, cell.level);
      const int n = static_cast<int>(orders.size());
      const int per_row = std::max(1, static_cast<int>((b.w - 10) / 19));
      for (int k = 0; k < n; ++k) {
        const int row = k / per_row, col = k % per_row;
        const int in_row = std::min(per_row, n - row * per_row);
        const double x = b.x + b.w * (col + 1) / (in_row + 1);
        const double y = b.y + b.h - 14 - row * 19;
        at[orders[k]] = {x, y};
      }
    }
    return at;
  }

  void path_lines() {
    const auto at = points();
    const std::pair<double, double>* prev = nullptr;
    for (const auto& e : c_.path) {
      auto it = at.find(e.order);
      if (it == at.end()) continue;
      if (prev) arrow(*prev, it->second);
      prev = &it->second;
    }
  }

  void path_markers() {
    for (const auto& [order, p] : points()) marker(p.first, p.second, order);
  }

  void marker(double x, double y, int order) {
    pdf_.circle(x, y, 7.5, palette::kWhite, palette::kPath, 1.4);
    centered(x, y + 3, std::to_string(order), 8, palette::kPath);
  }

  void arrow(std::pair<double, double> a, std::pair<double, double> b) {
    const double dx = b.first - a.first, dy = b.second - a.second;
    const double len = std::hypot(dx, dy);
    if (len < 18) return;
    const double ux = dx / len, uy = dy / len, r = 8.5;
    const double x0 = a.first + ux * r, y0 = a.second + uy * r;
    const double x1 = b.first - ux * r, y1 = b.second - uy * r;
    pdf_.line(x0, y0, x1 - ux * 5, y1 - uy * 5, palette::kPath, 1.3);
    pdf_.fill_triangle(x1, y1, x1 - ux * 7 - uy * 3.5, y1 - uy * 7 + ux * 3.5, x1 - ux * 7 + uy * 3.5,
                       y1 - uy * 7 - ux * 3.5, palette::kPath);
  }

  void legend() {
    double y = kGridY;
    pdf_.text(kPanelX, y - 2, c_.legend_score, 8.5, palette::kInk);
    y += 6;
    const double step = kPanelW / 5;
    for (int k = 0; k < 5; ++k) {
      const double score = k * 25;
      pdf_.fill_rect(kPanelX + k * step, y, step, 12, palette::score_color(score));
      const std::string label = std::to_string(static_cast<int>(score));
      pdf_.text(kPanelX + k * step + 2, y + 22, label, 7, palette::kMuted);
    }
    y += 34;
    pdf_.fill_rect(kPanelX, y, 16, 12, palette::kNoScore);
    pdf_.text(kPanelX + 22, y + 10, c_.no_score, 8.5, palette::kInk);
    y += 18;
    pdf_.stroke_rect(kPanelX + 1, y + 1, 14, 10, palette::kCurrent, 2.5);
    pdf_.text(kPanelX + 22, y + 10, c_.legend_current, 8.5, palette::kInk);
    y += 18;
    pdf_.line(kPanelX, y + 6, kPanelX + 16, y + 6, palette::kNext, 2, true);
    pdf_.text(kPanelX + 22, y + 10, c_.legend_next, 8.5, palette::kInk);
  }

  std::vector<std::vector<ListLine>> paginate_list() {
    std::vector<ListLine> all;
    if (c_.path.empty()) {
      for (const auto& s : wrap(c_.path_empty, kPanelW, kListSize)) all.push_back({0, s});
    }
    for (const auto& e : c_.path) {
      std::string s = e.years + "　" + e.title;
      if (!e.role.empty()) s += "（" + e.role + "）";
      if (!e.scene) s += c_.not_placed;
      bool first = true;
      for (const auto& l : wrap(s, kPanelW - 22, kListSize)) {
        all.push_back({first ? e.order : 0, l});
        first = false;
      }
    }
    std::vector<std::vector<ListLine>> pages(1);
    double y = kListTop + 18;
    for (auto& l : all) {
      const double bottom = kListBottom;
      if (y > bottom) {
        pages.emplace_back();
        y = kGridY + 18;
      }
      pages.back().push_back(std::move(l));
      y += kLine + (l.order ? 0 : 0);
    }
    return pages;
  }

  void list(const std::vector<ListLine>& lines, double top) {
    pdf_.text(kPanelX, top, c_.path_heading, 11, palette::kInk);
    pdf_.line(kPanelX, top + 5, kPanelX + kPanelW, top + 5, palette::kRule, 0.6);
    double y = top + 18;
    for (const auto& l : lines) {
      if (l.order) {
        pdf_.circle(kPanelX + 7, y - 3, 6.5, palette::kWhite, palette::kPath, 1.1);
        centered(kPanelX + 7, y, std::to_string(l.order), 7, palette::kPath);
      }
      pdf_.text(kPanelX + (c_.path.empty() ? 0 : 20), y, l.text, kListSize, palette::kInk);
      y += kLine;
    }
  }

  const CareerMapContent& c_;
  PdfCanvas& pdf_;
};

}  // namespace

void write_career_map_pdf(const CareerMapContent& content, const std::string& path,
                          const std::string& font_path) {
  PdfCanvas pdf(font_path);
  pdf.set_info({content.title + " " + content.participant, content.subject, "", content.date});
  Drawer(content, pdf).draw();
  const std::string tmp = path + ".tmp";
  pdf.save(tmp);
  ::chmod(tmp.c_str(), 0600);
  std::error_code ec;
  std::filesystem::rename(tmp, path, ec);
  if (ec) {
    std::filesystem::remove(tmp, ec);
    throw Error(Location{path, 0, 0}, "", "cannot write the PDF: " + ec.message());
  }
}

}  // namespace careermap
