// The next-step sheet drawn: per part a heading, on the left what the answers say and the
// numbered prompts with their reasons, on the right a ruled box to write in; at the end a
// box for "my next step". Parts are kept whole on a page when they fit one; the boxes grow
// so that each page of the sheet is filled; a part taller than a page flows on, its box
// beside it on every page.
#pragma once

#include "reports/career_map.hpp"
#include "reports/page_frame.hpp"

namespace careermap {

void layout_next_step_pages(const CareerMapContent& c, Document& doc);

}  // namespace careermap
