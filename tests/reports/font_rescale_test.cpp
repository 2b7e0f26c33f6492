// The rescaler (reports/font_rescale.hpp), read back with FreeType (an independent TrueType
// reader): on subsets of IPAex Gothic and on random glyphs written in every form TrueType
// allows (short, long and repeated, simple and composite, with instructions), every point,
// component offset, advance, side bearing and font-wide number is the original's scaled and
// rounded, halves away from zero, and the contours, on-curve flags, component flags and
// transforms are as they were.
#include <ft2build.h>
#include FT_FREETYPE_H
#include FT_TRUETYPE_TABLES_H

#include <boost/test/unit_test.hpp>
#include <algorithm>
#include <cmath>
#include <fstream>
#include <iterator>
#include <random>
#include <set>

#include "engine/diagnostic.hpp"
#include "reports/font.hpp"
#include "reports/font_rescale.hpp"
#include "reports/sfnt.hpp"

using namespace careermap;

namespace {

const char* const kFont = "/usr/share/fonts/opentype/ipaexfont-gothic/ipaexg.ttf";

const FontSource& font() {
  static const FontSource f(kFont);
  return f;
}

// round(v × to / from), halves away from zero (exact in a double for these numbers).
long expect(long v, unsigned to, unsigned from) { return std::lround(static_cast<double>(v) * to / from); }

FT_Library freetype() {
  struct Lib {
    FT_Library lib = nullptr;
    Lib() { FT_Init_FreeType(&lib); }
    ~Lib() { FT_Done_FreeType(lib); }
  };
  static const Lib l;
  return l.lib;
}

struct Face {
  std::string bytes;
  FT_Face face = nullptr;
  explicit Face(std::string b) : bytes(std::move(b)) {
    BOOST_REQUIRE(FT_New_Memory_Face(freetype(), reinterpret_cast<const FT_Byte*>(bytes.data()),
                                     static_cast<FT_Long>(bytes.size()), 0, &face) == 0);
  }
  ~Face() { FT_Done_Face(face); }
  Face(const Face&) = delete;
  Face& operator=(const Face&) = delete;
};

struct Part {
  int index, arg1, arg2;
  unsigned flags;
  FT_Matrix m;
};

// A glyph as FreeType reads it, in font units, components not followed.
struct Drawn {
  FT_Glyph_Format format{};
  long advance = 0;
  std::vector<long> x, y;
  std::vector<int> on, ends;
  std::vector<Part> parts;
};

Drawn drawn(const Face& f, unsigned g) {
  BOOST_REQUIRE(FT_Load_Glyph(f.face, g, FT_LOAD_NO_SCALE | FT_LOAD_NO_HINTING | FT_LOAD_NO_RECURSE) == 0);
  const FT_GlyphSlot s = f.face->glyph;
  Drawn d;
  d.format = s->format;
  d.advance = s->metrics.horiAdvance;
  if (s->format == FT_GLYPH_FORMAT_COMPOSITE) {
    for (FT_UInt i = 0; i < s->num_subglyphs; ++i) {
      Part p{};
      FT_Int index = 0, a1 = 0, a2 = 0;
      FT_UInt flags = 0;
      BOOST_REQUIRE(FT_Get_SubGlyph_Info(s, i, &index, &flags, &a1, &a2, &p.m) == 0);
      p.index = index;
      p.flags = flags;
      p.arg1 = a1;
      p.arg2 = a2;
      d.parts.push_back(p);
    }
    return d;
  }
  for (int i = 0; i < s->outline.n_points; ++i) {
    d.x.push_back(s->outline.points[i].x);
    d.y.push_back(s->outline.points[i].y);
    d.on.push_back(FT_CURVE_TAG(s->outline.tags[i]) == FT_CURVE_TAG_ON);
  }
  for (int i = 0; i < s->outline.n_contours; ++i) d.ends.push_back(s->outline.contours[i]);
  return d;
}

// The rescaled glyph `g` against the original: the same but every font unit scaled.
void check_glyph(const Face& original, const Face& scaled, unsigned g, unsigned to, unsigned from) {
  const Drawn a = drawn(original, g), b = drawn(scaled, g);
  BOOST_TEST_CONTEXT("glyph " << g) {
    BOOST_REQUIRE(a.format == b.format);
    BOOST_TEST(b.advance == expect(a.advance, to, from));
    BOOST_TEST(b.ends == a.ends);
    BOOST_TEST(b.on == a.on);
    BOOST_REQUIRE(b.x.size() == a.x.size());
    for (size_t i = 0; i < a.x.size(); ++i) {
      BOOST_TEST(b.x[i] == expect(a.x[i], to, from));
      BOOST_TEST(b.y[i] == expect(a.y[i], to, from));
    }
    BOOST_REQUIRE(b.parts.size() == a.parts.size());
    for (size_t i = 0; i < a.parts.size(); ++i) {
      const Part &p = a.parts[i], &q = b.parts[i];
      const bool xy = p.flags & FT_SUBGLYPH_FLAG_ARGS_ARE_XY_VALUES;
      BOOST_TEST(q.index == p.index);
      BOOST_TEST(q.arg1 == (xy ? expect(p.arg1, to, from) : p.arg1));
      BOOST_TEST(q.arg2 == (xy ? expect(p.arg2, to, from) : p.arg2));
      const bool fits = xy ? (q.arg1 >= -128 && q.arg1 <= 127 && q.arg2 >= -128 && q.arg2 <= 127)
                           : (q.arg1 <= 255 && q.arg2 <= 255);
      BOOST_TEST(q.flags == ((p.flags & ~0x101u) | (fits ? 0u : 1u)));  // no instructions; words where needed
      BOOST_TEST((q.m.xx == p.m.xx && q.m.xy == p.m.xy && q.m.yx == p.m.yx && q.m.yy == p.m.yy));
    }
  }
}

// The bytes of glyph `g` in `font`, read through its own loca.
std::string_view glyph_bytes(const std::vector<sfnt::Table>& tables, unsigned g) {
  auto find = [&](const char(&t)[5]) -> const std::string& {
    for (const auto& table : tables)
      if (table.tag == sfnt::tag(t)) return table.data;
    BOOST_FAIL("no table " << t);
    static const std::string none;
    return none;
  };
  const bool long_loca = sfnt::u16(find("head"), 50) == 1;
  const std::string& loca = find("loca");
  const size_t at = long_loca ? sfnt::u32(loca, 4 * g) : 2u * sfnt::u16(loca, 2 * g);
  const size_t end = long_loca ? sfnt::u32(loca, 4 * g + 4) : 2u * sfnt::u16(loca, 2 * g + 2);
  return std::string_view(find("glyf")).substr(at, end - at);
}

// No glyph of `font` has instructions left: a simple glyph's length of them is 0 and no
// component says it has some.
void check_no_instructions(const std::string& font, unsigned glyphs) {
  const auto tables = sfnt::tables(font, "t");
  for (unsigned g = 0; g < glyphs; ++g) {
    const std::string_view b = glyph_bytes(tables, g);
    if (b.empty()) continue;
    const int16_t contours = sfnt::i16(b, 0);
    if (contours >= 0) {
      BOOST_TEST(sfnt::u16(b, 10 + 2 * static_cast<size_t>(contours)) == 0u, "glyph " << g);
      continue;
    }
    size_t at = 10;
    uint16_t flags = 0;
    do {
      flags = sfnt::u16(b, at);
      BOOST_TEST(!(flags & 0x100), "glyph " << g);
      at += 4 + ((flags & 1) ? 4 : 2) + ((flags & 8) ? 2 : (flags & 0x40) ? 4 : (flags & 0x80) ? 8 : 0);
    } while (flags & 0x20);
  }
}

// Every font-wide number FreeType reads, and every glyph.
void check_font(const std::string& original_bytes, const std::string& scaled_bytes, unsigned to) {
  const Face a(original_bytes), b(scaled_bytes);
  const unsigned from = a.face->units_per_EM;
  BOOST_TEST(b.face->units_per_EM == to);
  BOOST_REQUIRE(b.face->num_glyphs == a.face->num_glyphs);
  BOOST_TEST(b.face->ascender == expect(a.face->ascender, to, from));
  BOOST_TEST(b.face->descender == expect(a.face->descender, to, from));
  BOOST_TEST(b.face->max_advance_width == expect(a.face->max_advance_width, to, from));
  const auto* pa = static_cast<const TT_Postscript*>(FT_Get_Sfnt_Table(a.face, FT_SFNT_POST));
  const auto* pb = static_cast<const TT_Postscript*>(FT_Get_Sfnt_Table(b.face, FT_SFNT_POST));
  BOOST_REQUIRE((pa && pb));
  BOOST_TEST(pb->underlinePosition == expect(pa->underlinePosition, to, from));
  BOOST_TEST(pb->underlineThickness == expect(pa->underlineThickness, to, from));
  const auto* ha = static_cast<const TT_HoriHeader*>(FT_Get_Sfnt_Table(a.face, FT_SFNT_HHEA));
  const auto* hb = static_cast<const TT_HoriHeader*>(FT_Get_Sfnt_Table(b.face, FT_SFNT_HHEA));
  BOOST_REQUIRE((ha && hb));
  BOOST_TEST(hb->Line_Gap == expect(ha->Line_Gap, to, from));
  BOOST_TEST(hb->min_Left_Side_Bearing == expect(ha->min_Left_Side_Bearing, to, from));
  BOOST_TEST(hb->min_Right_Side_Bearing == expect(ha->min_Right_Side_Bearing, to, from));
  BOOST_TEST(hb->xMax_Extent == expect(ha->xMax_Extent, to, from));
  BOOST_TEST(hb->caret_Offset == expect(ha->caret_Offset, to, from));
  BOOST_TEST(hb->caret_Slope_Rise == ha->caret_Slope_Rise);
  BOOST_TEST(hb->caret_Slope_Run == ha->caret_Slope_Run);
  BOOST_TEST(hb->number_Of_HMetrics == ha->number_Of_HMetrics);
  const auto* oa = static_cast<const TT_OS2*>(FT_Get_Sfnt_Table(a.face, FT_SFNT_OS2));
  const auto* ob = static_cast<const TT_OS2*>(FT_Get_Sfnt_Table(b.face, FT_SFNT_OS2));
  BOOST_REQUIRE((oa && ob));
  for (auto field : {&TT_OS2::xAvgCharWidth, &TT_OS2::ySubscriptXSize, &TT_OS2::ySubscriptYSize,
                     &TT_OS2::ySubscriptXOffset, &TT_OS2::ySubscriptYOffset, &TT_OS2::ySuperscriptXSize,
                     &TT_OS2::ySuperscriptYSize, &TT_OS2::ySuperscriptXOffset, &TT_OS2::ySuperscriptYOffset,
                     &TT_OS2::yStrikeoutSize, &TT_OS2::yStrikeoutPosition, &TT_OS2::sTypoAscender,
                     &TT_OS2::sTypoDescender, &TT_OS2::sTypoLineGap, &TT_OS2::sxHeight, &TT_OS2::sCapHeight})
    BOOST_TEST(ob->*field == expect(oa->*field, to, from));
  BOOST_TEST(ob->usWinAscent == expect(oa->usWinAscent, to, from));
  BOOST_TEST(ob->usWinDescent == expect(oa->usWinDescent, to, from));
  BOOST_TEST(ob->version == oa->version);
  BOOST_TEST(oa->version >= 2u);  // the x-height and cap height are there to be scaled
  BOOST_TEST(b.face->bbox.xMin == expect(a.face->bbox.xMin, to, from));
  BOOST_TEST(b.face->bbox.yMin == expect(a.face->bbox.yMin, to, from));
  BOOST_TEST(b.face->bbox.xMax == expect(a.face->bbox.xMax, to, from));
  BOOST_TEST(b.face->bbox.yMax == expect(a.face->bbox.yMax, to, from));
  for (FT_Long g = 0; g < a.face->num_glyphs; ++g) check_glyph(a, b, static_cast<unsigned>(g), to, from);
  check_no_instructions(scaled_bytes, static_cast<unsigned>(a.face->num_glyphs));
}

// Every character of the basic plane the full font draws.
std::vector<char32_t> font_chars() {
  const Face full([] {
    std::ifstream in(kFont, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), {});
  }());
  std::vector<char32_t> v;
  FT_UInt g = 0;
  for (FT_ULong c = FT_Get_First_Char(full.face, &g); g; c = FT_Get_Next_Char(full.face, c, &g))
    if (c > 0x20 && c < 0x10000) v.push_back(static_cast<char32_t>(c));
  return v;
}

