// Draws a CareerMapContent as a PDF (A4 landscape): the matrix with scores, the
// current scene, next-step candidates and the numbered career path; the episode list
// beside it, continued on further pages when long. Drawing only: every text comes from
// the content model. Throws Error when the font cannot be loaded or the file written.
#pragma once

#include <string>

#include "reports/career_map.hpp"

namespace careermap {

inline constexpr const char* kDefaultFont = "/usr/share/fonts/opentype/ipaexfont-gothic/ipaexg.ttf";

// Writes the PDF to `path` atomically (a temporary file renamed into place, mode 0600).
void write_career_map_pdf(const CareerMapContent& content, const std::string& path,
                          const std::string& font_path = kDefaultFont);

}  // namespace careermap
