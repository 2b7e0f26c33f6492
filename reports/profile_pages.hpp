// The profile pages (scores by level, strengths, walls not yet crossed, the troubles
// checklist and the participant's own words) and the interview sheet (prompts for the
// navigator, ruled space for notes). Long texts flow on to continuation pages.
#pragma once

#include "reports/career_map.hpp"
#include "reports/page_frame.hpp"

namespace careermap {

void layout_profile_pages(const CareerMapContent& c, Document& doc);
void layout_interview_pages(const CareerMapContent& c, Document& doc);

}  // namespace careermap
