// The drawing surface (reports/pdf_canvas.hpp): the text of random characters comes back out
// of the PDF as drawn (poppler's pdftotext, an independent reader of the font's ToUnicode
// map), and the font's objects are the few a reader needs.
#include <boost/test/unit_test.hpp>
#include <cstdio>
#include <algorithm>
#include <cstdlib>
#include <fstream>
#include <iterator>
#include <random>
#include <regex>
#include <set>

#include "engine/utf8.hpp"
#include "reports/font.hpp"
#include "reports/pdf_canvas.hpp"
#include "tests/testutil.hpp"

using namespace careermap;

namespace {

const FontSource& font() {
  static const FontSource f("/usr/share/fonts/opentype/ipaexfont-gothic/ipaexg.ttf");
  return f;
}

std::string utf8(char32_t c) {
  std::string s;
  if (c < 0x80) {
    s += static_cast<char>(c);
  } else if (c < 0x800) {
    s += static_cast<char>(0xC0 | (c >> 6));
    s += static_cast<char>(0x80 | (c & 0x3F));
  } else {
    s += static_cast<char>(0xE0 | (c >> 12));
    s += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
    s += static_cast<char>(0x80 | (c & 0x3F));
  }
  return s;
}

// The PDF of `lines`, one a line, 50 a page, each character in the subset.
std::string pdf_of(const std::vector<std::string>& lines) {
  std::set<char32_t> chars{U'〓'};
  for (const auto& l : lines) for_each_char(l, [&](char32_t c, std::string_view) { chars.insert(c); });
  const SubsetFont subset = font().subset(std::u32string(chars.begin(), chars.end()));
  PdfCanvas pdf(subset);
  for (size_t l = 0; l < lines.size(); ++l) {
    if (l % 50 == 0) pdf.new_page(595, 842);
    pdf.text(20, 30 + 14 * static_cast<double>(l % 50), lines[l], 9, {});
  }
  return pdf.bytes();
}

std::string pdftotext(const std::string& pdf) {
  test::TempDir dir;
  const auto path = dir.path() / "t.pdf";
  std::ofstream(path, std::ios::binary) << pdf;
  FILE* p = popen(("pdftotext -raw " + path.string() + " - 2>&1").c_str(), "r");
  BOOST_REQUIRE(p);
  std::string out;
  char buf[4096];
  size_t n;
  while ((n = fread(buf, 1, sizeof buf, p)) > 0) out.append(buf, n);
  BOOST_REQUIRE(pclose(p) == 0);
  return out;
}

// The PDF with its objects out of the object stream, as plain text (qpdf; the streams as
// they were, compressed), for looking at its dictionaries.
std::string plain(const std::string& pdf) {
  test::TempDir dir;
  const auto in = dir.path() / "in.pdf", out = dir.path() / "out.pdf";
  std::ofstream(in, std::ios::binary) << pdf;
  BOOST_REQUIRE(std::system(("qpdf --object-streams=disable --stream-data=preserve " + in.string() + " " +
                             out.string()).c_str()) == 0);
  std::ifstream f(out, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(f), {});
}

}  // namespace

BOOST_AUTO_TEST_SUITE(pdf_canvas)

BOOST_AUTO_TEST_CASE(random_characters_come_back_out_of_the_pdf_as_drawn) {
  // Letters, kana, kanji and signs (codes below and past 0x100, and three characters this
  // font draws with one glyph), in random lines.
  std::vector<char32_t> pool{U'-', U'\u2010', U'\u2011', U'〓'};
  for (char32_t c = 0x21; c < 0x7F; ++c) pool.push_back(c);
  for (char32_t c = 0x3041; c < 0x3097; ++c) pool.push_back(c);
  for (char32_t c = 0x30A1; c < 0x30FB; ++c) pool.push_back(c);
  for (char32_t c = 0x4E00; c < 0x5200; ++c) pool.push_back(c);
  std::sort(pool.begin(), pool.end());
  const std::u32string drawn = font().subset(std::u32string(pool.begin(), pool.end())).chars;  // those the font has
  pool.assign(drawn.begin(), drawn.end());
  BOOST_REQUIRE(pool.size() > 600u);
  std::mt19937_64 rng(2026);
  for (int doc = 0; doc < 4; ++doc) {
    std::vector<std::string> lines;
    for (int l = 0; l < 70; ++l) {
      std::string line;
      const size_t n = 1 + rng() % 50;
      for (size_t k = 0; k < n; ++k) line += utf8(pool[rng() % pool.size()]);
      lines.push_back(line);
    }
    std::string expected;
    for (size_t l = 0; l < lines.size(); ++l) expected += lines[l] + (l % 50 == 49 ? "\n\f" : "\n");
    const std::string text = pdftotext(pdf_of(lines));
    BOOST_TEST(text == expected + "\f", "document " << doc);
  }
}

BOOST_AUTO_TEST_CASE(the_font_has_an_identity_map_unless_characters_share_a_glyph) {
  const std::string plain = ::plain(pdf_of({"改善キャリアマップ abc"}));
  BOOST_TEST(plain.find("/FontFile2") != std::string::npos);
  BOOST_TEST(plain.find("/CIDToGIDMap /Identity") != std::string::npos);
  // libharu's own UTF-8 CMap is rewritten as the ToUnicode map, not left unused beside it.
  BOOST_TEST(plain.find("/CMapName") == std::string::npos);
  BOOST_TEST(std::regex_search(plain, std::regex("/ToUnicode [0-9]+ 0 R")));
  const std::string shared = ::plain(pdf_of({"a-b\u2010c\u2011"}));
  BOOST_TEST(shared.find("/CIDToGIDMap /Identity") == std::string::npos);
  BOOST_TEST(std::regex_search(shared, std::regex("/CIDToGIDMap [0-9]+ 0 R")));
  BOOST_TEST(pdftotext(pdf_of({"a-b\u2010c\u2011"})) == "a-b\u2010c\u2011\n\f");
}

BOOST_AUTO_TEST_CASE(a_page_names_its_font_and_no_proc_set) {
  const std::string pdf = plain(pdf_of({"一", "二"}));
  BOOST_TEST(pdf.find("/Type /Page") != std::string::npos);
  BOOST_TEST(pdf.find("/ProcSet") == std::string::npos);
  BOOST_TEST(std::regex_search(pdf, std::regex("/Resources\\s*<<\\s*/Font\\s*<<\\s*/F1 [0-9]+ 0 R\\s*>>\\s*>>")));
}

BOOST_AUTO_TEST_SUITE_END()
