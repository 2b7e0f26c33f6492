#include "reports/next_step_page.hpp"

#include <algorithm>
#include <cmath>

#include "reports/palette.hpp"

namespace careermap {
namespace {

using namespace frame;

constexpr double kFullW = kPageW - 2 * kMargin;
constexpr double kLeftW = 450, kBoxX = kMargin + kLeftW + 16, kBoxW = kFullW - kLeftW - 16;
constexpr double kHead = 24, kRule = 18, kMinBox = 3 * kRule + 6, kPartGap = 6;
constexpr double kSummaryLine = 22;

// One line of the left column: text at x offset `dx`, or a gap when `text` is empty.
struct Line {
  std::string text;
  double dx = 0, size = 0, leading = 0;
  Color color;
  std::string number;  // the prompt's number, on its first line
};

std::vector<Line> part_lines(const SheetSection& part, const Measure& m, int& number) {
  std::vector<Line> out;
  auto para = [&](const std::string& s, double dx, double size, double leading, Color col, std::string num = "") {
    for (const auto& l : wrap(m, s, kLeftW - dx, size)) {
      out.push_back({l, dx, size, leading, col, num});
      num.clear();
    }
  };
  for (const auto& f : part.facts) {
    if (!f.heading.empty()) para(f.heading, 0, 8, 10.5, palette::kMuted);
    para(f.text, f.heading.empty() ? 0 : 10, 9, 12.5, f.heading.empty() || f.own_words ? palette::kInk : palette::kMuted);
  }
  if (!part.facts.empty()) out.push_back({"", 0, 0, 5, {}, ""});
  for (const auto& p : part.prompts) {
    para(p.text, 20, 9.5, 13, palette::kInk, std::to_string(++number) + ".");
    para("（" + p.reason + "）", 20, 7.5, 9.5, palette::kMuted);
    out.push_back({"", 0, 0, 3, {}, ""});
  }
  return out;
}

double lines_height(const std::vector<Line>& lines) {
  double h = 0;
  for (const auto& l : lines) h += l.leading;
  return h;
}

void box(DisplayList& dl, double top, double bottom) {
  if (bottom - top < kRule) return;
  dl.stroke_rect(kBoxX, top, kBoxW, bottom - top, palette::kRule, 0.6);
  for (double y = top + kRule; y + 4 < bottom; y += kRule) dl.line(kBoxX + 6, y, kBoxX + kBoxW - 6, y, palette::kRule, 0.4);
}

}  // namespace

void layout_next_step_pages(const CareerMapContent& c, DisplayList& dl, const Measure& m) {
  if (!c.next_step) return;
  const NextStepSheet& s = *c.next_step;
  start_page(dl, c, m, s.heading);
  Flow f(dl, c, m, s.heading);
  f.set_y(kContentTop + 6);
  f.paragraph(s.intro, kMargin, kFullW, 8.5, palette::kMuted, 12);
  f.gap(6);

  // Measure every part, then decide the pages: a part goes whole on the page where it fits,
  // else on a new page; what is left at the foot of a page goes to the boxes on it.
  int number = 0;
  std::vector<std::vector<Line>> lines;
  std::vector<double> heights;
  for (const auto& part : s.parts) {
    lines.push_back(part_lines(part, m, number));
    heights.push_back(kHead + std::max(lines_height(lines.back()), kMinBox) + kPartGap);
  }
  const double summary_h = kHead + kSummaryLine * static_cast<double>(s.summary_lines.size()) + 8;
  const double top = kContentTop + 22, room = kContentBottom - top;
  const size_t n = heights.size();
  heights.push_back(summary_h);
  std::vector<int> page_of(n + 1);
  std::vector<bool> flows(n + 1, false);
  std::vector<double> spare(1, 0);
  double y = f.y();
  for (size_t i = 0; i <= n; ++i) {
    // The last part keeps the summary with it, so that it never stands alone on a page.
    const double h = heights[i], together = i + 1 == n ? h + summary_h : h;
    // It goes to a new page when it does not fit here but would there, unless that would
    // leave this page mostly empty: then it flows on from here.
    const bool used = (y - kContentTop) / (kContentBottom - kContentTop) >= kMinPageFill;
    if (y + together > kContentBottom && used && together <= room) {
      spare.back() = kContentBottom - y;
      spare.push_back(0);
      y = top;
    }
    page_of[i] = static_cast<int>(spare.size()) - 1;
    if (h > kContentBottom - y) {  // taller than the page: it flows on; those pages are full
      flows[i] = true;
      const double rest = h - (kContentBottom - y);
      const int more = static_cast<int>(std::ceil(rest / room));
      spare.resize(spare.size() + more, 0);
      y = top + rest - (more - 1) * room;
    } else {
      y += h;
    }
    spare.back() = kContentBottom - y;
  }
  // What is left at the foot of a page goes to the boxes of the parts kept whole on it.
  auto share = [&](size_t i) {
    if (flows[i]) return 0.0;
    long whole = 0;
    for (size_t k = 0; k < n; ++k) whole += page_of[k] == page_of[i] && !flows[k];
    return spare[page_of[i]] / static_cast<double>(whole);
  };

  for (size_t i = 0; i < n; ++i) {
    if (page_of[i] > f.page_index()) f.new_page();
    dl.text(kMargin, f.y() + 13, s.parts[i].heading, 11, palette::kInk);
    dl.line(kMargin, f.y() + 18, kMargin + kFullW, f.y() + 18, palette::kRule, 0.6);
    f.gap(kHead);
    double box_top = f.y();
    const double wanted = f.y() + std::max(lines_height(lines[i]), kMinBox) + share(i);
    const int page = f.page_index();
    f.before_break([&](double) {
      box(dl, box_top, kContentBottom);
      box_top = top;
    });
    for (const auto& l : lines[i]) {
      if (l.text.empty()) {
        f.gap(l.leading);
        continue;
      }
      f.ensure(l.leading);
      if (!l.number.empty()) dl.text(kMargin, f.y() + l.size + 1, l.number, l.size, palette::kInk);
      dl.text(kMargin + l.dx, f.y() + l.size + 1, l.text, l.size, l.color);
      f.gap(l.leading);
    }
    f.before_break(nullptr);
    const double bottom = std::min(kContentBottom, f.page_index() == page ? std::max(wanted, f.y())
                                                                            : std::max(f.y(), box_top + kMinBox));
    box(dl, box_top, bottom);
    f.set_y(bottom + kPartGap);
  }
  if (page_of[n] > f.page_index()) f.new_page();

  // My next step: a labelled line for each question.
  dl.text(kMargin, f.y() + 14, s.summary_heading, 11, palette::kInk);
  dl.line(kMargin, f.y() + 19, kMargin + kFullW, f.y() + 19, palette::kRule, 0.6);
  f.gap(kHead);
  for (const auto& label : s.summary_lines) {
    f.gap(kSummaryLine);
    dl.text(kMargin, f.y() - 6, label, 9.5, palette::kInk);
    dl.line(kMargin + 100, f.y(), kMargin + kFullW, f.y(), palette::kRule, 0.5);
  }
}

}  // namespace careermap
