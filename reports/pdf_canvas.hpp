// A narrow drawing surface over libharu: pages, UTF-8 text in one embedded TrueType
// font, rectangles, lines and circles, in points with the origin at the top left.
//
// The font is a SubsetFont (see font.hpp), handed to libharu through an anonymous
// in-memory file for its metrics and embedded as its smaller copy at 1024 units per em
// (SubsetFont::embedded; libharu's own copy of a font file is skipped); text is drawn with
// the subset's codes, which are its glyph ids, and the document gets a ToUnicode map from those codes back to the real characters, so text
// extraction finds every word. Every stream is compressed with libdeflate. Owns one
// HPDF_Doc; not thread-safe, but one canvas per thread is fine (threads need stacks over
// 192 KB: libharu puts 128 KB on the stack). Every libharu error becomes careermap::Error,
// thrown from the call that failed. A character the subset lacks (outside Unicode's basic
// plane, or missing from the font) is drawn as 〓.
#pragma once

#include <memory>
#include <string>
#include <string_view>

#include "reports/font.hpp"

namespace careermap {

struct Color {
  double r = 0, g = 0, b = 0;  // 0..1
};

struct DocumentInfo {
  std::string title, subject, author;
  std::string date;  // YYYY-MM-DD (engine/date.hpp; else Error) or empty; the creation date (no time: stable output)
};

class PdfCanvas {
 public:
  // Embeds `font`, which must outlive the canvas.
  explicit PdfCanvas(const SubsetFont& font);
  ~PdfCanvas();
  PdfCanvas(const PdfCanvas&) = delete;
  PdfCanvas& operator=(const PdfCanvas&) = delete;

  void set_info(const DocumentInfo& info);
  void new_page(double width, double height);

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
  void set_to_unicode();
  void embed_font();
  void compress_streams();
  std::string encode(std::string_view utf8) const;  // UTF-8 of the font's codes
  struct Impl;
  std::unique_ptr<Impl> impl_;
};


}  // namespace careermap
