// The TrueType font of careermap's PDFs, and its subsets.
//
// libharu alone embeds the whole font (about 250 KB a document for IPAex Gothic); a
// FontSource subsets it with HarfBuzz to the characters one document draws (10 to 20 KB).
// Loading reads the font once; subset() is safe to call from several threads at once.
// Failures throw careermap::Error naming the font file.
#pragma once

#include <memory>
#include <string>
#include <string_view>

namespace careermap {

class FontSource {
 public:
  explicit FontSource(const std::string& path);
  ~FontSource();
  FontSource(const FontSource&) = delete;
  FontSource& operator=(const FontSource&) = delete;

  const std::string& path() const;
  // A TrueType font holding only `chars` (plus what every font keeps: .notdef).
  std::string subset(std::u32string_view chars) const;
  // True when the font has a glyph for `c`.
  bool has(char32_t c) const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace careermap
