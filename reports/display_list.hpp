// A document as a list of pages of drawing operations, made by the layout code and
// then replayed onto a PdfCanvas. Laying out first means the page count is known before
// anything is drawn ("page 2 of 4"), and tests can read what each page says without a PDF.
#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "reports/pdf_canvas.hpp"

namespace careermap {

struct DrawOp {
  enum class Kind { text, fill_rect, stroke_rect, line, dashed_line, circle, triangle, page_number } kind;
  double x1 = 0, y1 = 0, x2 = 0, y2 = 0, x3 = 0, y3 = 0;  // points, origin top left
  double size = 0;        // font size, line width or radius
  Color color, fill;
  std::string text;       // text; for page_number the pattern with {page} and {pages}
};

struct DisplayPage {
  std::vector<DrawOp> ops;
};

// Every document is bounded: a page beyond `max_pages` is an Error ("`what` would have more
// than N pages"), so no input can make a document of unbounded size.
class DisplayList {
 public:
  static constexpr size_t kMaxPages = 1000;
  explicit DisplayList(size_t max_pages = kMaxPages, std::string what = "the document")
      : max_pages_(max_pages), what_(std::move(what)) {}

  DisplayPage& new_page();
  DisplayPage& page() { return pages_.back(); }
  const std::vector<DisplayPage>& pages() const { return pages_; }

  void text(double x, double y, std::string s, double size, Color c);
  // Right-aligned at x: "{page} / {pages}" filled in when the document is drawn.
  void page_number(double right_x, double y, std::string pattern, double size, Color c);
  void fill_rect(double x, double y, double w, double h, Color c);
  void stroke_rect(double x, double y, double w, double h, Color c, double width);
  void line(double x1, double y1, double x2, double y2, Color c, double width, bool dashed = false);
  void circle(double cx, double cy, double r, Color fill, Color stroke, double width);
  void triangle(double x1, double y1, double x2, double y2, double x3, double y3, Color c);

  // Draws every page onto `pdf` (pages of `width` x `height` points); `measure` gives
  // text widths (for right-aligned page numbers).
  void draw(PdfCanvas& pdf, double width, double height,
            const std::function<double(std::string_view, double)>& measure) const;
  // Every character drawn, page numbers included: sorted, without repeats (the font's
  // subset adds 〓 when the font lacks one of them).
  std::u32string characters() const;
  // The texts of page `index` in drawing order (page numbers as drawn), for tests.
  std::vector<std::string> texts(size_t index) const;

 private:
  size_t max_pages_;
  std::string what_;
  std::vector<DisplayPage> pages_;
};

}  // namespace careermap
