#include "reports/display_list.hpp"

#include <algorithm>

#include "engine/diagnostic.hpp"
#include "engine/templates.hpp"
#include "engine/utf8.hpp"
#include "engine/messages.hpp"

namespace careermap {
namespace {

std::string page_text(const DrawOp& op, size_t page, size_t pages) {
  return fill(op.text, {{"page", std::to_string(page)}, {"pages", std::to_string(pages)}});
}

}  // namespace

DisplayPage& DisplayList::new_page() {
  if (pages_.size() >= max_pages_)
    throw Error(Location{}, "",
                trf("{what} would have more than {max_pages} pages",
                    {{"what", std::string(what_)}, {"max_pages", std::to_string(max_pages_)}}));
  return pages_.emplace_back();
}

void DisplayList::text(double x, double y, std::string s, double size, Color c) {
  page().ops.push_back({DrawOp::Kind::text, x, y, 0, 0, 0, 0, size, c, {}, std::move(s)});
}

void DisplayList::page_number(double right_x, double y, std::string pattern, double size, Color c) {
  page().ops.push_back({DrawOp::Kind::page_number, right_x, y, 0, 0, 0, 0, size, c, {}, std::move(pattern)});
}

void DisplayList::fill_rect(double x, double y, double w, double h, Color c) {
  page().ops.push_back({DrawOp::Kind::fill_rect, x, y, w, h, 0, 0, 0, c, c, {}});
}

void DisplayList::stroke_rect(double x, double y, double w, double h, Color c, double width) {
  page().ops.push_back({DrawOp::Kind::stroke_rect, x, y, w, h, 0, 0, width, c, {}, {}});
}

void DisplayList::line(double x1, double y1, double x2, double y2, Color c, double width, bool dashed) {
  page().ops.push_back({dashed ? DrawOp::Kind::dashed_line : DrawOp::Kind::line, x1, y1, x2, y2, 0, 0, width, c, {}, {}});
}

void DisplayList::circle(double cx, double cy, double r, Color fill, Color stroke, double width) {
  page().ops.push_back({DrawOp::Kind::circle, cx, cy, r, width, 0, 0, r, stroke, fill, {}});
}

void DisplayList::triangle(double x1, double y1, double x2, double y2, double x3, double y3, Color c) {
  page().ops.push_back({DrawOp::Kind::triangle, x1, y1, x2, y2, x3, y3, 0, c, c, {}});
}

void DisplayList::draw(PdfCanvas& pdf, double width, double height,
                       const std::function<double(std::string_view, double)>& measure) const {
  for (size_t p = 0; p < pages_.size(); ++p) {
    pdf.new_page(width, height);
    for (const auto& op : pages_[p].ops) {
      switch (op.kind) {
        case DrawOp::Kind::text: pdf.text(op.x1, op.y1, op.text, op.size, op.color); break;
        case DrawOp::Kind::page_number: {
          const std::string s = page_text(op, p + 1, pages_.size());
          pdf.text(op.x1 - measure(s, op.size), op.y1, s, op.size, op.color);
          break;
        }
        case DrawOp::Kind::fill_rect: pdf.fill_rect(op.x1, op.y1, op.x2, op.y2, op.fill); break;
        case DrawOp::Kind::stroke_rect: pdf.stroke_rect(op.x1, op.y1, op.x2, op.y2, op.color, op.size); break;
        case DrawOp::Kind::line: pdf.line(op.x1, op.y1, op.x2, op.y2, op.color, op.size, false); break;
        case DrawOp::Kind::dashed_line: pdf.line(op.x1, op.y1, op.x2, op.y2, op.color, op.size, true); break;
        case DrawOp::Kind::circle: pdf.circle(op.x1, op.y1, op.x2, op.fill, op.color, op.y2); break;
        case DrawOp::Kind::triangle: pdf.fill_triangle(op.x1, op.y1, op.x2, op.y2, op.x3, op.y3, op.fill); break;
      }
    }
  }
}

std::u32string DisplayList::characters() const {
  std::u32string all;
  auto add = [&](std::string_view s) {
    for_each_char(s, [&](char32_t c, std::string_view) {
      if (c != kInvalidChar) all.push_back(c);
    });
  };
  for (size_t p = 0; p < pages_.size(); ++p)
    for (const auto& op : pages_[p].ops) {
      if (op.kind == DrawOp::Kind::text) add(op.text);
      if (op.kind == DrawOp::Kind::page_number) add(page_text(op, p + 1, pages_.size()));
    }
  std::sort(all.begin(), all.end());
  all.erase(std::unique(all.begin(), all.end()), all.end());
  return all;
}

std::vector<std::string> DisplayList::texts(size_t index) const {
  std::vector<std::string> out;
  for (const auto& op : pages_.at(index).ops) {
    if (op.kind == DrawOp::Kind::text) out.push_back(op.text);
    if (op.kind == DrawOp::Kind::page_number) out.push_back(page_text(op, index + 1, pages_.size()));
  }
  return out;
}

}  // namespace careermap
