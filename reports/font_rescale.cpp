#include "reports/font_rescale.hpp"

#include <algorithm>
#include <cstdint>
#include <vector>

#include "engine/diagnostic.hpp"
#include "engine/messages.hpp"
#include "reports/sfnt.hpp"

namespace careermap {
namespace {

using sfnt::put16;
using sfnt::tag;

// v × to / from, rounded to the nearest, halves away from zero (by a shift when from is to
// times a power of two, as from 2048 to 1024).
struct Scale {
  int64_t to, from;
  int shift = 0;
  Scale(int64_t to_upem, int64_t from_upem) : to(to_upem), from(from_upem) {  // from > to > 0
    int s = 1;
    while ((to << s) < from) ++s;
    if ((to << s) == from) shift = s;
  }
  int32_t operator()(int64_t v) const {
    if (shift) {
      const int64_t a = ((v < 0 ? -v : v) + (int64_t{1} << (shift - 1))) >> shift;
      return static_cast<int32_t>(v < 0 ? -a : a);
    }
    const int64_t n = v * to;
    return static_cast<int32_t>((n >= 0 ? 2 * n + from : 2 * n - from) / (2 * from));
  }
};

[[noreturn]] void bad_table(const std::string& name, const char* table) {
  throw Error(Location{name, 0, 0}, "", trf("the font's table {value} is malformed", {{"value", table}}));
}

// One glyph's bytes, read from the front; running past the end is a malformed glyph.
struct Reader {
  std::string_view s;
  const std::string& name;
  unsigned glyph;
  size_t at = 0;
  [[noreturn]] void bad() const {
    throw Error(Location{name, 0, 0}, "",
                trf("the font's glyph {value} is malformed", {{"value", std::to_string(glyph)}}));
  }
  void need(size_t n) const {
    if (n > s.size() - at) bad();
  }
  uint8_t u8() {
    need(1);
    return static_cast<uint8_t>(s[at++]);
  }
  uint16_t u16() {
    need(2);
    at += 2;
    return sfnt::u16(s, at - 2);
  }
  int16_t i16() { return static_cast<int16_t>(u16()); }
  std::string_view take(size_t n) {
    need(n);
    at += n;
    return s.substr(at - n, n);
  }
};

void put_i16(Reader& r, std::string& out, int64_t v) {
  if (v < -32768 || v > 32767) r.bad();
  put16(out, static_cast<uint32_t>(v) & 0xFFFF);
}

// What one glyph's points are decoded into, kept from glyph to glyph.
struct Scratch {
  std::vector<uint16_t> ends;
  std::vector<uint8_t> flags;
  std::vector<int32_t> xs, ys;
};

// A simple glyph (its contour count read), appended to `out`: the points decoded to absolute
// positions, scaled, and written back as deltas in the shortest form; the bounding box is the
// scaled points'.
void simple_glyph(Reader& r, int16_t contours, const Scale& scale, Scratch& k, std::string& out) {
  int32_t box[4];
  for (int32_t& v : box) v = scale(r.i16());
  std::vector<uint16_t>& ends = k.ends;
  ends.resize(static_cast<size_t>(contours));
  for (size_t i = 0; i < ends.size(); ++i) {
    ends[i] = r.u16();
    if (i && ends[i] <= ends[i - 1]) r.bad();
  }
  const size_t n = ends.empty() ? 0 : size_t{ends.back()} + 1;
  r.take(r.u16());  // instructions: hinting for the old scale, left out
  std::vector<uint8_t>& flags = k.flags;
  flags.resize(n);
  for (size_t i = 0; i < n;) {
    const uint8_t f = r.u8();
    flags[i++] = f;
    if (f & 8) {
      size_t repeat = r.u8();
      if (repeat > n - i) r.bad();
      while (repeat--) flags[i++] = f;
    }
  }
  auto read = [&](std::vector<int32_t>& v, uint8_t short_bit, uint8_t same_bit) {
    v.resize(n);
    int32_t c = 0;
    for (size_t i = 0; i < n; ++i) {
      if (flags[i] & short_bit) {
        const int32_t d = r.u8();
        c += (flags[i] & same_bit) ? d : -d;
      } else if (!(flags[i] & same_bit)) {
        c += r.i16();
      }
      v[i] = scale(c);
    }
  };
  read(k.xs, 2, 16);
  read(k.ys, 4, 32);
  const std::vector<int32_t>&xs = k.xs, &ys = k.ys;
  if (n) {
    box[0] = box[2] = xs[0];
    box[1] = box[3] = ys[0];
    for (size_t i = 1; i < n; ++i) {
      box[0] = std::min(box[0], xs[i]);
      box[2] = std::max(box[2], xs[i]);
      box[1] = std::min(box[1], ys[i]);
      box[3] = std::max(box[3], ys[i]);
    }
  }
  for (int32_t v : box)
    if (v < -32768 || v > 32767) r.bad();
  // At most: the header, the ends, no instructions, a flag and two long deltas a point.
  const size_t at = out.size();
  out.resize(at + 12 + 2 * ends.size() + 5 * n);
  char* p = out.data() + at;
  auto put = [&p](uint32_t v) {
    *p++ = static_cast<char>((v >> 8) & 0xFF);
    *p++ = static_cast<char>(v & 0xFF);
  };
  put(static_cast<uint16_t>(contours));
  for (int32_t v : box) put(static_cast<uint32_t>(v) & 0xFFFF);
  for (uint16_t e : ends) put(e);
  put(0);  // no instructions
  // The new flags, in place of the old: on the curve or not (and, on the first point only,
  // whether contours overlap), and each delta's form.
  auto form = [](int32_t d, uint8_t short_bit, uint8_t same_bit) -> uint8_t {
    if (d == 0) return same_bit;
    if (d >= -255 && d <= 255) return d > 0 ? short_bit | same_bit : short_bit;
    return 0;
  };
  for (size_t i = 0; i < n; ++i) {
    const int32_t dx = xs[i] - (i ? xs[i - 1] : 0), dy = ys[i] - (i ? ys[i - 1] : 0);
    if (dx < -32768 || dx > 32767 || dy < -32768 || dy > 32767) r.bad();
    flags[i] = static_cast<uint8_t>((flags[i] & 1) | (i == 0 ? flags[0] & 0x40 : 0) | form(dx, 2, 16) | form(dy, 4, 32));
  }
  for (size_t i = 0; i < n;) {
    size_t j = i + 1;
    while (j < n && flags[j] == flags[i] && j - i <= 255) ++j;
    if (j - i >= 3) {  // a flag and its count: shorter than three flags or more
      *p++ = static_cast<char>(flags[i] | 8);
      *p++ = static_cast<char>(j - i - 1);
    } else {
      for (size_t m = i; m < j; ++m) *p++ = static_cast<char>(flags[m]);
    }
    i = j;
  }
  auto write = [&](const std::vector<int32_t>& v, uint8_t short_bit, uint8_t same_bit) {
    for (size_t i = 0; i < n; ++i) {
      const int32_t d = v[i] - (i ? v[i - 1] : 0);
      if (flags[i] & short_bit) *p++ = static_cast<char>(d > 0 ? d : -d);
      else if (!(flags[i] & same_bit)) put(static_cast<uint32_t>(d) & 0xFFFF);
    }
  };
  write(xs, 2, 16);
  write(ys, 4, 32);
  out.resize(static_cast<size_t>(p - out.data()));
}

// A composite glyph: its components' offsets scaled (one byte each where they fit), point
// numbers and transforms as they were, its instructions left out.
std::string composite_glyph(Reader& r, const Scale& scale) {
  std::string out;
  put16(out, 0xFFFF);
  for (int k = 0; k < 4; ++k) put_i16(r, out, scale(r.i16()));
  uint16_t flags = 0;
  do {
    flags = r.u16();
    const uint16_t glyph = r.u16();
    const bool xy = flags & 2;
    int32_t a = 0, b = 0;
    if (flags & 1) {
      a = xy ? r.i16() : r.u16();
      b = xy ? r.i16() : r.u16();
    } else {
      a = xy ? static_cast<int8_t>(r.u8()) : r.u8();
      b = xy ? static_cast<int8_t>(r.u8()) : r.u8();
    }
    const std::string_view transform = r.take((flags & 8) ? 2 : (flags & 0x40) ? 4 : (flags & 0x80) ? 8 : 0);
    if (xy) {
      a = scale(a);
      b = scale(b);
    }
    const bool words = xy ? (a < -128 || a > 127 || b < -128 || b > 127) : (a > 255 || b > 255);
    put16(out, static_cast<uint16_t>((flags & ~0x101u) | (words ? 1u : 0u)));  // no instructions
    put16(out, glyph);
    if (words) {
      put16(out, static_cast<uint32_t>(a) & 0xFFFF);
      put16(out, static_cast<uint32_t>(b) & 0xFFFF);
    } else {
      out.push_back(static_cast<char>(a));
      out.push_back(static_cast<char>(b));
    }
    out += transform;
  } while (flags & 0x20);
  return out;
}

// Glyph `id` of `data`, rescaled, appended to `out`.
void glyph(std::string_view data, unsigned id, const Scale& scale, const std::string& name, Scratch& k,
           std::string& out) {
  if (data.empty()) return;
  Reader r{data, name, id};
  const int16_t contours = r.i16();
  if (contours >= 0) simple_glyph(r, contours, scale, k, out);
  else out += composite_glyph(r, scale);
}

// The 16-bit numbers at `fields` of a table scaled, those that lie inside it.
void scale_fields(std::string& t, std::initializer_list<size_t> fields, bool is_signed, const Scale& scale) {
  for (size_t at : fields) {
    if (at + 2 > t.size()) continue;
    const int32_t v = is_signed ? int32_t{sfnt::i16(t, at)} : int32_t{sfnt::u16(t, at)};
    sfnt::set16(t, at, static_cast<uint32_t>(scale(v)) & 0xFFFF);
  }
}

}  // namespace

std::optional<std::string> rescale_font(std::string_view font, unsigned to_upem, const std::string& name) {
  const uint32_t version = sfnt::version(font, name);
  if (version != 0x00010000u && version != tag("true")) return std::nullopt;
  std::vector<sfnt::Table> tables = sfnt::tables(font, name);
  sfnt::Table *head = nullptr, *hhea = nullptr, *hmtx = nullptr, *loca = nullptr, *glyf = nullptr, *maxp = nullptr;
  std::vector<sfnt::Table> kept;
  for (sfnt::Table& t : tables) {
    switch (t.tag) {
      case tag("head"): head = &t; break;
      case tag("hhea"): hhea = &t; break;
      case tag("hmtx"): hmtx = &t; break;
      case tag("loca"): loca = &t; break;
      case tag("glyf"): glyf = &t; break;
      case tag("maxp"): maxp = &t; break;
      case tag("cmap"): case tag("name"): case tag("OS/2"): case tag("post"): break;
      case tag("cvt "): case tag("fpgm"): case tag("prep"): case tag("hdmx"): case tag("LTSH"): case tag("VDMX"):
      case tag("gasp"): t.tag = 0; break;  // hinting: left out
      default: return std::nullopt;
    }
  }
  if (!head || !hhea || !hmtx || !loca || !glyf || !maxp) return std::nullopt;
  if (head->data.size() < 54) bad_table(name, "head");
  if (hhea->data.size() < 36) bad_table(name, "hhea");
  if (maxp->data.size() < 6) bad_table(name, "maxp");
  const unsigned from = sfnt::u16(head->data, 18);
  if (to_upem < 16 || from <= to_upem) return std::nullopt;
  const Scale scale{to_upem, from};

  // glyf and loca
  const size_t glyphs = sfnt::u16(maxp->data, 4);
  const bool long_loca = sfnt::i16(head->data, 50) != 0;
  if (loca->data.size() < (glyphs + 1) * (long_loca ? 4 : 2)) bad_table(name, "loca");
  auto offset = [&](size_t i) -> size_t {
    return long_loca ? sfnt::u32(loca->data, 4 * i) : 2 * size_t{sfnt::u16(loca->data, 2 * i)};
  };
  std::string new_glyf;
  new_glyf.reserve(glyf->data.size());
  Scratch scratch;
  std::vector<size_t> offsets{0};
  for (size_t i = 0; i < glyphs; ++i) {
    const size_t at = offset(i), end = offset(i + 1);
    if (at > end || end > glyf->data.size()) bad_table(name, "loca");
    glyph(std::string_view(glyf->data).substr(at, end - at), static_cast<unsigned>(i), scale, name, scratch, new_glyf);
    if (new_glyf.size() % 2) new_glyf.push_back('\0');
    offsets.push_back(new_glyf.size());
  }
  const bool new_long = new_glyf.size() > 0x1FFFE;
  std::string new_loca;
  for (size_t o : offsets) {
    if (new_long) sfnt::put32(new_loca, static_cast<uint32_t>(o));
    else put16(new_loca, static_cast<uint32_t>(o / 2));
  }
  glyf->data = std::move(new_glyf);
  loca->data = std::move(new_loca);

  // head: units per em, the box of all glyphs, the loca format
  sfnt::set16(head->data, 18, to_upem);
  scale_fields(head->data, {36, 38, 40, 42}, true, scale);
  sfnt::set16(head->data, 50, new_long ? 1 : 0);
  // hhea: ascender, descender, line gap, max advance, min side bearings, max extent, caret offset
  scale_fields(hhea->data, {4, 6, 8, 12, 14, 16, 22}, true, scale);
  scale_fields(hhea->data, {10}, false, scale);
  // hmtx: advance and left side bearing of the first numberOfHMetrics glyphs, bearings after
  const size_t metrics = sfnt::u16(hhea->data, 34);
  if (metrics == 0 || metrics > glyphs || hmtx->data.size() < 4 * metrics + 2 * (glyphs - metrics))
    bad_table(name, "hmtx");
  for (size_t i = 0; i < metrics; ++i) {
    scale_fields(hmtx->data, {4 * i}, false, scale);
    scale_fields(hmtx->data, {4 * i + 2}, true, scale);
  }
  for (size_t i = 0; i < glyphs - metrics; ++i) scale_fields(hmtx->data, {4 * metrics + 2 * i}, true, scale);
  for (sfnt::Table& t : tables) {
    if (t.tag == tag("OS/2")) {
      // xAvgCharWidth, sub- and superscript sizes and offsets, strikeout, typographic and
      // Windows ascent, descent and gap, and from version 2 the x-height and cap height
      scale_fields(t.data, {2, 10, 12, 14, 16, 18, 20, 22, 24, 26, 28, 68, 70, 72}, true, scale);
      scale_fields(t.data, {74, 76}, false, scale);
      if (t.data.size() >= 2 && sfnt::u16(t.data, 0) >= 2) scale_fields(t.data, {86, 88}, true, scale);
    } else if (t.tag == tag("post")) {
      scale_fields(t.data, {8, 10}, true, scale);  // underline position and thickness
    }
  }
  std::erase_if(tables, [](const sfnt::Table& t) { return t.tag == 0; });
  return sfnt::font(version, std::move(tables));
}

}  // namespace careermap
