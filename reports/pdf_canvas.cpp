#include "reports/pdf_canvas.hpp"

#include <hpdf.h>

#include <cstdio>

#include "engine/diagnostic.hpp"
#include "reports/utf8.hpp"

namespace careermap {
namespace {

void on_error(HPDF_STATUS error_no, HPDF_STATUS detail_no, void* user) {
  auto* last = static_cast<std::string*>(user);
  char buf[64];
  std::snprintf(buf, sizeof buf, "libharu error 0x%04X (detail %u)", static_cast<unsigned>(error_no),
                static_cast<unsigned>(detail_no));
  *last = buf;
}

}  // namespace

struct PdfCanvas::Impl {
  HPDF_Doc doc = nullptr;
  HPDF_Page page = nullptr;
  HPDF_Font font = nullptr;
  double height = 0;
  std::string last_error;
  std::string font_path;

  // Throws when libharu recorded an error since the last check.
  void check(const char* what) {
    if (last_error.empty() && HPDF_GetError(doc) == HPDF_OK) return;
    std::string msg = std::string("PDF: ") + what + ": " + last_error;
    last_error.clear();
    HPDF_ResetError(doc);
    throw Error(Location{font_path, 0, 0}, "", msg);
  }
  void color_fill(Color c) { HPDF_Page_SetRGBFill(page, c.r, c.g, c.b); }
  void color_stroke(Color c) { HPDF_Page_SetRGBStroke(page, c.r, c.g, c.b); }
  double y(double top) const { return height - top; }
};

PdfCanvas::PdfCanvas(const std::string& font_path) : impl_(std::make_unique<Impl>()) {
  impl_->font_path = font_path;
  impl_->doc = HPDF_New(on_error, &impl_->last_error);
  if (!impl_->doc) throw Error(Location{font_path, 0, 0}, "", "PDF: cannot create a document");
  HPDF_SetCompressionMode(impl_->doc, HPDF_COMP_ALL);
  HPDF_UseUTFEncodings(impl_->doc);
  HPDF_SetCurrentEncoder(impl_->doc, "UTF-8");
  const char* name = HPDF_LoadTTFontFromFile(impl_->doc, font_path.c_str(), HPDF_TRUE);
  if (!name) {
    HPDF_Free(impl_->doc);
    impl_->doc = nullptr;
    throw Error(Location{font_path, 0, 0}, "", "PDF: cannot load the font");
  }
  impl_->font = HPDF_GetFont(impl_->doc, name, "UTF-8");
  impl_->check("font");
}

PdfCanvas::~PdfCanvas() {
  if (impl_ && impl_->doc) HPDF_Free(impl_->doc);
}

void PdfCanvas::set_info(const DocumentInfo& info) {
  HPDF_SetInfoAttr(impl_->doc, HPDF_INFO_TITLE, info.title.c_str());
  HPDF_SetInfoAttr(impl_->doc, HPDF_INFO_SUBJECT, info.subject.c_str());
  if (!info.author.empty()) HPDF_SetInfoAttr(impl_->doc, HPDF_INFO_AUTHOR, info.author.c_str());
  HPDF_SetInfoAttr(impl_->doc, HPDF_INFO_CREATOR, "careermap");
  int y = 0, m = 0, d = 0;
  if (std::sscanf(info.date.c_str(), "%d-%d-%d", &y, &m, &d) == 3) {
    HPDF_Date date{y, m, d, 0, 0, 0, 'Z', 0, 0};
    HPDF_SetInfoDateAttr(impl_->doc, HPDF_INFO_CREATION_DATE, date);
  }
  impl_->check("document info");
}

void PdfCanvas::new_page(double width, double height) {
  impl_->page = HPDF_AddPage(impl_->doc);
  HPDF_Page_SetWidth(impl_->page, static_cast<HPDF_REAL>(width));
  HPDF_Page_SetHeight(impl_->page, static_cast<HPDF_REAL>(height));
  impl_->height = height;
  impl_->check("page");
}

double PdfCanvas::text_width(std::string_view utf8, double size) {
  const std::string s = drawable_text(utf8);
  const HPDF_TextWidth tw = HPDF_Font_TextWidth(impl_->font, reinterpret_cast<const HPDF_BYTE*>(s.data()),
                                                static_cast<HPDF_UINT>(s.size()));
  impl_->check("measure text");
  return tw.width * size / 1000.0;
}

void PdfCanvas::text(double x, double y, std::string_view utf8, double size, Color color) {
  const std::string s = drawable_text(utf8);
  if (s.empty()) return;
  HPDF_Page page = impl_->page;
  impl_->color_fill(color);
  HPDF_Page_BeginText(page);
  HPDF_Page_SetFontAndSize(page, impl_->font, static_cast<HPDF_REAL>(size));
  HPDF_Page_TextOut(page, static_cast<HPDF_REAL>(x), static_cast<HPDF_REAL>(impl_->y(y)), s.c_str());
  HPDF_Page_EndText(page);
  impl_->check("text");
}

void PdfCanvas::fill_rect(double x, double y, double w, double h, Color fill) {
  impl_->color_fill(fill);
  HPDF_Page_Rectangle(impl_->page, x, impl_->y(y + h), w, h);
  HPDF_Page_Fill(impl_->page);
  impl_->check("rectangle");
}

void PdfCanvas::stroke_rect(double x, double y, double w, double h, Color stroke, double line_width) {
  impl_->color_stroke(stroke);
  HPDF_Page_SetLineWidth(impl_->page, line_width);
  HPDF_Page_Rectangle(impl_->page, x, impl_->y(y + h), w, h);
  HPDF_Page_Stroke(impl_->page);
  impl_->check("rectangle");
}

void PdfCanvas::line(double x1, double y1, double x2, double y2, Color stroke, double line_width,
                     bool dashed) {
  HPDF_Page page = impl_->page;
  impl_->color_stroke(stroke);
  HPDF_Page_SetLineWidth(page, line_width);
  const HPDF_UINT16 pattern[] = {4, 3};
  HPDF_Page_SetDash(page, dashed ? pattern : nullptr, dashed ? 2 : 0, 0);
  HPDF_Page_MoveTo(page, x1, impl_->y(y1));
  HPDF_Page_LineTo(page, x2, impl_->y(y2));
  HPDF_Page_Stroke(page);
  if (dashed) HPDF_Page_SetDash(page, nullptr, 0, 0);
  impl_->check("line");
}

void PdfCanvas::circle(double cx, double cy, double r, Color fill, Color stroke, double line_width) {
  impl_->color_fill(fill);
  impl_->color_stroke(stroke);
  HPDF_Page_SetLineWidth(impl_->page, line_width);
  HPDF_Page_Circle(impl_->page, cx, impl_->y(cy), r);
  HPDF_Page_FillStroke(impl_->page);
  impl_->check("circle");
}

void PdfCanvas::fill_triangle(double x1, double y1, double x2, double y2, double x3, double y3,
                              Color fill) {
  HPDF_Page page = impl_->page;
  impl_->color_fill(fill);
  HPDF_Page_MoveTo(page, x1, impl_->y(y1));
  HPDF_Page_LineTo(page, x2, impl_->y(y2));
  HPDF_Page_LineTo(page, x3, impl_->y(y3));
  HPDF_Page_ClosePath(page);
  HPDF_Page_Fill(page);
  impl_->check("triangle");
}

void PdfCanvas::save(const std::string& path) {
  if (HPDF_SaveToFile(impl_->doc, path.c_str()) != HPDF_OK) {
    impl_->last_error.clear();
    HPDF_ResetError(impl_->doc);
    throw Error(Location{path, 0, 0}, "", "cannot write the PDF");
  }
}

std::string drawable_text(std::string_view utf8) {
  std::string out;
  out.reserve(utf8.size());
  for_each_char(utf8, [&](char32_t c, std::string_view bytes) {
    if (c == kInvalidChar || c > 0xFFFF) out += "〓";
    else if (c == '\t' || c == '\n' || c == '\r') out += ' ';
    else out += bytes;
  });
  return out;
}

}  // namespace careermap
