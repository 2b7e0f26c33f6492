#include "reports/font.hpp"

#include <hb-subset.h>
#include <hb.h>

#include <algorithm>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "engine/diagnostic.hpp"
#include "engine/utf8.hpp"
#include "engine/messages.hpp"
#include "reports/font_rescale.hpp"
#include "reports/sfnt.hpp"

namespace careermap {
namespace {

// The one place a HarfBuzz failure, or a font it cannot use, becomes careermap::Error.
[[noreturn]] void fail(const std::string& path, const std::string& message) {
  throw Error(Location{path, 0, 0}, "", message);
}

using sfnt::put16;
using sfnt::put32;

// A cmap with one format-4 subtable (Windows, Unicode BMP) mapping each code of
// `code_glyph` (sorted by code, codes below 0xFFFF) to its glyph: one segment per run of
// consecutive codes whose glyphs are consecutive too (an idDelta, no glyph id array), and
// the end mark. With codes equal to glyph ids that is a segment or a few.
std::string delta_cmap(const std::vector<std::pair<uint16_t, uint16_t>>& code_glyph, const std::string& path) {
  struct Segment {
    uint16_t start, end, delta;
  };
  std::vector<Segment> segs;
  for (const auto& [code, glyph] : code_glyph) {
    const auto delta = static_cast<uint16_t>(glyph - code);
    if (!segs.empty() && segs.back().end + 1 == code && segs.back().delta == delta)
      segs.back().end = code;
    else
      segs.push_back({code, code, delta});
  }
  segs.push_back({0xFFFF, 0xFFFF, 1});
  const size_t length = 16 + 8 * segs.size();
  if (length > 0xFFFF) fail(path, tr("a document uses more different characters than a PDF font can hold"));
  const auto n = static_cast<uint32_t>(segs.size());
  uint32_t pow2 = 1, log2 = 0;
  while (pow2 * 2 <= n) {
    pow2 *= 2;
    ++log2;
  }
  std::string sub;
  put16(sub, 4);
  put16(sub, static_cast<uint32_t>(length));
  put16(sub, 0);             // language
  put16(sub, 2 * n);         // segCountX2
  put16(sub, 2 * pow2);      // searchRange
  put16(sub, log2);          // entrySelector
  put16(sub, 2 * n - 2 * pow2);  // rangeShift
  for (const auto& g : segs) put16(sub, g.end);
  put16(sub, 0);             // reservedPad
  for (const auto& g : segs) put16(sub, g.start);
  for (const auto& g : segs) put16(sub, g.delta);
  for (size_t i = 0; i < segs.size(); ++i) put16(sub, 0);  // idRangeOffset: none
  std::string cmap;
  put16(cmap, 0);       // version
  put16(cmap, 1);       // one encoding record
  put16(cmap, 3);       // Windows
  put16(cmap, 1);       // Unicode BMP
  put32(cmap, 12);
  return cmap + sub;
}

// `font` with its cmap table replaced by `cmap`. libharu only reads these bytes (metrics, the
// PostScript name); the PDF embeds them at fewer units per em (SubsetFont::embedded).
std::string replace_cmap(const std::string& font, const std::string& cmap, const std::string& name) {
  std::vector<sfnt::Table> tables = sfnt::tables(font, name);
  std::erase_if(tables, [](const sfnt::Table& t) { return t.tag == sfnt::tag("cmap"); });
  tables.push_back({sfnt::tag("cmap"), cmap});
  return sfnt::font(sfnt::version(font, name), std::move(tables));
}

}  // namespace

char32_t SubsetFont::code_of(char32_t c) const {
  auto it = std::lower_bound(chars.begin(), chars.end(), c);
  if (it != chars.end() && *it == c) return codes[static_cast<size_t>(it - chars.begin())];
  if (c != U'〓') return code_of(U'〓');
  return 0;
}

struct FontSource::Impl {
  std::string path;
  hb_face_t* face = nullptr;
  hb_face_t* outlines = nullptr;  // the font without its cmap: what subset() cuts from
  std::vector<int16_t> widths;  // per BMP code point, 1/1000 em; -1 = not in the font
  int geta = 1000;              // width of 〓
  ~Impl() {
    if (outlines) hb_face_destroy(outlines);
    if (face) hb_face_destroy(face);
  }
};

FontSource::FontSource(const std::string& path) : impl_(std::make_unique<Impl>()) {
  impl_->path = path;
  hb_blob_t* blob = hb_blob_create_from_file_or_fail(path.c_str());
  if (!blob) fail(path, tr("cannot read the font"));
  impl_->face = hb_face_create(blob, 0);
  hb_blob_destroy(blob);
  if (hb_face_get_glyph_count(impl_->face) == 0) fail(path, tr("not a TrueType font"));
  hb_face_make_immutable(impl_->face);
  // The subsetter keeps every glyph a kept character reaches through the cmap, variation
  // sequences too (in IPAex Gothic, 署 and 者 bring two glyphs never drawn): it cuts from
  // the font without its cmap, given the glyphs.
  impl_->outlines = hb_face_builder_create();
  hb_tag_t tags[64];
  unsigned n_tags = 64;
  hb_face_get_table_tags(impl_->face, 0, &n_tags, tags);
  for (unsigned i = 0; i < n_tags; ++i) {
    if (tags[i] == HB_TAG('c', 'm', 'a', 'p')) continue;
    hb_blob_t* table = hb_face_reference_table(impl_->face, tags[i]);
    hb_face_builder_add_table(impl_->outlines, tags[i], table);
    hb_blob_destroy(table);
  }
  hb_face_make_immutable(impl_->outlines);
  // Widths of every character of the basic plane, once: libharu's own rule, the
  // glyph's advance x 1000 / units per em, truncated.
  hb_font_t* font = hb_font_create(impl_->face);
  const unsigned upem = hb_face_get_upem(impl_->face);
  impl_->widths.assign(0x10000, -1);
  for (hb_codepoint_t c = 0; c < 0x10000; ++c) {
    hb_codepoint_t g = 0;
    if (hb_font_get_nominal_glyph(font, c, &g) && g)
      impl_->widths[c] = static_cast<int16_t>(static_cast<uint32_t>(hb_font_get_glyph_h_advance(font, g)) * 1000 / upem);
  }
  hb_font_destroy(font);
  if (impl_->widths[U'〓'] >= 0) impl_->geta = impl_->widths[U'〓'];
}

int FontSource::width(char32_t c) const {
  if (c == '\t' || c == '\n' || c == '\r') c = ' ';
  if (c < 0x10000 && impl_->widths[c] >= 0) return impl_->widths[c];
  return impl_->geta;
}

double FontSource::text_width(std::string_view utf8, double size) const {
  long units = 0;
  for_each_char(utf8, [&](char32_t c, std::string_view) { units += width(c); });
  return static_cast<double>(units) * size / 1000.0;
}

FontSource::~FontSource() = default;

const std::string& FontSource::path() const { return impl_->path; }

namespace {

using CharGlyphs = std::vector<std::pair<char32_t, hb_codepoint_t>>;

// The full font's glyph of each wanted character it has, by character; a character it lacks
// is drawn as 〓, which is then wanted too.
CharGlyphs glyphs_of(hb_face_t* face, std::u32string_view wanted) {
  hb_font_t* full = hb_font_create(face);
  CharGlyphs char_glyph;
  bool lacking = false;
  auto add = [&](char32_t c) {
    hb_codepoint_t g = 0;
    if (c <= 0xFFFF && hb_font_get_nominal_glyph(full, c, &g) && g) char_glyph.emplace_back(c, g);
    else lacking = true;
  };
  for (char32_t c : wanted) add(c);
  if (lacking && std::find(wanted.begin(), wanted.end(), U'〓') == wanted.end()) add(U'〓');
  hb_font_destroy(full);
  std::sort(char_glyph.begin(), char_glyph.end());
  return char_glyph;
}

// What the subset keeps: those glyphs (cut from the font without its cmap, so no glyph of a
// variation sequence comes along), no hinting, and only what libharu reads.
hb_subset_input_t* subset_input(const CharGlyphs& char_glyph, const std::string& path) {
  hb_subset_input_t* input = hb_subset_input_create_or_fail();
  if (!input) fail(path, tr("cannot subset the font (out of memory)"));
  hb_set_t* glyph_set = hb_subset_input_glyph_set(input);
  for (const auto& [c, g] : char_glyph) hb_set_add(glyph_set, g);
  hb_set_clear(hb_subset_input_unicode_set(input));
  // libharu draws glyphs by their outlines and widths only: hinting, layout and vertical
  // metrics tables add size and nothing it uses.
  hb_subset_input_set_flags(input, HB_SUBSET_FLAGS_NO_HINTING);
  // Of the names, libharu reads the PostScript name (6) and the subfamily (2): nothing else.
  hb_set_t* names = hb_subset_input_set(input, HB_SUBSET_SETS_NAME_ID);
  hb_set_clear(names);
  hb_set_add(names, 2);
  hb_set_add(names, 6);
  hb_set_t* drop = hb_subset_input_set(input, HB_SUBSET_SETS_DROP_TABLE_TAG);
  for (const char* tag : {"GSUB", "GPOS", "GDEF", "BASE", "JSTF", "vhea", "vmtx", "VORG", "DSIG", "gasp", "kern"})
    hb_set_add(drop, hb_tag_from_string(tag, 4));
  return input;
}

// Each character's code is its glyph id in the subset; a character drawn with a glyph an
// earlier one has (the font maps both to one) gets a code past the last glyph, so that the
// ToUnicode map still tells the two apart. Fills out.codes and `code_glyph` (by code);
// returns the message of what went wrong, if anything did.
std::optional<std::string> assign_codes(const CharGlyphs& char_glyph, const hb_map_t* new_glyph, unsigned glyph_count,
                                        SubsetFont& out, std::vector<std::pair<uint16_t, uint16_t>>& code_glyph) {
  std::vector<bool> taken(glyph_count);
  uint32_t next = glyph_count;
  for (const auto& [c, old] : char_glyph) {
    const hb_codepoint_t g = hb_map_get(new_glyph, old);
    uint32_t code = g;
    if (g < glyph_count && taken[g]) code = next++;
    else if (g < glyph_count) taken[g] = true;
    if (g >= glyph_count) return tr("cannot subset the font");
    if (code >= 0xFFFF) return tr("a document uses more different characters than a PDF font can hold");
    out.codes.push_back(static_cast<uint16_t>(code));
    code_glyph.emplace_back(static_cast<uint16_t>(code), static_cast<uint16_t>(g));
  }
  std::sort(code_glyph.begin(), code_glyph.end());
  if (next > glyph_count) {
    out.cid_to_gid.assign(next, 0);
    for (const auto& [code, glyph] : code_glyph) out.cid_to_gid[code] = glyph;
  }
  return std::nullopt;
}

}  // namespace

SubsetFont FontSource::subset(std::u32string_view wanted) const {
  SubsetFont out;
  out.name = impl_->path;
  const CharGlyphs char_glyph = glyphs_of(impl_->face, wanted);
  for (const auto& [c, g] : char_glyph) out.chars.push_back(c);
  hb_subset_input_t* input = subset_input(char_glyph, impl_->path);
  hb_subset_plan_t* plan = hb_subset_plan_create_or_fail(impl_->outlines, input);
  hb_subset_input_destroy(input);
  hb_face_t* sub = plan ? hb_subset_plan_execute_or_fail(plan) : nullptr;
  if (!sub) {
    if (plan) hb_subset_plan_destroy(plan);
    fail(impl_->path, tr("cannot subset the font"));
  }
  std::vector<std::pair<uint16_t, uint16_t>> code_glyph;
  const std::optional<std::string> problem = assign_codes(
      char_glyph, hb_subset_plan_old_to_new_glyph_mapping(plan), hb_face_get_glyph_count(sub), out, code_glyph);
  hb_subset_plan_destroy(plan);
  if (problem) {
    hb_face_destroy(sub);
    fail(impl_->path, *problem);
  }
  hb_blob_t* blob = hb_face_reference_blob(sub);
  unsigned len = 0;
  const char* data = hb_blob_get_data(blob, &len);
  const std::string bytes(data, len);
  hb_blob_destroy(blob);
  hb_face_destroy(sub);
  out.bytes = replace_cmap(bytes, delta_cmap(code_glyph, impl_->path), impl_->path);
  std::optional<std::string> smaller = rescale_font(out.bytes, kEmbeddedUpem, impl_->path);
  out.embedded = smaller ? std::move(*smaller) : out.bytes;
  return out;
}

}  // namespace careermap
