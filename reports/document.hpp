// The document layer every PDF of careermap is made with (the career map, the blank form and
// the cohort report): a Document is pages of drawing operations (display_list.hpp) in one
// PageFrame (the page's size, the header with "x / y" page numbers, the footer note), measured
// with the font that draws them (font.hpp); text is broken into lines by the one line breaker
// (line_break.hpp); a Flow lays paragraphs and blocks down the page and on to continuation
// pages. pdf() subsets the font to the characters the pages draw and gives the PDF's bytes
// (pdf_canvas.hpp): the same pages give the same bytes.
// Failures throw careermap::Error: a page beyond the document's bound, a font libharu cannot
// use, a file that cannot be written.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "reports/display_list.hpp"
#include "reports/font.hpp"
#include "reports/pdf_canvas.hpp"

namespace careermap {

// What every page of a document shows around its content, and where. Texts left empty are
// not drawn. The header: `title` (and `right`, right-aligned) on the first line; `sub`, then
// `date` and the page number ("x / y" from `page_pattern`) right-aligned on the second; a
// rule under it; the section's heading (if any) under the rule. The footer: `note`, broken
// into lines, its last line's baseline at `note_bottom`.
struct PageFrame {
  double width = 0, height = 0, margin = 0;
  double top = 0, bottom = 0;  // the content area of a page a flow goes on to
  std::string title, right, sub, date, page_pattern;
  double title_y = 0, title_size = 0, right_size = 0;
  double sub_y = 0;  // the second line (and the page number's)
  double rule_y = 0, rule_width = 0;
  double section_y = 94, section_size = 12;
  std::string note;
  double note_size = 0, note_leading = 0, note_bottom = 0;
  std::string continued;  // added to a section's heading on the pages it goes on to
};

class Document {
 public:
  Document(const FontSource& font, PageFrame frame, size_t max_pages = DisplayList::kMaxPages,
           std::string what = "the document");

  const PageFrame& frame() const { return frame_; }
  DisplayList& pages() { return pages_; }
  const DisplayList& pages() const { return pages_; }
  // Width of UTF-8 text at a font size, in points, as it is drawn.
  double width(std::string_view s, double size) const { return font_->text_width(s, size); }
  // `text` broken into lines no wider than `width` at `size` (line_break.hpp).
  std::vector<std::string> lines(std::string_view text, double width, double size) const;
  // Starts a page in the frame; `section` (if any) heads it under the header.
  void new_page(const std::string& section = "");
  // The PDF: the font subset to exactly the characters the pages draw.
  std::string pdf(const DocumentInfo& info) const;
  // Writes the PDF to `path` atomically (a temporary file, mode 0600, renamed into place);
  // encrypted with AES-256 when `password` is not empty (pdf_encrypt.hpp).
  void write(const std::string& path, const DocumentInfo& info, const std::string& password = "") const;

 private:
  const FontSource* font_;
  PageFrame frame_;
  DisplayList pages_;
};

// Lays out blocks of text top to bottom, in regions (the frame's content width by default, or
// columns); when the last region of a page is full it starts a continuation page and goes on
// there. The continuation page is headed with the section being continued, marked as
// continued ("エピソードの成果（続き）"); a section that starts on a new page heads it
// without the mark. A region whose bottom is below the page never breaks.
class Flow {
 public:
  struct Region {
    double x = 0, width = 0, top = 0, bottom = 0;
  };

  Flow(Document& doc, std::string section);

  double y() const { return y_; }
  void set_y(double y) { y_ = y; }
  double x() const { return region().x; }
  double width() const { return region().width; }
  // The section now being laid out: it heads the continuation pages.
  void set_section(std::string section) { section_ = std::move(section); }
  // The regions left on this page (the flow goes on at the top of the first) and those of
  // every page it starts; all of one width, so a paragraph can go on from one to the next.
  void regions(std::vector<Region> here, std::vector<Region> later);
  // Whether `height` more points fit in the current region.
  bool fits(double height) const { return y_ + height <= bottom(); }
  // Goes on in the next region (or page) unless `height` more points fit.
  void ensure(double height);
  // Keeps a block together: it stays when it fits whole, or when it is longer than its
  // first `start` points and those fit; else it goes to the next region, or to a new page
  // (marked as continued when `continued`). True when it started a new page.
  bool keep(double whole, double start, bool continued = true);
  void gap(double height) { y_ += height; }
  // A paragraph from x over width, broken into lines `leading` points apart; lines go on to
  // the next page as needed. A line's baseline is `drop` points above its foot (by default
  // the text sits in the middle of its line).
  void paragraph(std::string_view text, double x, double width, double size, Color color, double leading,
                 std::optional<double> drop = std::nullopt);
  // A new page headed with the section, marked as continued when `continued`.
  void new_page(bool continued = true);
  // Pages of this flow counted from its first (0); the regions of page `index` end at
  // `bottom` instead (to move a page break earlier).
  void end_page_early(int index, double bottom) { early_page_ = index, early_bottom_ = bottom; }
  int page_index() const { return page_index_; }
  // Which region of its page the flow is in (0 for the first).
  int region_index() const { return static_cast<int>(at_); }
  // Goes on at the top of the next region, or of a new page (marked as continued).
  void next_region() { advance(true); }

 private:
  const Region& region() const { return regions_[at_]; }
  double bottom() const;
  // The next region of this page, else a new page. True when it started a new page.
  bool advance(bool continued);

  Document& doc_;
  std::string section_;
  double y_;
  std::vector<Region> regions_, later_;
  size_t at_ = 0;
  int page_index_ = 0;
  int early_page_ = -1;
  double early_bottom_;
};

}  // namespace careermap
