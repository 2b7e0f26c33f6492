#include "reports/career_map_pdf.hpp"

#include "engine/files.hpp"
#include "engine/messages.hpp"
#include "reports/comparison_page.hpp"
#include "reports/map_page.hpp"
#include "reports/next_step_page.hpp"
#include "reports/pdf_canvas.hpp"
#include "reports/pdf_encrypt.hpp"
#include "reports/profile_pages.hpp"

namespace careermap {

DisplayList layout_career_map(const CareerMapContent& content, const FontSource& font) {
  const frame::Measure measure = [&font](std::string_view s, double size) { return font.text_width(s, size); };
  DisplayList pages(kMaxCareerMapPages, tr("the career map"));
  layout_map_pages(content, pages, measure);
  layout_comparison_page(content, pages, measure);
  layout_profile_pages(content, pages, measure);
  layout_interview_pages(content, pages, measure);
  layout_next_step_pages(content, pages, measure);
  return pages;
}

std::string career_map_pdf(const CareerMapContent& content, const FontSource& font) {
  const DisplayList pages = layout_career_map(content, font);
  // The font is subset to exactly the characters the pages draw.
  const SubsetFont subset = font.subset(pages.characters());
  PdfCanvas pdf(subset);
  pdf.set_info({content.title + " " + content.participant, content.subject, "", content.date});
  pages.draw(pdf, frame::kPageW, frame::kPageH,
             [&font](std::string_view s, double size) { return font.text_width(s, size); });
  return pdf.bytes();
}

void write_career_map_pdf(const CareerMapContent& content, const FontSource& font, const std::string& path,
                          const std::string& password) {
  const std::string pdf = career_map_pdf(content, font);
  write_file_atomically(path, password.empty() ? pdf : encrypt_pdf(pdf, password));
}

}  // namespace careermap
