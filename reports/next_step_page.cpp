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

class Planner {
 public:
  Planner(const std::vector<double>& heights, size_t parts, double first_top)
      : h_(heights), parts_(parts), first_top_(first_top), runs_on_(heights.size(), false) {}

  Plan run() {
    place();
    last_part_with_summary();
    balance_last_page();
    rules();
    summary_line();
    return p_;
  }

 private:
  double top(int col) const { return col < 2 ? first_top_ : kTop; }

  // Each block in turn: to the next column when it does not fit here but would there; a
  // block taller than a column runs on through the columns after it, which are then full.
  void place() {
    spare_.assign(1, kContentBottom - first_top_);
    double y = first_top_;
    for (size_t i = 0; i < h_.size(); ++i) {
      const double h = h_[i];
      if (y + h > kContentBottom && y > top(col_) && h <= kContentBottom - top(col_ + 1)) {
        spare_.push_back(kContentBottom - top(++col_));
        y = top(col_);
      }
      p_.column.push_back(col_);
      if (h > kContentBottom - y) {
        runs_on_[i] = true;
        double rest = h - (kContentBottom - y);
        while (rest > 0) {
          spare_.back() = 0;
          y = top(++col_);
          spare_.push_back(kContentBottom - y);
          const double take = std::min(rest, kContentBottom - y);
          y += take, rest -= take;
        }
      } else {
        y += h;
      }
      spare_.back() = kContentBottom - y;
    }
  }

  // "My next step" never stands alone on a page: the last part goes with it.
  void last_part_with_summary() {
    const size_t n = h_.size();
    const int col = col_;
    if (n >= 2 && col % 2 == 0 && col > 0 && p_.column[n - 2] == col - 1 && !runs_on_[n - 2] &&
        h_[n - 2] + h_[n - 1] <= kContentBottom - top(col)) {
      p_.column[n - 2] = col;
      spare_[col - 1] += h_[n - 2];
      spare_[col] -= h_[n - 2];
    }
  }

  // The last page's blocks all in its left column: split them over both, the columns as
  // even as can be, rather than leave the right one empty.
  void balance_last_page() {
    const int last = col_;
    std::vector<size_t> tail;
    for (size_t i = 0; i < h_.size(); ++i)
      if (p_.column[i] == last) tail.push_back(i);
    const bool runs = std::any_of(tail.begin(), tail.end(), [&](size_t i) { return runs_on_[i]; });
    if (last % 2 != 0 || tail.size() <= 1 || runs) return;
    double total = 0, left = 0, best = kContentBottom, best_left = 0;
    for (size_t i : tail) total += h_[i];
    size_t split = tail.size();
    for (size_t k = 1; k < tail.size(); ++k) {
      left += h_[tail[k - 1]];
      if (std::max(left, total - left) < best) best = std::max(left, total - left), split = k, best_left = left;
    }
    for (size_t k = split; k < tail.size(); ++k) p_.column[tail[k]] = last + 1;
    spare_.back() = kContentBottom - top(last) - best_left;
    spare_.push_back(kContentBottom - top(last + 1) - (total - best_left));
  }

  // The room left at a column's foot, shared as lines among the parts kept whole in it.
  void rules() {
    for (size_t i = 0; i < parts_; ++i) {
      long whole = 0;
      for (size_t k = 0; k < parts_; ++k) whole += p_.column[k] == p_.column[i] && !runs_on_[k];
      const double share = runs_on_[i] ? 0 : spare_[p_.column[i]] / static_cast<double>(whole);
      p_.rules.push_back(kMinRules + static_cast<int>(std::floor(share / kRule)));
    }
  }

  void summary_line() {
    const int own = p_.column.back();
    if (std::count(p_.column.begin(), p_.column.end(), own) != 1 || h_.size() <= 1) return;
    const double lines = (h_.back() - kHead) / kSummaryLine;
    if (lines > 0) p_.summary_line += std::min(kSummaryLine, spare_[own] / lines);
  }

  const std::vector<double>& h_;
  size_t parts_;
  double first_top_;
  std::vector<bool> runs_on_;
  std::vector<double> spare_;
  int col_ = 0;
  Plan p_;
};

void heading(DisplayList& dl, double x, double y, const std::string& text) {
  dl.text(x, y + 13, text, 10.5, palette::kInk);
  dl.line(x, y + 18, x + kColW, y + 18, palette::kRule, 0.6);
}

// A part: its heading, its paragraphs (a prompt's number beside its first line), then
// `rules` lines to write on.
void part(Flow& f, DisplayList& dl, const std::string& title, const std::vector<Para>& paras, int rules) {
  heading(dl, f.x(), f.y(), title);
  f.gap(kHead);
  for (const auto& p : paras) {
    if (p.text.empty()) {
      f.gap(p.leading);
      continue;
    }
    f.ensure(p.leading);
    if (!p.number.empty()) dl.text(f.x(), f.y() + p.size + 1, p.number, p.size, palette::kInk);
    f.paragraph(p.text, f.x() + p.dx, kColW - p.dx, p.size, p.color, p.leading, p.leading - p.size - 1);
  }
  for (int r = 0; r < rules; ++r) {
    f.ensure(kRule);
    f.gap(kRule);
    dl.line(f.x() + 4, f.y(), f.x() + kColW - 4, f.y(), palette::kRule, 0.4);
  }
  f.gap(kPartGap);
}

// My next step: a labelled line for each question.
void summary(Flow& f, Document& doc, const NextStepSheet& s, double line) {
  DisplayList& dl = doc.pages();
  heading(dl, f.x(), f.y(), s.summary_heading);
  f.gap(kHead);
  double label_w = 0;
  for (const auto& label : s.summary_lines) label_w = std::max(label_w, doc.width(label, 9.5));
  for (const auto& label : s.summary_lines) {
    f.ensure(line);
    f.gap(line);
    dl.text(f.x(), f.y() - 6, label, 9.5, palette::kInk);
    dl.line(f.x() + label_w + 8, f.y(), f.x() + kColW, f.y(), palette::kRule, 0.5);
  }
}

}  // namespace

void layout_next_step_pages(const CareerMapContent& c, Document& doc) {
  if (!c.next_step) return;
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
  const Plan plan = Planner(heights, s.parts.size(), first_top).run();
  const auto to_column = [&](int col) {
    while (f.page_index() * 2 + f.region_index() < col) f.next_region();
  };

  for (size_t i = 0; i < s.parts.size(); ++i) {
    to_column(plan.column[i]);
    part(f, doc.pages(), s.parts[i].heading, paras[i], plan.rules[i]);
  }
  to_column(plan.column.back());
  summary(f, doc, s, plan.summary_line);
}

}  // namespace careermap
