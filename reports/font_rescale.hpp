// A TrueType font drawn at fewer units per em: the same outlines and metrics, rescaled, in
// fewer bytes. Every coordinate and length in font units becomes round(v × to / from), halves
// away from zero (glyph points from their absolute positions, so errors never add up): the
// outlines of glyf (simple glyphs re-encoded with the shortest flags, repeats and one-byte
// deltas; composite glyphs' offsets), the advances and side bearings of hmtx, and the font-
// wide numbers of head, hhea, OS/2 and post. Hinting no longer fits the outlines and is left
// out (glyph instructions; cvt, fpgm, prep, hdmx, LTSH, VDMX, gasp). cmap, name and maxp are
// copied. careermap embeds its font subset at 1024 units per em this way (font.hpp): from IPAex
// Gothic's 2048 a point moves by at most 1/2048 em, 0.01 pt at 20 pt, and the compressed
// outlines are about a tenth smaller.
//
// Gives nullopt, and the caller keeps the font as it is, when there is nothing this can do
// right: units per em already `to_upem` or fewer, or a table it does not know (CFF outlines,
// variations, kerning, vertical metrics...). A glyph or table that is cut short or
// inconsistent throws careermap::Error at `name`. Pure; safe from several threads.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace careermap {

std::optional<std::string> rescale_font(std::string_view font, unsigned to_upem, const std::string& name);

}  // namespace careermap
