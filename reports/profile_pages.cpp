#include "reports/profile_pages.hpp"

#include <algorithm>
#include <cmath>

#include "reports/palette.hpp"

namespace careermap {
namespace {

using namespace frame;

constexpr double kLeftW = 380, kRightX = 450, kRightW = kPageW - kMargin - kRightX;
constexpr double kFullW = kPageW - 2 * kMargin;
constexpr double kColW = kRightW;  // both columns of the flowing part
constexpr double kShareBelow = 0.5;  // a profile page used less than this takes the interview sheet too

// Scores by level: one group per level (shallowest first), a bar per scene.
double bar_chart(const CareerMapContent& c, Document& doc, double top) {
  DisplayList& dl = doc.pages();
  constexpr double label_w = 196, bar_x = kMargin + label_w + 6, bar_w = kLeftW - label_w - 40, row = 15;
  double y = top;
  for (int l = 0; l < c.level_count; ++l) {
    dl.text(kMargin, y + 11, c.level_labels[l], 10, palette::kInk);
    y += 16;
    for (const auto& cell : c.cells) {
      if (cell.level != l) continue;
      // A label too long for its column goes on to a second line (the row grows), never cut.
      const auto lines = doc.lines(cell.label, label_w - 12, 8);
      for (size_t k = 0; k < lines.size(); ++k) dl.text(kMargin + 10, y + 10 + 9.5 * static_cast<double>(k), lines[k], 8, palette::kInk);
      dl.fill_rect(bar_x, y + 2, bar_w, row - 4, {0.95, 0.95, 0.95});
      if (cell.score) {
        dl.fill_rect(bar_x, y + 2, bar_w * *cell.score / 100.0, row - 4, palette::score_color(std::max(*cell.score, 25.0)));
        dl.text(bar_x + bar_w + 5, y + 10.5, score_text(cell.score, ""), 8.5, palette::kInk);
      } else {
        dl.text(bar_x + 4, y + 10, c.no_score, 7.5, palette::kMuted);
      }
      y += row + 9.5 * static_cast<double>(std::max<size_t>(lines.size(), 1) - 1);
    }
    y += 8;
  }
  return y;
}

// Heading and blocks in the right column; returns the bottom.
double notes_column(const CareerMapContent& c, Document& doc, double top) {
  DisplayList& dl = doc.pages();
  Flow f(doc, c.profile_heading);
  f.regions({{kRightX, kRightW, top, kPageH}}, {{kRightX, kRightW, kContentTop + 22, kPageH}});  // the notes are few
  auto heading = [&](const std::string& s) {
    dl.text(kRightX, f.y() + 11, s, 11, palette::kInk);
    dl.line(kRightX, f.y() + 16, kRightX + kRightW, f.y() + 16, palette::kRule, 0.6);
    f.gap(24);
  };
  auto para = [&](const std::string& s, double x, double w, double size, Color col) {
    f.paragraph(s, x, w, size, col, size + 4, 4);
  };
  heading(c.strengths_heading);
  if (c.strengths.empty()) para(c.no_strengths, kRightX, kRightW, 9, palette::kMuted);
  for (const auto& s : c.strengths) {
    // The colour of the whole points shown, as the number in it.
    const std::string score = score_text(s.score, "");
    const double shown = std::round(s.score);
    dl.fill_rect(kRightX, f.y() + 1, 26, 13, palette::score_color(shown));
    dl.text(kRightX + 13 - doc.width(score, 8.5) / 2, f.y() + 11, score, 8.5,
            palette::needs_light_text(shown) ? palette::kWhite : palette::kInk);
    para(s.label, kRightX + 32, kRightW - 32, 10, palette::kInk);
    para(s.sentence, kRightX + 32, kRightW - 32, 8.5, palette::kMuted);
    f.gap(4);
  }
  f.gap(8);
  heading(c.walls_heading);
  if (c.walls.empty()) para(c.no_walls, kRightX, kRightW, 9, palette::kMuted);
  for (const auto& w : c.walls) {
    dl.fill_rect(kRightX, f.y() + 2, 4, 11, palette::kWall);
    para(w.label, kRightX + 12, kRightW - 12, 10, palette::kInk);
    para(w.sentence, kRightX + 12, kRightW - 12, 8.5, palette::kMuted);
    f.gap(4);
  }
  return f.y();
}

// A section heading kept with the first `first` points of what follows (`whole`: all of
// it, for a side column). A section that starts a new page heads the page instead.
void section_heading(Flow& f, DisplayList& dl, const std::string& s, double whole, double first) {
  constexpr double kHead = 30;
  f.set_section(s);
  if (f.keep(kHead + whole, kHead + first, false)) return;
  f.gap(8);
  dl.text(f.x(), f.y() + 12, s, 11, palette::kInk);
  dl.line(f.x(), f.y() + 17, f.x() + f.width(), f.y() + 17, palette::kRule, 0.6);
  f.gap(22);
}

// A checklist's boxes in rows that fit `width`: per row, each entry's index and x offset.
std::vector<std::vector<std::pair<size_t, double>>> checklist_rows(const Checklist& list, const Document& doc,
                                                                   double width) {
  std::vector<std::vector<std::pair<size_t, double>>> rows(1);
  double x = 0;
  for (size_t i = 0; i < list.entries.size(); ++i) {
    const double w = doc.width(list.entries[i].first, 9) + 34;
    if (x > 0 && x + w > width) rows.emplace_back(), x = 0;
    rows.back().push_back({i, x});
    x += w;
  }
  return rows;
}

constexpr double kRow = 16;

void checklist(Flow& f, Document& doc, const Checklist& list) {
  DisplayList& dl = doc.pages();
  const double whole = static_cast<double>(checklist_rows(list, doc, f.width()).size()) * kRow + 18;
  section_heading(f, dl, list.heading, whole, std::min(whole, kRow));
  for (const auto& row : checklist_rows(list, doc, f.width())) {
    f.ensure(kRow);
    for (const auto& [i, dx] : row) {
      const auto& [label, chosen] = list.entries[i];
      const double x = f.x() + dx;
      dl.stroke_rect(x, f.y() + 1, 10, 10, palette::kInk, 0.8);
      if (chosen) {
        dl.line(x + 2, f.y() + 6, x + 4.5, f.y() + 9, palette::kCurrent, 1.8);
        dl.line(x + 4.5, f.y() + 9, x + 9, f.y() + 2.5, palette::kCurrent, 1.8);
      }
      dl.text(x + 15, f.y() + 10, label, 9, chosen ? palette::kInk : palette::kMuted);
    }
    f.gap(kRow);
  }
  f.gap(18 - kRow);
}

// The participant's words: a heading line (the question, or the episode), then the text.
void words(Flow& f, Document& doc, const std::string& heading, const std::vector<OwnWords>& list,
           double head_size, Color head_ink) {
  if (list.empty()) return;
  DisplayList& dl = doc.pages();
  auto height = [&](const OwnWords& w, double width) {
    return static_cast<double>(doc.lines(w.heading, width, head_size).size()) * (head_size + 4) +
           static_cast<double>(doc.lines(w.text, width - 12, 10).size()) * 15 + 5;
  };
  // Keep a heading with the first two lines of its text.
  const double first = 2 * (head_size + 4) + 2 * 15;
  section_heading(f, dl, heading, height(list.front(), f.width()), first);
  for (const auto& w : list) {
    f.keep(height(w, f.width()), first);
    f.paragraph(w.heading, f.x(), f.width(), head_size, head_ink, head_size + 4);
    f.paragraph(w.text, f.x() + 12, f.width() - 12, 10, w.answered ? palette::kInk : palette::kMuted, 15);
    f.gap(5);
  }
}

// The whole profile; page `early_page` of it (0 = its first) ends at `early_bottom`.
void profile_pages(const CareerMapContent& c, Document& doc, int early_page, double early_bottom) {
  doc.new_page(c.profile_heading);
  const double chart_bottom = bar_chart(c, doc, kContentTop + 10);
  const double notes_bottom = notes_column(c, doc, kContentTop + 4);
  // The checklist and the participant's own words flow in two columns of one width: under
  // the chart, then under the notes, then on further pages.
  Flow f(doc, c.profile_heading);
  f.end_page_early(early_page, early_bottom);
  const Flow::Region later_left{kMargin, kColW, kContentTop + 22, kContentBottom};
  const Flow::Region later_right{kRightX, kColW, kContentTop + 22, kContentBottom};
  f.regions({{kMargin, kColW, chart_bottom + 6, kContentBottom}, {kRightX, kColW, notes_bottom + 6, kContentBottom}},
            {later_left, later_right});
  for (const auto& list : c.checklists) checklist(f, doc, list);
  words(f, doc, c.own_words_heading, c.own_words, 8.5, palette::kMuted);
  words(f, doc, c.outcomes_heading, c.outcomes, 9, palette::kInk);
}

}  // namespace

void layout_profile_pages(const CareerMapContent& c, Document& doc) {
  // A last page that would be mostly empty takes more from the page before it: that
  // page's break moves up by what the last one lacks (kMinPageFill of a page).
  Document trial = doc;  // the same bound on pages, counted from the same start
  const size_t before = doc.pages().pages().size();
  profile_pages(c, trial, -1, kContentBottom);
  const size_t pages = trial.pages().pages().size() - before;
  const double fill = page_fill(trial.pages().pages().back());
  if (pages > 1 && fill < kMinPageFill) {
    const double lacks = (kMinPageFill - fill) * (kContentBottom - kContentTop) + 24;
    profile_pages(c, doc, static_cast<int>(pages) - 2, kContentBottom - lacks);
  } else {
    profile_pages(c, doc, -1, kContentBottom);
  }
}

void layout_interview_pages(const CareerMapContent& c, Document& doc) {
  DisplayList& dl = doc.pages();
  // After a profile that leaves most of its page empty (a short questionnaire), the sheet
  // starts on that page, under its own heading; else on a page of its own.
  Flow f(doc, c.interview_heading);
  const double used = dl.pages().empty() ? 1 : page_fill(dl.page());
  if (used < kShareBelow) {
    f.set_y(kContentTop + used * (kContentBottom - kContentTop) + 12);
    dl.text(kMargin, f.y() + 12, c.interview_heading, 12, palette::kInk);
    dl.line(kMargin, f.y() + 17, kMargin + kFullW, f.y() + 17, palette::kRule, 0.8);
    f.gap(20);
  } else {
    doc.new_page(c.interview_heading);
    f.set_y(kContentTop + 8);
  }
  f.paragraph(c.interview_intro, kMargin, kFullW, 8.5, palette::kMuted, 12);
  f.gap(8);
  int n = 0;
  for (const auto& p : c.prompts) {
    f.ensure(34);
    const std::string number = std::to_string(++n) + ".";
    dl.text(kMargin, f.y() + 11, number, 10, palette::kInk);
    f.paragraph(p.text, kMargin + 22, kFullW - 22, 10.5, palette::kInk, 15);
    f.paragraph(bracketed(p.reason, c.lang), kMargin + 22, kFullW - 22, 7.5, palette::kMuted, 11);
    f.gap(5);
  }
  // Ruled space for notes: the rest of the page, at least six lines.
  constexpr double kRule = 22;
  f.ensure(30 + 6 * kRule);
  f.gap(6);
  dl.text(kMargin, f.y() + 11, c.notes_heading, 11, palette::kInk);
  f.gap(16);
  while (f.y() + kRule <= kContentBottom) {
    f.gap(kRule);
    dl.line(kMargin, f.y(), kMargin + kFullW, f.y(), palette::kRule, 0.5);
  }
}

}  // namespace careermap
