#include "reports/career_map_pdf.hpp"

#include "engine/messages.hpp"
#include "reports/comparison_page.hpp"
#include "reports/document.hpp"
#include "reports/map_page.hpp"
#include "reports/next_step_page.hpp"
#include "reports/page_frame.hpp"
#include "reports/profile_pages.hpp"

namespace careermap {
namespace {

Document career_map_document(const CareerMapContent& content, const FontSource& font) {
  Document doc(font, frame::career_map_frame(content), kMaxCareerMapPages, tr("the career map"));
  layout_map_pages(content, doc);
  layout_comparison_page(content, doc);
  layout_profile_pages(content, doc);
  layout_interview_pages(content, doc);
  layout_next_step_pages(content, doc);
  return doc;
}

DocumentInfo info(const CareerMapContent& content) {
  return {content.title + " " + content.participant, content.subject, "", content.date};
}

}  // namespace

DisplayList layout_career_map(const CareerMapContent& content, const FontSource& font) {
  Document doc = career_map_document(content, font);
  return std::move(doc.pages());
}

std::string career_map_pdf(const CareerMapContent& content, const FontSource& font) {
  return career_map_document(content, font).pdf(info(content));
}

void write_career_map_pdf(const CareerMapContent& content, const FontSource& font, const std::string& path,
                          const std::string& password) {
  career_map_document(content, font).write(path, info(content), password);
}

}  // namespace careermap
