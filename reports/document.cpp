#include "reports/document.hpp"

#include "engine/files.hpp"
#include "engine/templates.hpp"
#include "reports/line_break.hpp"
#include "reports/palette.hpp"
#include "reports/pdf_encrypt.hpp"

namespace careermap {

Document::Document(const FontSource& font, PageFrame frame, size_t max_pages, std::string what)
    : font_(&font), frame_(std::move(frame)), pages_(max_pages, std::move(what)) {}

std::vector<std::string> Document::lines(std::string_view text, double width, double size) const {
  return break_lines(text, width, [&](std::string_view s) { return font_->text_width(s, size); });
}

void Document::new_page(const std::string& section) {
  const PageFrame& f = frame_;
  DisplayList& dl = pages_;
  dl.new_page();
  dl.text(f.margin, f.title_y, f.title, f.title_size, palette::kInk);
  if (!f.right.empty()) dl.text(f.width - f.margin - width(f.right, f.right_size), f.title_y, f.right, f.right_size, palette::kInk);
  if (!f.sub.empty()) dl.text(f.margin, f.sub_y, f.sub, 9, palette::kMuted);
  if (!f.date.empty()) {
    const double pages_w = width(fill(f.page_pattern, {{"page", "00"}, {"pages", "00"}}), 9);
    dl.text(f.width - f.margin - pages_w - width(f.date, 9), f.sub_y, f.date, 9, palette::kMuted);
  }
  dl.page_number(f.width - f.margin, f.sub_y, f.page_pattern, 9, palette::kMuted);
  dl.line(f.margin, f.rule_y, f.width - f.margin, f.rule_y, palette::kRule, f.rule_width);
  if (!section.empty()) dl.text(f.margin, f.section_y, section, f.section_size, palette::kInk);
  if (f.note.empty()) return;
  const auto note = lines(f.note, f.width - 2 * f.margin, f.note_size);
  double y = f.note_bottom;
  y -= f.note_leading * (static_cast<double>(note.size()) - 1);
  for (const auto& l : note) {
    dl.text(f.margin, y, l, f.note_size, palette::kMuted);
    y += f.note_leading;
  }
}

std::string Document::pdf(const DocumentInfo& info) const {
  const SubsetFont subset = font_->subset(pages_.characters());
  PdfCanvas pdf(subset);
  pdf.set_info(info);
  pages_.draw(pdf, frame_.width, frame_.height,
              [this](std::string_view s, double size) { return font_->text_width(s, size); });
  return pdf.bytes();
}

void Document::write(const std::string& path, const DocumentInfo& info, const std::string& password) const {
  const std::string bytes = pdf(info);
  write_file_atomically(path, password.empty() ? bytes : encrypt_pdf(bytes, password));
}

Flow::Flow(Document& doc, std::string section)
    : doc_(doc),
      section_(std::move(section)),
      y_(doc.frame().top),
      regions_{Region{doc.frame().margin, doc.frame().width - 2 * doc.frame().margin, doc.frame().top,
                      doc.frame().bottom}},
      later_(regions_),
      early_bottom_(doc.frame().bottom) {}

double Flow::bottom() const {
  return page_index_ == early_page_ ? std::min(region().bottom, early_bottom_) : region().bottom;
}

void Flow::regions(std::vector<Region> here, std::vector<Region> later) {
  regions_ = std::move(here);
  later_ = std::move(later);
  at_ = 0;
  y_ = regions_[0].top;
}

void Flow::new_page(bool continued) {
  doc_.new_page(continued ? section_ + doc_.frame().continued : section_);
  regions_ = later_;
  at_ = 0;
  y_ = regions_[0].top;
  ++page_index_;
}

bool Flow::advance(bool continued) {
  if (at_ + 1 < regions_.size()) {
    y_ = regions_[++at_].top;
    return false;
  }
  new_page(continued);
  return true;
}

void Flow::ensure(double height) {
  // A region too short for even this (a column's foot) is passed over; a fresh page's
  // first region takes anything.
  while (!fits(height))
    if (advance(true)) break;
}

bool Flow::keep(double whole, double start, bool continued) {
  while (!fits(whole) && !(whole > start && fits(start)))
    if (advance(continued)) return true;
  return false;
}

void Flow::paragraph(std::string_view text, double x, double width, double size, Color color, double leading,
                     std::optional<double> drop) {
  const double indent = x - region().x;  // kept when the paragraph goes on in the next region
  for (const auto& line : doc_.lines(text, width, size)) {
    ensure(leading);
    y_ += leading;
    const double baseline = drop ? y_ - *drop : y_ - (leading - size) / 2 - 0.12 * size;
    if (!line.empty()) doc_.pages().text(region().x + indent, baseline, line, size, color);
  }
}

}  // namespace careermap