// ---- random glyphs, written by a plain encoder of this test's own ----

struct Pt {
  long x, y;
  bool on;
};

long delta(std::mt19937_64& rng) {
  switch (rng() % 4) {
    case 0: return 0;
    case 1: return static_cast<long>(rng() % 511) - 255;  // one byte
    case 2: return static_cast<long>(rng() % 2001) - 1000;
    default: return static_cast<long>(rng() % 9) - 4;
  }
}

// One coordinate's delta in a form chosen at random among those that hold it.
void put_delta(std::string& bytes, uint8_t& flag, long d, uint8_t short_bit, uint8_t same_bit, std::mt19937_64& rng) {
  if (d == 0 && rng() % 2) {
    flag |= same_bit;
  } else if (d >= -255 && d <= 255 && rng() % 3) {
    flag |= short_bit;
    if (d > 0) flag |= same_bit;
    bytes.push_back(static_cast<char>(std::labs(d)));
  } else {
    sfnt::put16(bytes, static_cast<uint32_t>(d) & 0xFFFF);
  }
}

struct Box {
  long x0, y0, x1, y1;
};

std::string simple_glyph(const std::vector<std::vector<Pt>>& contours, std::mt19937_64& rng, Box& box) {
  std::vector<Pt> pts;
  std::string out;
  sfnt::put16(out, static_cast<uint32_t>(contours.size()));
  for (const auto& c : contours) pts.insert(pts.end(), c.begin(), c.end());
  box = {pts[0].x, pts[0].y, pts[0].x, pts[0].y};
  for (const Pt& p : pts) box = {std::min(box.x0, p.x), std::min(box.y0, p.y), std::max(box.x1, p.x), std::max(box.y1, p.y)};
  for (long v : {box.x0, box.y0, box.x1, box.y1}) sfnt::put16(out, static_cast<uint32_t>(v) & 0xFFFF);
  size_t end = 0;
  for (const auto& c : contours) sfnt::put16(out, static_cast<uint32_t>((end += c.size()) - 1));
  const size_t instructions = rng() % 3 ? 0 : rng() % 20;
  sfnt::put16(out, static_cast<uint32_t>(instructions));
  for (size_t i = 0; i < instructions; ++i) out.push_back(static_cast<char>(rng()));
  std::vector<uint8_t> flags;
  std::string xb, yb;
  for (size_t i = 0; i < pts.size(); ++i) {
    uint8_t f = pts[i].on ? 1 : 0;
    if (i == 0 && rng() % 4 == 0) f |= 0x40;  // overlapping contours
    put_delta(xb, f, pts[i].x - (i ? pts[i - 1].x : 0), 2, 16, rng);
    put_delta(yb, f, pts[i].y - (i ? pts[i - 1].y : 0), 4, 32, rng);
    flags.push_back(f);
  }
  for (size_t i = 0; i < flags.size();) {
    size_t j = i + 1;
    while (j < flags.size() && flags[j] == flags[i] && j - i <= 255) ++j;
    const size_t run = j - i == 1 || rng() % 3 == 0 ? 1 : 1 + rng() % (j - i);  // repeat some of the run, or not
    if (run > 1) {
      out.push_back(static_cast<char>(flags[i] | 8));
      out.push_back(static_cast<char>(run - 1));
    } else {
      out.push_back(static_cast<char>(flags[i]));
    }
    i += run;
  }
  return out + xb + yb;
}

