// The frame shared by every page of the career map: A4 landscape, the header (title,
// participant, questionnaire, cohort, date, page x of y) and the footer note, as a PageFrame
// of the document layer (document.hpp), which also lays text out down a page and on to
// continuation pages so nothing is ever cut.
#pragma once

#include <optional>
#include <string>

#include "reports/career_map.hpp"
#include "reports/display_list.hpp"
#include "reports/document.hpp"

namespace careermap::frame {

inline constexpr double kPageW = 841.89, kPageH = 595.28, kMargin = 36;
inline constexpr double kContentTop = 96, kContentBottom = kPageH - 44;
// No page after the first is used to less than this share of its content area (page_fill).
inline constexpr double kMinPageFill = 0.4;

// A score as the career map shows it: whole points ("62"); `none` when there is none.
std::string score_text(std::optional<double> score, const std::string& none);
// A change of whole points: "+9", "−4", "±0".
std::string change_text(int change);

// The career map's frame, with the texts of `c`.
PageFrame career_map_frame(const CareerMapContent& c);

// How much of a page's content area (kContentTop..kContentBottom) is used: from the top
// down to the lowest thing drawn there, 0..1 (headers and footers do not count).
double page_fill(const DisplayPage& page);

}  // namespace careermap::frame
