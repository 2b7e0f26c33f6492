#include "reports/next_step_page.hpp"

#include <algorithm>
#include <cmath>

#include "reports/palette.hpp"

namespace careermap {
namespace {

using namespace frame;

// Two columns on every page; a part is its heading, its facts and prompts, then ruled lines
// to write on.
constexpr double kFullW = kPageW - 2 * kMargin, kColGap = 24;
constexpr double kColW = (kFullW - kColGap) / 2, kRightX = kMargin + kColW + kColGap;
constexpr double kHead = 22, kRule = 17, kPartGap = 10, kSummaryLine = 21;
constexpr int kMinRules = 2;  // lines to write on under every part, at the least
constexpr double kTop = kContentTop + 22;  // where the columns start on a continuation page

// One paragraph of a column at x offset `dx`, or a gap of `leading` when `text` is empty.
struct Para {
  std::string text;
  double dx = 0, size = 0, leading = 0;
  Color color;
  std::string number;  // the prompt's number, on its first line
};

std::vector<Para> part_paras(const SheetSection& part, Lang lang, int& number) {
  std::vector<Para> out;
  for (const auto& f : part.facts) {
    if (!f.heading.empty()) out.push_back({f.heading, 0, 8, 10.5, palette::kMuted, ""});
    out.push_back({f.text, f.heading.empty() ? 0.0 : 10.0, 9, 12.5,
                   f.heading.empty() || f.own_words ? palette::kInk : palette::kMuted, ""});
  }
  if (!part.facts.empty()) out.push_back({"", 0, 0, 5, {}, ""});
  for (const auto& p : part.prompts) {
    out.push_back({p.text, 20, 9.5, 13, palette::kInk, std::to_string(++number) + "."});
    out.push_back({bracketed(p.reason, lang), 20, 7.5, 9.5, palette::kMuted, ""});
    out.push_back({"", 0, 0, 3, {}, ""});
  }
  return out;
}

double paras_height(const std::vector<Para>& paras, const Document& doc) {
  double h = 0;
  for (const auto& p : paras)
    h += p.text.empty() ? p.leading
                        : p.leading * static_cast<double>(doc.lines(p.text, kColW - p.dx, p.size).size());
  return h;
}

// Where each block (the parts, then "my next step") goes: the column it starts in (two per
// page, counted from the first page's left one), whether it runs on past that column's
// foot, and the lines it gets to write on. A block goes whole to the next column when it
// does not fit where it is but would there; the room left at a column's foot becomes
// more lines for the parts kept whole in it.
struct Plan {
  std::vector<int> column;
  std::vector<int> rules;
  double summary_line = kSummaryLine;  // wider when "my next step" has a column to itself
};

Plan plan_columns(const std::vector<double>& heights, size_t parts, double first_top) {
  const auto top = [&](int col) { return col < 2 ? first_top : kTop; };
  Plan p;
  std::vector<bool> runs_on(heights.size(), false);
  std::vector<double> spare(1, kContentBottom - first_top);
  int col = 0;
  double y = first_top;
  for (size_t i = 0; i < heights.size(); ++i) {
    const double h = heights[i];
    if (y + h > kContentBottom && y > top(col) && h <= kContentBottom - top(col + 1)) {
      spare.push_back(kContentBottom - top(++col));
      y = top(col);
    }
    p.column.push_back(col);
    if (h > kContentBottom - y) {  // taller than a column: the columns it runs through are full
      runs_on[i] = true;
      double rest = h - (kContentBottom - y);
      while (rest > 0) {
        spare.back() = 0;
        y = top(++col);
        spare.push_back(kContentBottom - y);
        const double take = std::min(rest, kContentBottom - y);
        y += take, rest -= take;
      }
    } else {
      y += h;
    }
    spare.back() = kContentBottom - y;
  }
  // "My next step" never stands alone on a page: the last part goes with it.
  const size_t n = heights.size();
  if (n >= 2 && col % 2 == 0 && col > 0 && p.column[n - 2] == col - 1 && !runs_on[n - 2] &&
      heights[n - 2] + heights[n - 1] <= kContentBottom - top(col)) {
    p.column[n - 2] = col;
    spare[col - 1] += heights[n - 2];
    spare[col] -= heights[n - 2];
  }
  // The last page's blocks all in its left column: split them over both, the columns as
  // even as can be, rather than leave the right one empty.
  const int last = col;
  std::vector<size_t> tail;
  for (size_t i = 0; i < heights.size(); ++i)
    if (p.column[i] == last) tail.push_back(i);
  const bool runs = std::any_of(tail.begin(), tail.end(), [&](size_t i) { return runs_on[i]; });
  if (last % 2 == 0 && tail.size() > 1 && !runs) {
    double total = 0, left = 0, best = kContentBottom, best_left = 0;
    for (size_t i : tail) total += heights[i];
    size_t split = tail.size();
    for (size_t k = 1; k < tail.size(); ++k) {
      left += heights[tail[k - 1]];
      if (std::max(left, total - left) < best) best = std::max(left, total - left), split = k, best_left = left;
    }
    for (size_t k = split; k < tail.size(); ++k) p.column[tail[k]] = last + 1;
    spare.back() = kContentBottom - top(last) - best_left;
    spare.push_back(kContentBottom - top(last + 1) - (total - best_left));
  }
  for (size_t i = 0; i < parts; ++i) {
    long whole = 0;
    for (size_t k = 0; k < parts; ++k) whole += p.column[k] == p.column[i] && !runs_on[k];
    const double share = runs_on[i] ? 0 : spare[p.column[i]] / static_cast<double>(whole);
    p.rules.push_back(kMinRules + static_cast<int>(std::floor(share / kRule)));
  }
  const int own = p.column.back();
  if (std::count(p.column.begin(), p.column.end(), own) == 1 && heights.size() > 1) {
    const double lines = (heights.back() - kHead) / kSummaryLine;
    if (lines > 0) p.summary_line += std::min(kSummaryLine, spare[own] / lines);
  }
  return p;
}

void heading(DisplayList& dl, double x, double y, const std::string& text) {
  dl.text(x, y + 13, text, 10.5, palette::kInk);
  dl.line(x, y + 18, x + kColW, y + 18, palette::kRule, 0.6);
}

}  // namespace

void layout_next_step_pages(const CareerMapContent& c, Document& doc) {
  if (!c.next_step) return;
  DisplayList& dl = doc.pages();
  const NextStepSheet& s = *c.next_step;
  doc.new_page(s.heading);
  Flow f(doc, s.heading);
  f.set_y(kContentTop + 6);
  f.paragraph(s.intro, kMargin, kFullW, 8.5, palette::kMuted, 12);
  f.gap(8);
  const double first_top = f.y();
  f.regions({{kMargin, kColW, first_top, kContentBottom}, {kRightX, kColW, first_top, kContentBottom}},
            {{kMargin, kColW, kTop, kContentBottom}, {kRightX, kColW, kTop, kContentBottom}});

  int number = 0;
  std::vector<std::vector<Para>> paras;
  std::vector<double> heights;
  for (const auto& part : s.parts) {
    paras.push_back(part_paras(part, c.lang, number));
    heights.push_back(kHead + paras_height(paras.back(), doc) + kMinRules * kRule + kPartGap);
  }
  heights.push_back(kHead + kSummaryLine * static_cast<double>(s.summary_lines.size()));
  const Plan plan = plan_columns(heights, s.parts.size(), first_top);
  const auto to_column = [&](int col) {
    while (f.page_index() * 2 + f.region_index() < col) f.next_region();
  };

  for (size_t i = 0; i < s.parts.size(); ++i) {
    to_column(plan.column[i]);
    heading(dl, f.x(), f.y(), s.parts[i].heading);
    f.gap(kHead);
    for (const auto& p : paras[i]) {
      if (p.text.empty()) {
        f.gap(p.leading);
        continue;
      }
      f.ensure(p.leading);
      if (!p.number.empty()) dl.text(f.x(), f.y() + p.size + 1, p.number, p.size, palette::kInk);
      f.paragraph(p.text, f.x() + p.dx, kColW - p.dx, p.size, p.color, p.leading, p.leading - p.size - 1);
    }
    for (int r = 0; r < plan.rules[i]; ++r) {
      f.ensure(kRule);
      f.gap(kRule);
      dl.line(f.x() + 4, f.y(), f.x() + kColW - 4, f.y(), palette::kRule, 0.4);
    }
    f.gap(kPartGap);
  }

  // My next step: a labelled line for each question.
  to_column(plan.column.back());
  heading(dl, f.x(), f.y(), s.summary_heading);
  f.gap(kHead);
  double label_w = 0;
  for (const auto& label : s.summary_lines) label_w = std::max(label_w, doc.width(label, 9.5));
  for (const auto& label : s.summary_lines) {
    f.ensure(plan.summary_line);
    f.gap(plan.summary_line);
    dl.text(f.x(), f.y() - 6, label, 9.5, palette::kInk);
    dl.line(f.x() + label_w + 8, f.y(), f.x() + kColW, f.y(), palette::kRule, 0.5);
  }
}

}  // namespace careermap