std::string composite_glyph(const std::vector<unsigned>& simple, std::mt19937_64& rng, Box& box) {
  std::string out;
  sfnt::put16(out, 0xFFFF);
  box = {-static_cast<long>(rng() % 3000), -static_cast<long>(rng() % 3000), static_cast<long>(rng() % 3000),
         static_cast<long>(rng() % 3000)};
  for (long v : {box.x0, box.y0, box.x1, box.y1}) sfnt::put16(out, static_cast<uint32_t>(v) & 0xFFFF);
  const size_t n = 1 + rng() % 4;
  const bool instructions = rng() % 3 == 0;
  for (size_t i = 0; i < n; ++i) {
    const bool xy = rng() % 5 != 0;
    long a = 0, b = 0;
    if (xy) {
      a = rng() % 2 ? static_cast<long>(rng() % 256) - 128 : static_cast<long>(rng() % 8001) - 4000;
      b = rng() % 2 ? static_cast<long>(rng() % 256) - 128 : static_cast<long>(rng() % 8001) - 4000;
    } else {
      a = static_cast<long>(rng() % (rng() % 2 ? 256 : 600));
      b = static_cast<long>(rng() % (rng() % 2 ? 256 : 600));
    }
    const bool fits = xy ? (a >= -128 && a <= 127 && b >= -128 && b <= 127) : (a <= 255 && b <= 255);
    const bool words = !fits || rng() % 3 == 0;
    const unsigned transform = rng() % 4;  // none, one scale, x and y scales, two by two
    uint16_t flags = (words ? 1 : 0) | (xy ? 2 : 0) | (rng() % 2 ? 4 : 0) | (i + 1 < n ? 0x20 : 0) |
                     (rng() % 4 == 0 ? 0x200 : 0) | (transform == 1 ? 8 : transform == 2 ? 0x40 : transform == 3 ? 0x80 : 0);
    if (instructions && i + 1 == n) flags |= 0x100;
    sfnt::put16(out, flags);
    sfnt::put16(out, simple[rng() % simple.size()]);
    if (words) {
      sfnt::put16(out, static_cast<uint32_t>(a) & 0xFFFF);
      sfnt::put16(out, static_cast<uint32_t>(b) & 0xFFFF);
    } else {
      out.push_back(static_cast<char>(a));
      out.push_back(static_cast<char>(b));
    }
    for (unsigned k = 0; k < (transform == 1 ? 1u : transform == 2 ? 2u : transform == 3 ? 4u : 0u); ++k)
      sfnt::put16(out, static_cast<uint32_t>(rng() % 0x8000) - 0x4000);
  }
  if (instructions) {
    const size_t len = rng() % 12;
    sfnt::put16(out, static_cast<uint32_t>(len));
    for (size_t i = 0; i < len; ++i) out.push_back(static_cast<char>(rng()));
  }
  return out;
}

