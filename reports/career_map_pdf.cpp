#include "reports/career_map_pdf.hpp"

#include "reports/atomic_file.hpp"
#include "reports/map_page.hpp"
#include "reports/pdf_canvas.hpp"
#include "reports/profile_pages.hpp"

namespace careermap {
namespace {

struct Document {
  SubsetFont font;
  PdfCanvas pdf;
  DisplayList pages;

  Document(const CareerMapContent& c, const FontSource& source) : font(source.subset(characters_of(c))), pdf(font) {
    const frame::Measure measure = [this](std::string_view s, double size) { return pdf.text_width(s, size); };
    layout_map_pages(c, pages, measure);
    layout_profile_pages(c, pages, measure);
    layout_interview_pages(c, pages, measure);
    pdf.set_info({c.title + " " + c.participant, c.subject, "", c.date});
  }
};

}  // namespace

DisplayList layout_career_map(const CareerMapContent& content, const FontSource& font) {
  return Document(content, font).pages;
}

std::string career_map_pdf(const CareerMapContent& content, const FontSource& font) {
  Document doc(content, font);
  doc.pages.draw(doc.pdf, frame::kPageW, frame::kPageH);
  return doc.pdf.bytes();
}

void write_career_map_pdf(const CareerMapContent& content, const FontSource& font, const std::string& path) {
  write_file_atomically(path, career_map_pdf(content, font));
}

}  // namespace careermap
