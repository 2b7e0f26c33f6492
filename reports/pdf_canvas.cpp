#include "reports/pdf_canvas.hpp"

#include <hpdf.h>
#include <hpdf_font.h>
#include <hpdf_fontdef.h>
#include <hpdf_objects.h>
#include <hpdf_streams.h>
#include <sys/mman.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <vector>

#include "engine/date.hpp"
#include "engine/diagnostic.hpp"
#include "engine/utf8.hpp"
#include "engine/messages.hpp"
#include "reports/pdf_write.hpp"

namespace careermap {
namespace {

void on_error(HPDF_STATUS error_no, HPDF_STATUS detail_no, void* user) {
  auto* last = static_cast<std::string*>(user);
  char buf[64];
  std::snprintf(buf, sizeof buf, "libharu error 0x%04X (detail %u)", static_cast<unsigned>(error_no),
                static_cast<unsigned>(detail_no));
  *last = buf;
}

}  // namespace

struct PdfCanvas::Impl {
  HPDF_Doc doc = nullptr;
  HPDF_Page page = nullptr;
  HPDF_Font font = nullptr;
  double height = 0;
  std::string last_error;
  std::string font_path;
  int font_fd = -1;
  const SubsetFont* subset = nullptr;

  ~Impl() {
    if (doc) HPDF_Free(doc);
    if (font_fd >= 0) ::close(font_fd);
  }

