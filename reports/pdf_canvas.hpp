// A narrow drawing surface over libharu: pages, UTF-8 text in one embedded TrueType
// font, rectangles, lines and circles, in points with the origin at the top left.
//
// The font comes as the bytes of a (subset) TrueType font, handed to libharu through an
// anonymous in-memory file. The document gets a correct ToUnicode map for the characters
// it declares, so text extraction finds every word. Owns one HPDF_Doc; not thread-safe,
// but one canvas per thread is fine (threads need stacks over 192 KB: libharu puts
// 128 KB on the stack). Every libharu error becomes careermap::Error, thrown from the call
// that failed. Characters outside Unicode's basic plane, which libharu cannot draw, are
// drawn as 〓.
#pragma once

#include <memory>
#include <string>
#include <string_view>

namespace careermap {

struct Color {
  double r = 0, g = 0, b = 0;  // 0..1
};

struct DocumentInfo {
  std::string title, subject, author;
  std::string date;  // YYYY-MM-DD; becomes the creation date (no time, so output is stable)
};

class PdfCanvas {
 public:
  // Embeds the TrueType font `font_bytes`; `chars` are the characters the document
  // draws (for the ToUnicode map); `font_name` names the font in errors.
  PdfCanvas(const std::string& font_bytes, std::u32string_view chars, const std::string& font_name);
  ~PdfCanvas();
  PdfCanvas(const PdfCanvas&) = delete;
  PdfCanvas& operator=(const PdfCanvas&) = delete;

  void set_info(const DocumentInfo& info);
  void new_page(double width, double height);

  double text_width(std::string_view utf8, double size);
  // Draws `utf8` with its baseline at y (measured from the top).
  void text(double x, double y, std::string_view utf8, double size, Color color);

  void fill_rect(double x, double y, double w, double h, Color fill);
  void stroke_rect(double x, double y, double w, double h, Color stroke, double line_width);
  void line(double x1, double y1, double x2, double y2, Color stroke, double line_width,
            bool dashed = false);
  void circle(double cx, double cy, double r, Color fill, Color stroke, double line_width);
  void fill_triangle(double x1, double y1, double x2, double y2, double x3, double y3, Color fill);

  // The document's bytes. Throws Error when libharu cannot write it.
  std::string bytes();

 private:
  void set_to_unicode(std::u32string_view chars);
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// `utf8` with every character outside the basic plane (and every invalid byte) replaced by 〓.
std::string drawable_text(std::string_view utf8);

}  // namespace careermap
