// The TrueType font of careermap's PDFs, and its subsets.
//
// libharu alone embeds the whole font (about 250 KB a document for IPAex Gothic) and,
// for every document, looks up all 65,536 code points in the font's cmap with a linear
// search. A FontSource subsets the font with HarfBuzz to the characters one document
// draws, and draws each character with a code equal to its glyph id in the subset, so the
// PDF needs no CIDToGIDMap (/Identity) and the subset's cmap is a few idDelta segments:
// 30 to 40 KB of font for a career map and a fast cmap. The PDF embeds it at 1024 units per
// em (font_rescale.hpp), its widths and layout measured in the source font's units. The PDF's ToUnicode map turns the
// codes back into the real characters (see PdfCanvas). Loading reads the font once;
// subset() and the measuring functions are safe to call from several threads at once.
// Failures throw careermap::Error.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace careermap {

// The units per em of the font programs careermap embeds (font_rescale.hpp).
inline constexpr unsigned kEmbeddedUpem = 1024;

struct SubsetFont {
  std::string bytes;             // a TrueType font, in the source font's units: what libharu measures
  std::string embedded;          // the same font at kEmbeddedUpem units per em (when the source has
                                 // more and the rescaler knows all its tables, else `bytes`): what the
                                 // PDF embeds; outlines within 1/2048 em, about 4 KB smaller
  std::u32string chars;          // sorted
  std::vector<uint16_t> codes;   // codes[i] draws chars[i]: its glyph id in `bytes`, except a
                                 // character whose glyph an earlier one has: a code past the glyphs
  std::vector<uint16_t> cid_to_gid;  // empty when every code is its glyph id; else [code] = glyph id
  std::string name;              // the source font's path, for errors

  // The code that draws `c`, or the code of 〓 (or 0) when the subset lacks it.
  char32_t code_of(char32_t c) const;
};

class FontSource {
 public:
  explicit FontSource(const std::string& path);
  ~FontSource();
  FontSource(const FontSource&) = delete;
  FontSource& operator=(const FontSource&) = delete;

  const std::string& path() const;
  // A font holding only `chars` (sorted, unique), with codes from a private range.
  SubsetFont subset(std::u32string_view chars) const;
  // Advance width of `c` in 1/1000 em, as libharu computes it (truncated), so that text
  // laid out with it lands exactly where libharu draws it. A character the font lacks
  // measures as 〓, which is what is drawn in its place.
  int width(char32_t c) const;
  // Width of UTF-8 text at a font size, in points.
  double text_width(std::string_view utf8, double size) const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace careermap