// A font of `glyphs` random glyphs, built on the tables of a real subset: glyf, loca and
// hmtx replaced (some glyphs with advances only, the rest with their bearings alone), loca
// long or short, maxp's limits wide.
std::string random_font(std::mt19937_64& rng, unsigned& glyphs, std::vector<std::vector<Pt>>* first_simple) {
  std::vector<sfnt::Table> tables = sfnt::tables(font().subset(U"あいうえおかきくけこabc").bytes, "t");
  sfnt::Table *head = nullptr, *hhea = nullptr, *maxp = nullptr;
  for (auto& t : tables) {
    if (t.tag == sfnt::tag("head")) head = &t;
    if (t.tag == sfnt::tag("hhea")) hhea = &t;
    if (t.tag == sfnt::tag("maxp")) maxp = &t;
  }
  BOOST_REQUIRE((head && hhea && maxp));
  glyphs = sfnt::u16(maxp->data, 4);
  for (size_t at : {6, 8, 10, 12, 28}) sfnt::set16(maxp->data, at, 2000);
  sfnt::set16(maxp->data, 30, 4);
  const bool long_loca = rng() % 2;
  sfnt::set16(head->data, 50, long_loca ? 1 : 0);
  const unsigned metrics = glyphs - static_cast<unsigned>(rng() % 3);
  sfnt::set16(hhea->data, 34, metrics);
  std::string glyf, loca, hmtx;
  std::vector<unsigned> simple;
  auto put_offset = [&] {
    if (long_loca) sfnt::put32(loca, static_cast<uint32_t>(glyf.size()));
    else sfnt::put16(loca, static_cast<uint32_t>(glyf.size() / 2));
  };
  for (unsigned g = 0; g < glyphs; ++g) {
    put_offset();
    Box box{0, 0, 0, 0};
    const unsigned kind = g == 0 ? 0 : (simple.empty() || rng() % 4) ? 1 : 2;  // empty, simple, composite
    if (kind == 1) {
      std::vector<std::vector<Pt>> contours(1 + rng() % 5);
      long x = static_cast<long>(rng() % 2000) - 500, y = static_cast<long>(rng() % 2000) - 500;
      for (auto& c : contours) {
        c.resize(1 + rng() % 30);
        for (Pt& p : c) {
          x = std::clamp(x + delta(rng), -15000L, 15000L);
          y = std::clamp(y + delta(rng), -15000L, 15000L);
          p = {x, y, rng() % 3 != 0};
        }
      }
      if (first_simple && first_simple->empty()) *first_simple = contours;
      glyf += simple_glyph(contours, rng, box);
      simple.push_back(g);
    } else if (kind == 2) {
      glyf += composite_glyph(simple, rng, box);
    }
    if (glyf.size() % 2) glyf.push_back('\0');
    if (g < metrics) sfnt::put16(hmtx, static_cast<uint32_t>(rng() % 4000));
    sfnt::put16(hmtx, static_cast<uint32_t>(box.x0) & 0xFFFF);  // the left side bearing: the box's left
  }
  put_offset();
  for (auto& t : tables) {
    if (t.tag == sfnt::tag("glyf")) t.data = glyf;
    if (t.tag == sfnt::tag("loca")) t.data = loca;
    if (t.tag == sfnt::tag("hmtx")) t.data = hmtx;
  }
  return sfnt::font(0x00010000, tables);
}

}  // namespace

