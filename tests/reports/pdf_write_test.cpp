// The PDF 1.5 writer (reports/pdf_write.hpp), read back with qpdf (an independent reader):
// documents of random pages are whole (qpdf finds no problem and decodes every stream), every
// object but the streams is in the one object stream, the cross-reference stream finds every
// object, the same document gives the same bytes, and the font program embedded is the
// subset's at 1024 units per em while the widths stay the source font's.
#define POINTERHOLDER_TRANSITION 4  // qpdf 11: use std::shared_ptr only
#include <qpdf/Buffer.hh>
#include <qpdf/QPDF.hh>
#include <qpdf/QPDFObjectHandle.hh>
#include <qpdf/QPDFXRefEntry.hh>

#include <boost/test/unit_test.hpp>
#include <random>
#include <set>

#include "reports/font.hpp"
#include "reports/pdf_canvas.hpp"
#include "reports/pdf_write.hpp"
#include "reports/sfnt.hpp"

using namespace careermap;

namespace {

const FontSource& font() {
  static const FontSource f("/usr/share/fonts/opentype/ipaexfont-gothic/ipaexg.ttf");
  return f;
}

const std::u32string kChars = U"改善キャリアマップの場面職場地域abcdefgXYZ0123456789 ()、。〓";

std::string utf8(const std::u32string& s) {
  std::string out;
  for (char32_t c : s) {
    if (c < 0x80) {
      out += static_cast<char>(c);
    } else if (c < 0x800) {
      out += static_cast<char>(0xC0 | (c >> 6));
      out += static_cast<char>(0x80 | (c & 0x3F));
    } else {
      out += static_cast<char>(0xE0 | (c >> 12));
      out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
      out += static_cast<char>(0x80 | (c & 0x3F));
    }
  }
  return out;
}

// A document of `pages` pages of random text, boxes, lines and circles.
std::string random_pdf(const SubsetFont& subset, int pages, uint64_t seed) {
  std::mt19937_64 rng(seed);
  PdfCanvas pdf(subset);
  pdf.set_info({"題名 title", "subject", "", "2026-07-01"});
  for (int p = 0; p < pages; ++p) {
    pdf.new_page(842, 595);
    for (int k = 0; k < 40; ++k) {
      std::u32string line;
      for (size_t n = 1 + rng() % 30; n; --n) line += kChars[rng() % kChars.size()];
      const double x = static_cast<double>(rng() % 700), y = 20 + static_cast<double>(rng() % 560);
      switch (rng() % 4) {
        case 0: pdf.text(x, y, utf8(line), 6 + static_cast<double>(rng() % 20), {0.2, 0.3, 0.4}); break;
        case 1: pdf.fill_rect(x, y, 30, 10, {0.5, 0.6, 0.7}); break;
        case 2: pdf.line(x, y, x + 40, y + 5, {0, 0, 0}, 0.5, rng() % 2); break;
        default: pdf.circle(x, y, 5, {1, 1, 1}, {0, 0, 0}, 0.8); break;
      }
    }
  }
  return pdf.bytes();
}

}  // namespace

BOOST_AUTO_TEST_SUITE(pdf_write)