  // The one place a libharu failure becomes careermap::Error (at the font's file).
  [[noreturn]] void fail(const std::string& message) const { throw Error(Location{font_path, 0, 0}, "", message); }
  // Throws when libharu recorded an error since the last check.
  void check(const char* what) {
    if (last_error.empty() && (!doc || HPDF_GetError(doc) == HPDF_OK)) return;
    std::string msg = std::string("PDF: ") + what + ": " + last_error;
    last_error.clear();
    HPDF_ResetError(doc);
    fail(msg);
  }
  void color_fill(Color c) { HPDF_Page_SetRGBFill(page, c.r, c.g, c.b); }
  void color_stroke(Color c) { HPDF_Page_SetRGBStroke(page, c.r, c.g, c.b); }
  double y(double top) const { return height - top; }
};

PdfCanvas::PdfCanvas(const SubsetFont& font) : impl_(std::make_unique<Impl>()) {
  impl_->font_path = font.name;
  impl_->subset = &font;
  // libharu 2.3.0 loads fonts only from a path: give it an anonymous in-memory file.
  impl_->font_fd = ::memfd_create("careermap-font", MFD_CLOEXEC);
  if (impl_->font_fd < 0 || ::write(impl_->font_fd, font.bytes.data(), font.bytes.size()) !=
                                static_cast<ssize_t>(font.bytes.size()))
    impl_->fail(trf("cannot stage the font: {value}", {{"value", std::string(std::strerror(errno))}}));
  const std::string path = "/proc/self/fd/" + std::to_string(impl_->font_fd);
  impl_->doc = HPDF_New(on_error, &impl_->last_error);
  if (!impl_->doc) impl_->fail(tr("PDF: cannot create a document"));
  HPDF_SetCompressionMode(impl_->doc, HPDF_COMP_ALL);
  HPDF_UseUTFEncodings(impl_->doc);
  HPDF_SetCurrentEncoder(impl_->doc, "UTF-8");
  const char* name = HPDF_LoadTTFontFromFile(impl_->doc, path.c_str(), HPDF_TRUE);
  if (!name) impl_->fail(tr("PDF: cannot load the font"));
  impl_->font = HPDF_GetFont(impl_->doc, name, "UTF-8");
  impl_->check("font");
  set_to_unicode();
  embed_font();
}

PdfCanvas::~PdfCanvas() = default;

namespace {

// The ToUnicode CMap that sends each of the subset's codes back to its character: ranges of
// consecutive codes with the list of their characters, and single codes.
std::string to_unicode_cmap(const SubsetFont& f) {
  std::vector<std::pair<uint16_t, char32_t>> code_char;
  for (size_t i = 0; i < f.chars.size(); ++i) code_char.emplace_back(f.codes[i], f.chars[i]);
  std::sort(code_char.begin(), code_char.end());
  std::string ranges, singles;
  size_t n_ranges = 0, n_singles = 0;
  char buf[48];
  auto flush = [](std::string& cmap, std::string& part, size_t& n, const char* what) {
    if (n == 0) return;
    cmap += std::to_string(n) + " begin" + what + "\n" + part + "end" + what + "\n";
    part.clear();
    n = 0;
  };
  std::string body;
  for (size_t i = 0; i < code_char.size();) {
    // A run of consecutive codes that differ in the last byte only: one range with the
    // list of its characters (the codes themselves are not repeated).
    size_t j = i + 1;
    while (j < code_char.size() && code_char[j].first == code_char[j - 1].first + 1 && (code_char[j].first & 0xFF) != 0)
      ++j;
    if (j - i > 1) {
      std::snprintf(buf, sizeof buf, "<%04X><%04X>[", static_cast<unsigned>(code_char[i].first),
                    static_cast<unsigned>(code_char[j - 1].first));
      ranges += buf;
      for (size_t k = i; k < j; ++k) {
        std::snprintf(buf, sizeof buf, "<%04X>", static_cast<unsigned>(code_char[k].second));
        ranges += buf;
      }
      ranges += "]\n";
      if (++n_ranges == 100) flush(body, ranges, n_ranges, "bfrange");
    } else {
      std::snprintf(buf, sizeof buf, "<%04X><%04X>\n", static_cast<unsigned>(code_char[i].first),
                    static_cast<unsigned>(code_char[i].second));
      singles += buf;
      if (++n_singles == 100) flush(body, singles, n_singles, "bfchar");
    }
    i = j;
  }
  flush(body, ranges, n_ranges, "bfrange");
  flush(body, singles, n_singles, "bfchar");
  return
      "/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n"
      "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n"
      "/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n"
      "1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n" +
      body + "endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n";
}

}  // namespace

// libharu writes a ToUnicode CMap with a cidrange, which readers reject, and a CIDToGIDMap
// for all 65,536 codes. With UTF-8 encoding its character codes are the code points it is
// given: here the subset's codes, which are glyph ids (font.hpp), so the map is /Identity
// unless two characters share a glyph. libharu's two streams are rewritten in place (no
// object left unused but the emptied map): the ToUnicode map sends each code back to its
// character, as ranges of consecutive codes with the list of their characters.
void PdfCanvas::set_to_unicode() {
  const SubsetFont& f = *impl_->subset;
  const std::string cmap = to_unicode_cmap(f);
  // libharu's ToUnicode stream (its UTF-8 CMap), rewritten.
  const auto attr = static_cast<HPDF_FontAttr>(impl_->font->attr);
  HPDF_Dict stream = attr->cmap_stream, map = attr->map_stream, cid_font = attr->descendant_font;
  if (!stream || !map || !cid_font) impl_->fail(tr("PDF: cannot load the font"));
  for (const char* key : {"Type", "CMapName", "CIDSystemInfo", "WMode"}) HPDF_Dict_RemoveElement(stream, key);
  HPDF_MemStream_FreeData(stream->stream);
  HPDF_Stream_Write(stream->stream, reinterpret_cast<const HPDF_BYTE*>(cmap.data()), static_cast<HPDF_UINT>(cmap.size()));
  HPDF_MemStream_FreeData(map->stream);
  if (f.cid_to_gid.empty()) {
    HPDF_Dict_AddName(cid_font, "CIDToGIDMap", "Identity");
  } else {
    std::string bytes;
    for (uint16_t g : f.cid_to_gid) {
      bytes.push_back(static_cast<char>(g >> 8));
      bytes.push_back(static_cast<char>(g & 0xFF));
    }
    HPDF_Stream_Write(map->stream, reinterpret_cast<const HPDF_BYTE*>(bytes.data()), static_cast<HPDF_UINT>(bytes.size()));
  }
  impl_->check("ToUnicode");
}

// The font's descriptor and font file, made before libharu would: libharu then neither
// copies the font table by table (4 KB blocks, seeking) nor compresses it. The file is the
// subset's embedded program as it is (at 1024 units per em; libharu measured `bytes`, so the
// widths and the descriptor's numbers are the source font's); the entries are those libharu
// writes.
void PdfCanvas::embed_font() {
  HPDF_Doc doc = impl_->doc;
  const auto attr = static_cast<HPDF_FontAttr>(impl_->font->attr);
  HPDF_FontDef def = attr->fontdef;
  const auto tt = static_cast<HPDF_TTFontDefAttr>(def->attr);
  const std::string& bytes = impl_->subset->embedded;
  HPDF_Dict file = HPDF_DictStream_New(doc->mmgr, doc->xref);
  HPDF_Dict descriptor = HPDF_Dict_New(doc->mmgr);
  if (!file || !descriptor || HPDF_Xref_Add(doc->xref, descriptor) != HPDF_OK) impl_->check("font file");
  file->filter = HPDF_STREAM_FILTER_FLATE_DECODE;
  HPDF_STATUS ret = HPDF_Stream_Write(file->stream, reinterpret_cast<const HPDF_BYTE*>(bytes.data()),
                                      static_cast<HPDF_UINT>(bytes.size()));
  ret += HPDF_Dict_AddNumber(file, "Length1", static_cast<HPDF_INT32>(bytes.size()));
  ret += HPDF_Dict_AddName(descriptor, "Type", "FontDescriptor");
  ret += HPDF_Dict_AddNumber(descriptor, "Ascent", def->ascent);
  ret += HPDF_Dict_AddNumber(descriptor, "Descent", def->descent);
  ret += HPDF_Dict_AddNumber(descriptor, "Flags", static_cast<HPDF_INT32>(def->flags));
  ret += HPDF_Dict_Add(descriptor, "FontBBox", HPDF_Box_Array_New(doc->mmgr, def->font_bbox));
  ret += HPDF_Dict_Add(descriptor, "FontFile2", file);
  ret += HPDF_Dict_AddName(descriptor, "FontName", tt->base_font);
  ret += HPDF_Dict_AddNumber(descriptor, "ItalicAngle", def->italic_angle);
  ret += HPDF_Dict_AddNumber(descriptor, "StemV", def->stemv);
  ret += HPDF_Dict_AddNumber(descriptor, "XHeight", def->x_height);
  if (ret != HPDF_OK) impl_->check("font file");
  def->descriptor = descriptor;
  impl_->check("font file");
}

// Every stream libharu would compress, compressed here instead (libdeflate, level 9: about
// half zlib's time, and smaller) and left for libharu to write as it is.
void PdfCanvas::compress_streams() {
  // The font's two streams of libharu's take the filter of their font when written: the
  // fonts' is none, and the streams' is set here (an empty map stays as it is).
  const auto attr = static_cast<HPDF_FontAttr>(impl_->font->attr);
  for (HPDF_Dict font : {impl_->font, attr->descendant_font}) font->filter = HPDF_STREAM_FILTER_NONE;
  for (HPDF_Dict stream : {attr->cmap_stream, attr->map_stream})
    if (stream) stream->filter = stream->stream->size ? HPDF_STREAM_FILTER_FLATE_DECODE : HPDF_STREAM_FILTER_NONE;
  HPDF_Xref xref = impl_->doc->xref;
  std::string raw;
  for (HPDF_UINT i = 0; i < xref->entries->count; ++i) {
    auto* obj = static_cast<HPDF_Obj_Header*>(HPDF_Xref_GetEntry(xref, i)->obj);
    if (!obj || (obj->obj_class & HPDF_OCLASS_ANY) != HPDF_OCLASS_DICT) continue;
    auto dict = reinterpret_cast<HPDF_Dict>(obj);
    if (!dict->stream || !(dict->filter & HPDF_STREAM_FILTER_FLATE_DECODE) || dict->write_fn) continue;
    raw.clear();
    for (HPDF_UINT k = 0; k < HPDF_MemStream_GetBufCount(dict->stream); ++k) {
      HPDF_UINT len = 0;
      const HPDF_BYTE* p = HPDF_MemStream_GetBufPtr(dict->stream, k, &len);
      raw.append(reinterpret_cast<const char*>(p), len);
    }
    raw.resize(dict->stream->size);
    const std::string packed = deflate(raw);
    if (packed.empty()) impl_->fail(tr("PDF: cannot compress (out of memory)"));
    HPDF_MemStream_FreeData(dict->stream);
    HPDF_STATUS ret = HPDF_Stream_Write(dict->stream, reinterpret_cast<const HPDF_BYTE*>(packed.data()),
                                        static_cast<HPDF_UINT>(packed.size()));
    // libharu drops a /Filter entry from a stream it does not compress itself: the entry is
    // written by the dictionary's own writer instead.
    dict->filter = HPDF_STREAM_FILTER_NONE;
    dict->write_fn = [](HPDF_Dict, HPDF_Stream out) { return HPDF_Stream_WriteStr(out, "/Filter /FlateDecode\012"); };
    if (ret != HPDF_OK) impl_->check("compress");
  }
}

std::string PdfCanvas::encode(std::string_view utf8) const {
  std::string out;
  out.reserve(utf8.size());
  for_each_char(utf8, [&](char32_t c, std::string_view) {
    if (c == '\t' || c == '\n' || c == '\r') c = ' ';
    const char32_t code = impl_->subset->code_of(c);
    if (code == 0) return;
    // libharu reads the code back from its UTF-8 form (any code below 0x10000, unchecked).
    if (code < 0x80) {
      out.push_back(static_cast<char>(code));
    } else if (code < 0x800) {
      out.push_back(static_cast<char>(0xC0 | (code >> 6)));
      out.push_back(static_cast<char>(0x80 | (code & 0x3F)));
    } else {
      out.push_back(static_cast<char>(0xE0 | (code >> 12)));
      out.push_back(static_cast<char>(0x80 | ((code >> 6) & 0x3F)));
      out.push_back(static_cast<char>(0x80 | (code & 0x3F)));
    }
  });
  return out;
}

void PdfCanvas::set_info(const DocumentInfo& info) {
  HPDF_SetInfoAttr(impl_->doc, HPDF_INFO_TITLE, info.title.c_str());
  HPDF_SetInfoAttr(impl_->doc, HPDF_INFO_SUBJECT, info.subject.c_str());
  if (!info.author.empty()) HPDF_SetInfoAttr(impl_->doc, HPDF_INFO_AUTHOR, info.author.c_str());
  HPDF_SetInfoAttr(impl_->doc, HPDF_INFO_CREATOR, "careermap");
  if (const auto d = parse_date(info.date)) {
    HPDF_Date date{d->year, static_cast<HPDF_INT>(d->month), static_cast<HPDF_INT>(d->day), 0, 0, 0, 'Z', 0, 0};
    HPDF_SetInfoDateAttr(impl_->doc, HPDF_INFO_CREATION_DATE, date);
  } else if (!info.date.empty()) {
    throw Error(
        {"", 0, 0}, "date",
        trf("'{value}' is not {date_form}", {{"value", std::string(info.date.substr(0, 40))},
                                             {"date_form", std::string(kDateForm)}}));
  }
  impl_->check("document info");
}

void PdfCanvas::new_page(double width, double height) {
  impl_->page = HPDF_AddPage(impl_->doc);
  if (!impl_->page) {  // libharu says why, or not: never draw on no page
    impl_->check("new page");
    impl_->fail(tr("PDF: new page: libharu gave no page"));
  }
  // /ProcSet is obsolete (readers ignore it since PDF 1.4): libharu's five names go.
  if (auto* resources = static_cast<HPDF_Dict>(HPDF_Dict_GetItem(impl_->page, "Resources", HPDF_OCLASS_DICT)))
    HPDF_Dict_RemoveElement(resources, "ProcSet");
  HPDF_Page_SetWidth(impl_->page, static_cast<HPDF_REAL>(width));
  HPDF_Page_SetHeight(impl_->page, static_cast<HPDF_REAL>(height));
  impl_->height = height;
  impl_->check("page");
}

void PdfCanvas::text(double x, double y, std::string_view utf8, double size, Color color) {
  const std::string s = encode(utf8);
  if (s.empty()) return;
  HPDF_Page page = impl_->page;
  impl_->color_fill(color);
  HPDF_Page_BeginText(page);
  HPDF_Page_SetFontAndSize(page, impl_->font, static_cast<HPDF_REAL>(size));
  HPDF_Page_TextOut(page, static_cast<HPDF_REAL>(x), static_cast<HPDF_REAL>(impl_->y(y)), s.c_str());
  HPDF_Page_EndText(page);
  impl_->check("text");
}

void PdfCanvas::fill_rect(double x, double y, double w, double h, Color fill) {
  impl_->color_fill(fill);
  HPDF_Page_Rectangle(impl_->page, x, impl_->y(y + h), w, h);
  HPDF_Page_Fill(impl_->page);
  impl_->check("rectangle");
}

void PdfCanvas::stroke_rect(double x, double y, double w, double h, Color stroke, double line_width) {
  impl_->color_stroke(stroke);
  HPDF_Page_SetLineWidth(impl_->page, line_width);
  HPDF_Page_Rectangle(impl_->page, x, impl_->y(y + h), w, h);
  HPDF_Page_Stroke(impl_->page);
  impl_->check("rectangle");
}

void PdfCanvas::line(double x1, double y1, double x2, double y2, Color stroke, double line_width,
                     bool dashed) {
  HPDF_Page page = impl_->page;
  impl_->color_stroke(stroke);
  HPDF_Page_SetLineWidth(page, line_width);
  const HPDF_UINT16 pattern[] = {4, 3};
  HPDF_Page_SetDash(page, dashed ? pattern : nullptr, dashed ? 2 : 0, 0);
  HPDF_Page_MoveTo(page, x1, impl_->y(y1));
  HPDF_Page_LineTo(page, x2, impl_->y(y2));
  HPDF_Page_Stroke(page);
  if (dashed) HPDF_Page_SetDash(page, nullptr, 0, 0);
  impl_->check("line");
}

void PdfCanvas::circle(double cx, double cy, double r, Color fill, Color stroke, double line_width) {
  impl_->color_fill(fill);
  impl_->color_stroke(stroke);
  HPDF_Page_SetLineWidth(impl_->page, line_width);
  HPDF_Page_Circle(impl_->page, cx, impl_->y(cy), r);
  HPDF_Page_FillStroke(impl_->page);
  impl_->check("circle");
}

void PdfCanvas::fill_triangle(double x1, double y1, double x2, double y2, double x3, double y3,
                              Color fill) {
  HPDF_Page page = impl_->page;
  impl_->color_fill(fill);
  HPDF_Page_MoveTo(page, x1, impl_->y(y1));
  HPDF_Page_LineTo(page, x2, impl_->y(y2));
  HPDF_Page_LineTo(page, x3, impl_->y(y3));
  HPDF_Page_ClosePath(page);
  HPDF_Page_Fill(page);
  impl_->check("triangle");
}

std::string PdfCanvas::bytes() {
  compress_streams();
  std::string out;
  if (!write_pdf15(impl_->doc, out)) {
    impl_->check("write");
    impl_->fail(tr("PDF: cannot compress (out of memory)"));
  }
  return out;
}

}  // namespace careermap