BOOST_AUTO_TEST_SUITE(font_rescale)

BOOST_AUTO_TEST_CASE(every_point_and_metric_of_the_fonts_glyphs_is_scaled_on_random_subsets) {
  static const std::vector<char32_t> pool = font_chars();
  BOOST_REQUIRE(pool.size() > 10000u);
  std::mt19937_64 rng(1024);
  for (int round = 0; round < 6; ++round) {
    std::set<char32_t> pick;
    while (pick.size() < 250) pick.insert(pool[rng() % pool.size()]);
    const SubsetFont s = font().subset(std::u32string(pick.begin(), pick.end()));
    for (unsigned to : {1024u, 1000u, 512u}) {
      BOOST_TEST_CONTEXT("round " << round << ", " << to << " units per em") {
        const std::optional<std::string> scaled = rescale_font(s.bytes, to, "subset");
        BOOST_REQUIRE(scaled);
        BOOST_TEST(scaled->size() < s.bytes.size());
        check_font(s.bytes, *scaled, to);
        if (to == kEmbeddedUpem) BOOST_TEST((s.embedded == *scaled));  // what the PDF embeds
      }
    }
  }
}

BOOST_AUTO_TEST_CASE(random_glyphs_in_every_encoding_come_out_scaled) {
  std::mt19937_64 rng(2048);
  int composites = 0;
  for (int round = 0; round < 60; ++round) {
    unsigned glyphs = 0;
    std::vector<std::vector<Pt>> first;
    const std::string original = random_font(rng, glyphs, &first);
    BOOST_TEST_CONTEXT("round " << round) {
      {
        // The test's encoder is right: FreeType reads back the points it wrote.
        const Face f(original);
        for (unsigned g = 1; g < glyphs; ++g) {
          const Drawn d = drawn(f, g);
          if (d.format != FT_GLYPH_FORMAT_COMPOSITE) {
            std::vector<long> xs;
            for (const auto& c : first)
              for (const Pt& p : c) xs.push_back(p.x);
            BOOST_REQUIRE((d.x == xs));
            break;
          }
        }
        for (unsigned g = 0; g < glyphs; ++g) composites += drawn(f, g).format == FT_GLYPH_FORMAT_COMPOSITE;
      }
      const unsigned to = round % 2 ? 1024 : 333;
      const std::optional<std::string> scaled = rescale_font(original, to, "random");
      BOOST_REQUIRE(scaled);
      check_font(original, *scaled, to);
    }
  }
  BOOST_TEST(composites > 100);
}

