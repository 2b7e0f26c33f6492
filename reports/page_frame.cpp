#include "reports/page_frame.hpp"

#include <algorithm>

#include "reports/palette.hpp"

namespace careermap::frame {

std::vector<std::string> wrap(const Measure& measure, std::string_view text, double width, double size) {
  return break_lines(text, width, [&](std::string_view s) { return measure(s, size); });
}

void start_page(DisplayList& dl, const CareerMapContent& c, const Measure& measure, const std::string& section) {
  dl.new_page();
  dl.text(kMargin, 50, c.title, 20, palette::kInk);
  dl.text(kPageW - kMargin - measure(c.participant, 15), 50, c.participant, 15, palette::kInk);
  std::string sub = c.questionnaire;
  if (!c.cohort.empty()) sub += "　" + c.cohort;
  dl.text(kMargin, 68, sub, 9, palette::kMuted);
  const std::string date = c.date_line + "　";
  const std::string sample = fill(c.page_pattern, {{"page", "00"}, {"pages", "00"}});
  const double pages_w = measure(sample, 9);
  dl.text(kPageW - kMargin - pages_w - measure(date, 9), 68, date, 9, palette::kMuted);
  dl.page_number(kPageW - kMargin, 68, c.page_pattern, 9, palette::kMuted);
  dl.line(kMargin, 76, kPageW - kMargin, 76, palette::kRule, 0.8);
  if (!section.empty()) dl.text(kMargin, 94, section, 12, palette::kInk);
  double y = kPageH - 22;
  const auto lines = wrap(measure, c.note, kPageW - 2 * kMargin, 8.5);
  y -= 11 * (static_cast<double>(lines.size()) - 1);
  for (const auto& l : lines) {
    dl.text(kMargin, y, l, 8.5, palette::kMuted);
    y += 11;
  }
}

double page_fill(const DisplayPage& page) {
  double lowest = kContentTop;
  for (const auto& op : page.ops) {
    double top = op.y1, bottom = op.y1;
    switch (op.kind) {
      case DrawOp::Kind::text: top = op.y1 - op.size * 0.8, bottom = op.y1 + op.size * 0.2; break;
      case DrawOp::Kind::fill_rect:
      case DrawOp::Kind::stroke_rect: bottom = op.y1 + op.y2; break;
      case DrawOp::Kind::line:
      case DrawOp::Kind::dashed_line: top = std::min(op.y1, op.y2), bottom = std::max(op.y1, op.y2); break;
      case DrawOp::Kind::circle: top = op.y1 - op.x2, bottom = op.y1 + op.x2; break;
      case DrawOp::Kind::triangle:
        top = std::min({op.y1, op.y2, op.y3}), bottom = std::max({op.y1, op.y2, op.y3});
        break;
      case DrawOp::Kind::page_number: continue;
    }
    if (top >= kContentTop && bottom <= kContentBottom + 1) lowest = std::max(lowest, bottom);
  }
  return std::min(1.0, (lowest - kContentTop) / (kContentBottom - kContentTop));
}

Flow::Flow(DisplayList& dl, const CareerMapContent& c, Measure measure, std::string section)
    : dl_(dl), c_(c), measure_(std::move(measure)), section_(std::move(section)) {}

double Flow::bottom() const {
  return page_index_ == early_page_ ? std::min(region().bottom, early_bottom_) : region().bottom;
}

void Flow::regions(std::vector<Region> here, std::vector<Region> later) {
  regions_ = std::move(here);
  later_ = std::move(later);
  at_ = 0;
  y_ = regions_[0].top;
}

void Flow::new_page(bool continued) {
  if (before_break_) before_break_(y_);
  start_page(dl_, c_, measure_, continued ? section_ + c_.continued : section_);
  regions_ = later_;
  at_ = 0;
  y_ = regions_[0].top;
  ++page_index_;
}

bool Flow::advance(bool continued) {
  if (at_ + 1 < regions_.size()) {
    y_ = regions_[++at_].top;
    return false;
  }
  new_page(continued);
  return true;
}

void Flow::ensure(double height) {
  // A region too short for even this (a column's foot) is passed over; a fresh page's
  // first region takes anything.
  while (!fits(height))
    if (advance(true)) break;
}

bool Flow::keep(double whole, double start, bool continued) {
  while (!fits(whole) && !(whole > start && fits(start)))
    if (advance(continued)) return true;
  return false;
}

void Flow::paragraph(std::string_view text, double x, double width, double size, Color color, double leading) {
  const double indent = x - region().x;  // kept when the paragraph goes on in the next region
  for (const auto& line : wrap(measure_, text, width, size)) {
    ensure(leading);
    y_ += leading;
    if (!line.empty()) dl_.text(region().x + indent, y_ - (leading - size) / 2 - 0.12 * size, line, size, color);
  }
}

}  // namespace careermap::frame
