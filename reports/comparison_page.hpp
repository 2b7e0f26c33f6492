// The comparison page of a later meeting's map (reports/comparison.hpp): the matrix with
// each scene's score then and now (questionnaire part only), the current scene then and
// now, the reach then and now as brackets along both axes, the walls crossed since drawn
// bold; beside it the legend, the note on what is compared and the sentences, each with
// its reason for the navigator. Long sentences flow on to a continuation page.
// Draws nothing when the content has no comparison.
#pragma once

#include "reports/career_map.hpp"
#include "reports/page_frame.hpp"

namespace careermap {

void layout_comparison_page(const CareerMapContent& c, Document& doc);

}  // namespace careermap