BOOST_AUTO_TEST_CASE(every_object_but_the_streams_is_in_the_one_object_stream_and_qpdf_reads_them_all) {
  const SubsetFont subset = font().subset(kChars);
  for (int pages = 1; pages <= 6; ++pages) {
    BOOST_TEST_CONTEXT(pages << " pages") {
      const std::string bytes = random_pdf(subset, pages, static_cast<uint64_t>(pages));
      BOOST_TEST(bytes.rfind("%PDF-1.5\n", 0) == 0u);
      BOOST_TEST(bytes.size() - bytes.rfind("%%EOF\n") == 6u);
      BOOST_TEST((bytes == random_pdf(subset, pages, static_cast<uint64_t>(pages))));  // the same bytes again
      QPDF q;
      q.setSuppressWarnings(true);
      q.setAttemptRecovery(false);  // a broken cross-reference stream fails instead of being rebuilt
      q.processMemoryFile("t.pdf", bytes.data(), bytes.size());
      std::set<int> object_streams;
      int streams = 0, compressed = 0;
      for (const auto& [og, entry] : q.getXRefTable()) {
        QPDFObjectHandle h = q.getObjectByObjGen(og);
        BOOST_TEST(og.getGen() == 0);
        if (h.isStream()) {
          BOOST_TEST(entry.getType() == 1);
          const auto data = h.getStreamData(qpdf_dl_generalized);  // every stream decodes
          BOOST_TEST(data->getSize() > 0u);
          ++streams;
        } else {
          BOOST_TEST(entry.getType() == 2);
          object_streams.insert(entry.getObjStreamNumber());
          ++compressed;
        }
      }
      BOOST_TEST(object_streams.size() == 1u);
      BOOST_TEST(q.getObjectByID(*object_streams.begin(), 0).getDict().getKey("/Type").getName() == "/ObjStm");
      // Content per page, ToUnicode, CIDToGIDMap (libharu's, unused and empty when the map is
      // /Identity), font file, the object and cross-reference streams.
      BOOST_TEST(streams == pages + 5);
      BOOST_TEST(compressed > 10);
      BOOST_TEST(q.getAllPages().size() == static_cast<size_t>(pages));
      BOOST_TEST(q.getRoot().getKey("/Type").getName() == "/Catalog");
      BOOST_TEST(q.getTrailer().getKey("/Info").getKey("/Subject").getUTF8Value() == "subject");
      BOOST_TEST(q.getTrailer().getKey("/Info").getKey("/Title").getUTF8Value() == "題名 title");
      BOOST_TEST(q.getWarnings().empty());
    }
  }
}

BOOST_AUTO_TEST_CASE(the_font_program_is_the_subset_at_1024_units_and_the_widths_the_sources) {
  const SubsetFont subset = font().subset(kChars);
  const std::string bytes = random_pdf(subset, 1, 7);
  QPDF q;
  q.setSuppressWarnings(true);
  q.processMemoryFile("t.pdf", bytes.data(), bytes.size());
  QPDFObjectHandle page = q.getAllPages().at(0);
  QPDFObjectHandle cid = page.getKey("/Resources").getKey("/Font").getKey("/F1").getKey(
      "/DescendantFonts").getArrayItem(0);
  QPDFObjectHandle file = cid.getKey("/FontDescriptor").getKey("/FontFile2");
  const auto program = file.getStreamData(qpdf_dl_generalized);
  const std::string embedded(reinterpret_cast<const char*>(program->getBuffer()), program->getSize());
  BOOST_TEST((embedded == subset.embedded));
  BOOST_TEST(file.getDict().getKey("/Length1").getIntValue() == static_cast<long long>(embedded.size()));
  for (const auto& t : sfnt::tables(embedded, "t"))
    if (t.tag == sfnt::tag("head")) BOOST_TEST(sfnt::u16(t.data, 18) == 1024u);
  // /W [first [w w ...]]: each code's width as FontSource measures it, from 2048 units per em.
  QPDFObjectHandle w = cid.getKey("/W");
  BOOST_REQUIRE(w.getArrayNItems() == 2);
  const int first = w.getArrayItem(0).getIntValueAsInt();
  QPDFObjectHandle widths = w.getArrayItem(1);
  int checked = 0;
  for (char32_t c : subset.chars) {
    const int code = static_cast<int>(subset.code_of(c));
    if (code < first || code - first >= widths.getArrayNItems()) {
      BOOST_TEST(font().width(c) == cid.getKey("/DW").getIntValueAsInt(), "code " << code);  // the default
      continue;
    }
    BOOST_TEST(widths.getArrayItem(code - first).getIntValueAsInt() == font().width(c), "code " << code);
    ++checked;
  }
  BOOST_TEST(checked >= 20);
}

BOOST_AUTO_TEST_SUITE_END()
