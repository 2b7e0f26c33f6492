// Draws a CareerMapContent as a PDF (A4 landscape): the map page, the profile pages and
// the interview sheet. Drawing only: every text comes from the content model. The font
// is subset to the document's characters; the same content gives the same bytes.
// Throws Error when the font cannot be used or the file cannot be written.
#pragma once

#include <string>

#include "reports/career_map.hpp"
#include "reports/display_list.hpp"
#include "reports/font.hpp"

namespace careermap {

// A career map has at most this many pages: more is an Error ("the career map would have
// more than 100 pages"), whatever the answers (README "render").
inline constexpr size_t kMaxCareerMapPages = 100;

// Lays the document out, measuring with `font` (the characters of `content`).
DisplayList layout_career_map(const CareerMapContent& content, const FontSource& font);

// The PDF's bytes.
std::string career_map_pdf(const CareerMapContent& content, const FontSource& font);

// Writes the PDF to `path` atomically: a temporary file (mode 0600) renamed into place;
// encrypted with AES-256 when `password` is not empty (pdf_encrypt.hpp).
void write_career_map_pdf(const CareerMapContent& content, const FontSource& font, const std::string& path,
                          const std::string& password = "");

}  // namespace careermap
