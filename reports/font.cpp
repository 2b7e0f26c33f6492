#include "reports/font.hpp"

#include <hb-subset.h>
#include <hb.h>

#include "engine/diagnostic.hpp"

namespace careermap {

struct FontSource::Impl {
  std::string path;
  hb_face_t* face = nullptr;
  hb_font_t* font = nullptr;
};

FontSource::FontSource(const std::string& path) : impl_(std::make_unique<Impl>()) {
  impl_->path = path;
  hb_blob_t* blob = hb_blob_create_from_file_or_fail(path.c_str());
  if (!blob) throw Error(Location{path, 0, 0}, "", "cannot read the font");
  impl_->face = hb_face_create(blob, 0);
  hb_blob_destroy(blob);
  if (hb_face_get_glyph_count(impl_->face) == 0) {
    hb_face_destroy(impl_->face);
    throw Error(Location{path, 0, 0}, "", "not a TrueType font");
  }
  hb_face_make_immutable(impl_->face);
  impl_->font = hb_font_create(impl_->face);
  hb_font_make_immutable(impl_->font);
}

FontSource::~FontSource() {
  if (impl_->font) hb_font_destroy(impl_->font);
  if (impl_->face) hb_face_destroy(impl_->face);
}

const std::string& FontSource::path() const { return impl_->path; }

bool FontSource::has(char32_t c) const {
  hb_codepoint_t glyph = 0;
  return hb_font_get_nominal_glyph(impl_->font, c, &glyph) && glyph != 0;
}

std::string FontSource::subset(std::u32string_view chars) const {
  hb_subset_input_t* input = hb_subset_input_create_or_fail();
  if (!input) throw Error(Location{impl_->path, 0, 0}, "", "cannot subset the font (out of memory)");
  hb_set_t* unicodes = hb_subset_input_unicode_set(input);
  for (char32_t c : chars) hb_set_add(unicodes, c);
  // libharu draws glyphs by their outlines and widths only: hinting, layout and vertical
  // metrics tables add size and nothing it uses.
  hb_subset_input_set_flags(input, HB_SUBSET_FLAGS_NO_HINTING);
  hb_set_t* drop = hb_subset_input_set(input, HB_SUBSET_SETS_DROP_TABLE_TAG);
  for (const char* tag : {"GSUB", "GPOS", "GDEF", "BASE", "JSTF", "vhea", "vmtx", "VORG", "DSIG", "gasp", "kern"})
    hb_set_add(drop, hb_tag_from_string(tag, 4));
  hb_face_t* sub = hb_subset_or_fail(impl_->face, input);
  hb_subset_input_destroy(input);
  if (!sub) throw Error(Location{impl_->path, 0, 0}, "", "cannot subset the font");
  hb_blob_t* blob = hb_face_reference_blob(sub);
  unsigned len = 0;
  const char* data = hb_blob_get_data(blob, &len);
  std::string out(data, len);
  hb_blob_destroy(blob);
  hb_face_destroy(sub);
  return out;
}

}  // namespace careermap
