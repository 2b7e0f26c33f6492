#include "reports/page_frame.hpp"

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

Flow::Flow(DisplayList& dl, const CareerMapContent& c, Measure measure, std::string section)
    : dl_(dl), c_(c), measure_(std::move(measure)), section_(std::move(section)) {}

void Flow::new_page() {
  start_page(dl_, c_, measure_, section_ + c_.continued);
  y_ = kContentTop + 22;
}

void Flow::ensure(double height) {
  if (y_ + height > kContentBottom) new_page();
}

void Flow::paragraph(std::string_view text, double x, double width, double size, Color color, double leading) {
  for (const auto& line : wrap(measure_, text, width, size)) {
    ensure(leading);
    y_ += leading;
    if (!line.empty()) dl_.text(x, y_ - (leading - size) / 2 - 0.12 * size, line, size, color);
  }
}

}  // namespace careermap::frame