BOOST_AUTO_TEST_CASE(a_font_it_cannot_scale_right_is_left_to_the_caller) {
  const std::string bytes = font().subset(U"あa").bytes;
  const std::string small = *rescale_font(bytes, 1024, "t");
  BOOST_TEST(!rescale_font(small, 1024, "t"));  // already at 1024
  BOOST_TEST(!rescale_font(small, 2048, "t"));
  std::vector<sfnt::Table> tables = sfnt::tables(bytes, "t");
  tables.push_back({sfnt::tag("kern"), std::string(8, '\0')});  // a table with font units it does not know
  BOOST_TEST(!rescale_font(sfnt::font(0x00010000, tables), 1024, "t"));
  tables.pop_back();
  BOOST_TEST(!rescale_font(sfnt::font(sfnt::tag("OTTO"), tables), 1024, "t"));  // CFF outlines
  // Hinting tables are left out, not a reason to give up.
  tables.push_back({sfnt::tag("fpgm"), std::string(4, '\x01')});
  tables.push_back({sfnt::tag("prep"), std::string(4, '\x01')});
  const std::optional<std::string> unhinted = rescale_font(sfnt::font(0x00010000, tables), 1024, "t");
  BOOST_REQUIRE(unhinted);
  BOOST_TEST((*unhinted == small));
}

BOOST_AUTO_TEST_CASE(a_glyph_cut_short_is_an_error_naming_it) {
  std::vector<sfnt::Table> tables = sfnt::tables(font().subset(U"あa").bytes, "t");
  for (auto& t : tables) {
    if (t.tag != sfnt::tag("glyf")) continue;
    // The first glyph with outlines claims 60,000 bytes of instructions.
    for (unsigned g = 0;; ++g) {
      const std::string_view b = glyph_bytes(tables, g);
      if (b.empty()) continue;
      const size_t at = static_cast<size_t>(b.data() - t.data.data()) + 10 + 2 * static_cast<size_t>(sfnt::i16(b, 0));
      sfnt::set16(t.data, at, 60000);
      try {
        rescale_font(sfnt::font(0x00010000, tables), 1024, "IPAex.ttf");
        BOOST_FAIL("no error");
      } catch (const Error& e) {
        BOOST_TEST(std::string(e.what()) == "IPAex.ttf: error: the font's glyph " + std::to_string(g) + " is malformed");
      }
      return;
    }
  }
}

BOOST_AUTO_TEST_SUITE_END()
