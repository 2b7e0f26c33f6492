// The frame shared by every page of the career map: A4 landscape, the header (title,
// participant, questionnaire, cohort, date, page x of y), the footer note, and Flow, which
// lays text out down a page and on to continuation pages so nothing is ever cut.
#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "reports/career_map.hpp"
#include "reports/display_list.hpp"
#include "reports/line_break.hpp"

namespace careermap::frame {

inline constexpr double kPageW = 841.89, kPageH = 595.28, kMargin = 36;
inline constexpr double kContentTop = 96, kContentBottom = kPageH - 44;
// No page after the first is used to less than this share of its content area (page_fill).
inline constexpr double kMinPageFill = 0.4;

// Width of UTF-8 text at a font size, measured with the font that draws it.
using Measure = std::function<double(std::string_view, double)>;

// Starts a new page with header and footer; `section` (if any) is written under the header.
void start_page(DisplayList& dl, const CareerMapContent& c, const Measure& measure, const std::string& section);

std::vector<std::string> wrap(const Measure& measure, std::string_view text, double width, double size);

// How much of a page's content area (kContentTop..kContentBottom) is used: from the top
// down to the lowest thing drawn there, 0..1 (headers and footers do not count).
double page_fill(const DisplayPage& page);

// Lays out blocks of text top to bottom, in regions (the full width by default, or
// columns); when the last region of a page is full it starts a continuation page and
// goes on there. The continuation page is headed with the section being continued,
// marked as continued ("エピソードの成果（続き）"); a section that starts on a new page
// heads it without the mark.
class Flow {
 public:
  struct Region {
    double x = kMargin, width = kPageW - 2 * kMargin, top = kContentTop + 22, bottom = kContentBottom;
  };

  Flow(DisplayList& dl, const CareerMapContent& c, Measure measure, std::string section);

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
  // A paragraph from x over width, broken into lines; lines go on to the next page as needed.
  void paragraph(std::string_view text, double x, double width, double size, Color color, double leading);
  // A new page headed with the section, marked as continued when `continued`.
  void new_page(bool continued = true);
  // Pages of this flow counted from its first (0); the regions of page `index` end at
  // `bottom` instead (to move a page break earlier).
  void end_page_early(int index, double bottom) { early_page_ = index, early_bottom_ = bottom; }
  int page_index() const { return page_index_; }
  // Called on the full page, before a new page starts, with the bottom the flow reached.
  void before_break(std::function<void(double bottom)> hook) { before_break_ = std::move(hook); }

 private:
  const Region& region() const { return regions_[at_]; }
  double bottom() const;
  // The next region of this page, else a new page. True when it started a new page.
  bool advance(bool continued);

  DisplayList& dl_;
  const CareerMapContent& c_;
  Measure measure_;
  std::string section_;
  double y_ = kContentTop;
  std::vector<Region> regions_{Region{}}, later_{Region{}};
  size_t at_ = 0;
  int page_index_ = 0;
  int early_page_ = -1;
  double early_bottom_ = kContentBottom;
  std::function<void(double)> before_break_;
};

}  // namespace careermap::frame
