#include "reports/page_frame.hpp"

#include <algorithm>
#include <cmath>

#include "reports/palette.hpp"

namespace careermap::frame {

std::string score_text(std::optional<double> score, const std::string& none) {
  return score ? std::to_string(static_cast<int>(std::lround(*score))) : none;
}

std::string change_text(int change) {
  return change > 0 ? "+" + std::to_string(change) : change < 0 ? "−" + std::to_string(-change) : "±0";
}

PageFrame career_map_frame(const CareerMapContent& c) {
  PageFrame f;
  f.width = kPageW, f.height = kPageH, f.margin = kMargin;
  f.top = kContentTop + 22, f.bottom = kContentBottom;
  f.title = c.title, f.title_y = 50, f.title_size = 20;
  f.right = c.participant, f.right_size = 15;
  f.sub = c.questionnaire;
  if (!c.cohort.empty()) f.sub += "　" + c.cohort;
  f.sub_y = 68;
  f.date = c.date_line + "　";
  f.page_pattern = c.page_pattern;
  f.rule_y = 76, f.rule_width = 0.8;
  f.note = c.note, f.note_size = 8.5, f.note_leading = 11, f.note_bottom = kPageH - 22;
  f.continued = c.continued;
  return f;
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

}  // namespace careermap::frame
