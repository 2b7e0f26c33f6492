// The map page of the career map: the matrix with scores, the walls, the current scene,
// the frontier, the next-step candidates and the numbered career path, with the legend
// and the list of episodes beside it (continued on further pages when long).
#pragma once

#include "reports/career_map.hpp"
#include "reports/page_frame.hpp"

namespace careermap {

void layout_map_pages(const CareerMapContent& c, Document& doc);

}  // namespace careermap
