// The font subset (reports/font.hpp): each character's code is its glyph in the subset, read
// back with HarfBuzz (an independent cmap reader), on random sets of the font's characters.
#include <hb-ot.h>
#include <hb.h>

#include <boost/test/unit_test.hpp>
#include <random>
#include <set>

#include "reports/font.hpp"

using namespace careermap;

namespace {

const char* const kFont = "/usr/share/fonts/opentype/ipaexfont-gothic/ipaexg.ttf";

const FontSource& font() {
  static const FontSource f(kFont);
  return f;
}

// A HarfBuzz font over a file's or a subset's bytes.
struct HbFont {
  hb_blob_t* blob;
  hb_face_t* face;
  hb_font_t* font;
  explicit HbFont(const std::string& bytes)
      : blob(hb_blob_create(bytes.data(), static_cast<unsigned>(bytes.size()), HB_MEMORY_MODE_DUPLICATE, nullptr,
                            nullptr)),
        face(hb_face_create(blob, 0)),
        font(hb_font_create(face)) {}
  explicit HbFont(const char* path)
      : blob(hb_blob_create_from_file(path)), face(hb_face_create(blob, 0)), font(hb_font_create(face)) {}
  ~HbFont() {
    hb_font_destroy(font);
    hb_face_destroy(face);
    hb_blob_destroy(blob);
  }
  hb_codepoint_t glyph(hb_codepoint_t c) const {
    hb_codepoint_t g = 0;
    return hb_font_get_nominal_glyph(font, c, &g) ? g : 0;
  }
};

// What a glyph draws, as far as a reader can tell without rasterising: advance and extents.
std::array<int, 5> shape(const HbFont& f, hb_codepoint_t g) {
  hb_glyph_extents_t e{};
  hb_font_get_glyph_extents(f.font, g, &e);
  return {static_cast<int>(hb_font_get_glyph_h_advance(f.font, g)), e.x_bearing, e.y_bearing, e.width, e.height};
}

// Every character of the basic plane that the full font draws.
const std::vector<char32_t>& font_chars() {
  static const std::vector<char32_t> chars = [] {
    const HbFont full(kFont);
    std::vector<char32_t> v;
    for (char32_t c = 0x21; c < 0x10000; ++c)
      if (full.glyph(c)) v.push_back(c);
    return v;
  }();
  return chars;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(font_subset)

BOOST_AUTO_TEST_CASE(every_code_draws_its_characters_glyph_on_random_sets) {
  const HbFont full(kFont);
  const auto& pool = font_chars();
  std::mt19937_64 rng(18);
  int shared_seen = 0;
  for (int round = 0; round < 60; ++round) {
    std::set<char32_t> pick;
    const size_t n = 1 + rng() % 700;
    while (pick.size() < n) pick.insert(pool[rng() % pool.size()]);
    if (round % 3 == 0) pick.insert({U'-', U'\u2010', U'\u2011'});  // one glyph in this font
    const std::u32string wanted(pick.begin(), pick.end());
    const SubsetFont s = font().subset(wanted);
    BOOST_REQUIRE((s.chars == wanted));
    BOOST_REQUIRE(s.codes.size() == wanted.size());
    const HbFont sub(s.bytes);
    const unsigned glyphs = hb_face_get_glyph_count(sub.face);
    std::set<uint16_t> codes;
    for (size_t i = 0; i < s.chars.size(); ++i) {
      const uint16_t code = s.codes[i];
      BOOST_REQUIRE(codes.insert(code).second);  // no two characters share a code
      BOOST_REQUIRE(code != 0);
      BOOST_TEST(static_cast<unsigned>(s.code_of(s.chars[i])) == code);
      const hb_codepoint_t g = sub.glyph(code);  // the subset's own cmap, read by HarfBuzz
      BOOST_REQUIRE(g != 0u);
      BOOST_REQUIRE((shape(sub, g) == shape(full, full.glyph(s.chars[i]))));
      if (s.cid_to_gid.empty()) {
        BOOST_REQUIRE(code == g);
      } else {
        BOOST_REQUIRE(code < s.cid_to_gid.size());
        BOOST_REQUIRE(s.cid_to_gid[code] == g);
        BOOST_REQUIRE((code == g || code >= glyphs));
      }
    }
    if (!s.cid_to_gid.empty()) ++shared_seen;
  }
  BOOST_TEST(shared_seen >= 20);
}

BOOST_AUTO_TEST_CASE(characters_sharing_a_glyph_keep_codes_of_their_own) {
  const SubsetFont s = font().subset(U"-a\u2010\u2011");
  BOOST_REQUIRE(s.codes.size() == 4u);
  const uint16_t hyphen = s.code_of(U'-'), a = s.code_of(U'a'), h2010 = s.code_of(U'\u2010'),
                 h2011 = s.code_of(U'\u2011');
  BOOST_TEST((std::set<uint16_t>{hyphen, a, h2010, h2011}.size() == 4u));
  BOOST_REQUIRE(!s.cid_to_gid.empty());
  BOOST_TEST(s.cid_to_gid[h2010] == hyphen);  // the first of them draws with its glyph id
  BOOST_TEST(s.cid_to_gid[h2011] == hyphen);
  BOOST_TEST(s.cid_to_gid[a] == a);
  // Without a shared glyph, every code is its glyph id: no map.
  BOOST_TEST(font().subset(U"-a").cid_to_gid.empty());
}

BOOST_AUTO_TEST_CASE(a_character_the_font_lacks_draws_as_geta_which_the_subset_then_has) {
  const SubsetFont s = font().subset(U"a\U0001F600");  // outside the basic plane: not in the font
  BOOST_TEST((s.chars == U"a〓"));
  BOOST_TEST(static_cast<unsigned>(s.code_of(U'\U0001F600')) == static_cast<unsigned>(s.code_of(U'〓')));
  BOOST_TEST(static_cast<unsigned>(s.code_of(U'〓')) != 0u);
  BOOST_TEST((font().subset(U"ab").chars == U"ab"));  // nothing lacking: no 〓
  BOOST_TEST(static_cast<unsigned>(font().subset(U"a").code_of(U'b')) == 0u);
}

BOOST_AUTO_TEST_CASE(the_subset_holds_only_the_glyphs_of_its_characters) {
  // In IPAex Gothic, 署 and 者 have variation sequences to two more glyphs: not kept.
  const HbFont sub(font().subset(U"あ者署").bytes);
  BOOST_TEST(hb_face_get_glyph_count(sub.face) == 4u);  // and .notdef
}

BOOST_AUTO_TEST_CASE(the_subset_names_only_what_libharu_reads) {
  const HbFont sub(font().subset(U"あ").bytes);
  unsigned n = 0;
  const hb_ot_name_entry_t* names = hb_ot_name_list_names(sub.face, &n);
  std::set<unsigned> ids;
  for (unsigned i = 0; i < n; ++i) ids.insert(names[i].name_id);
  BOOST_TEST((ids == std::set<unsigned>{2, 6}));
}

BOOST_AUTO_TEST_SUITE_END()
