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

// Width of UTF-8 text at a font size, measured with the font that draws it.
using Measure = std::function<double(std::string_view, double)>;

// Starts a new page with header and footer; `section` (if any) is written under the header.
void start_page(DisplayList& dl, const CareerMapContent& c, const Measure& measure, const std::string& section);

std::vector<std::string> wrap(const Measure& measure, std::string_view text, double width, double size);

// Lays out blocks of text top to bottom; when the page is full it starts a continuation
// page (same section, marked as continued) and goes on there.
class Flow {
 public:
  Flow(DisplayList& dl, const CareerMapContent& c, Measure measure, std::string section);

  double y() const { return y_; }
  void set_y(double y) { y_ = y; }
  // Starts a new page unless `height` more points fit on this one.
  void ensure(double height);
  void gap(double height) { y_ += height; }
  // A paragraph from x over width, broken into lines; lines go on to the next page as needed.
  void paragraph(std::string_view text, double x, double width, double size, Color color, double leading);
  void new_page();

 private:
  DisplayList& dl_;
  const CareerMapContent& c_;
  Measure measure_;
  std::string section_;
  double y_ = kContentTop;
};

}  // namespace careermap::frame
