#include "reports/pdf_write.hpp"

#include <hpdf.h>
#include <hpdf_doc.h>
#include <hpdf_objects.h>
#include <hpdf_streams.h>
#include <libdeflate.h>

#include <algorithm>
#include <memory>
#include <vector>

namespace careermap {

std::string deflate(std::string_view raw) {
  struct Free {
    void operator()(libdeflate_compressor* c) const { libdeflate_free_compressor(c); }
  };
  thread_local std::unique_ptr<libdeflate_compressor, Free> compressor(libdeflate_alloc_compressor(9));
  if (!compressor) return {};
  std::string packed(libdeflate_zlib_compress_bound(compressor.get(), raw.size()), '\0');
  packed.resize(libdeflate_zlib_compress(compressor.get(), raw.data(), raw.size(), packed.data(), packed.size()));
  return packed;
}

namespace {

uint32_t id_of(const void* obj) { return static_cast<const HPDF_Obj_Header*>(obj)->obj_id & 0x00FFFFFF; }

bool is_stream(const void* obj) {
  const auto* h = static_cast<const HPDF_Obj_Header*>(obj);
  return (h->obj_class & HPDF_OCLASS_ANY) == HPDF_OCLASS_DICT && static_cast<const _HPDF_Dict_Rec*>(obj)->stream;
}

// libharu's writer of one object's value, into a string.
class Writer {
 public:
  explicit Writer(HPDF_MMgr mmgr) : stream_(HPDF_CallbackWriter_New(mmgr, &Writer::append, nullptr)) {
    if (stream_) stream_->attr = &text_;
  }
  ~Writer() {
    if (stream_) HPDF_Stream_Free(stream_);
  }
  Writer(const Writer&) = delete;
  Writer& operator=(const Writer&) = delete;
  // The value of `obj` appended to `out`; false on a libharu error.
  bool value(void* obj, std::string& out) {
    text_.clear();
    if (!stream_ || HPDF_Obj_WriteValue(obj, stream_, nullptr) != HPDF_OK) return false;
    out += text_;
    return true;
  }

 private:
  static HPDF_STATUS append(HPDF_Stream stream, const HPDF_BYTE* p, HPDF_UINT n) {
    static_cast<std::string*>(stream->attr)->append(reinterpret_cast<const char*>(p), n);
    return HPDF_OK;
  }
  std::string text_;
  HPDF_Stream stream_;
};

void put_be(std::string& s, size_t v, int bytes) {
  for (int k = bytes - 1; k >= 0; --k) s.push_back(static_cast<char>((v >> (8 * k)) & 0xFF));
}

}  // namespace

bool write_pdf15(_HPDF_Doc_Rec* doc, std::string& out) {
  HPDF_Xref xref = doc->xref;
  Writer writer(doc->mmgr);
  const size_t start = out.size();
  out += "%PDF-1.5\012%\267\276\255\252\012";
  // Each entry of the cross-reference stream: type (1 in the file, 2 in the object stream),
  // then the offset, or the object stream and the index in it.
  struct Entry {
    int type = 0;
    size_t field2 = 0, field3 = 0;
  };
  std::vector<Entry> entries(xref->entries->count + 2);
  // The streams first: writing one sets its /Length object, which goes in the object stream.
  for (HPDF_UINT i = 1; i < xref->entries->count; ++i) {
    void* obj = HPDF_Xref_GetEntry(xref, i)->obj;
    if (!obj || !is_stream(obj)) continue;
    entries[i] = {1, out.size() - start, 0};
    out += std::to_string(i) + " 0 obj\012";
    if (!writer.value(obj, out)) return false;
    out += "\012endobj\012";
  }
  const size_t objstm = xref->entries->count, xref_id = objstm + 1;
  std::string offsets, objects;
  size_t index = 0;
  for (HPDF_UINT i = 1; i < xref->entries->count; ++i) {
    void* obj = HPDF_Xref_GetEntry(xref, i)->obj;
    if (!obj || is_stream(obj)) continue;
    entries[i] = {2, objstm, index++};
    offsets += std::to_string(i) + ' ' + std::to_string(objects.size()) + ' ';
    if (!writer.value(obj, objects)) return false;
    objects += '\012';
  }
  const std::string packed = deflate(offsets + objects);
  if (packed.empty()) return false;
  entries[objstm] = {1, out.size() - start, 0};
  out += std::to_string(objstm) + " 0 obj\012<</Type/ObjStm/N " + std::to_string(index) + "/First " +
         std::to_string(offsets.size()) + "/Filter/FlateDecode/Length " + std::to_string(packed.size()) +
         ">>stream\015\012" + packed + "\012endstream\012endobj\012";
  const size_t xref_at = out.size() - start;
  entries[xref_id] = {1, xref_at, 0};
  entries[0] = {0, 0, 65535};
  auto bytes_for = [](size_t v) {
    int n = 1;
    while (n < 8 && (v >> (8 * n))) ++n;
    return n;
  };
  const int width = bytes_for(xref_at), width3 = bytes_for(std::max<size_t>(65535, index));
  std::string rows;
  for (const Entry& e : entries) {
    put_be(rows, static_cast<size_t>(e.type), 1);
    put_be(rows, e.field2, width);
    put_be(rows, e.field3, width3);
  }
  const std::string table = deflate(rows);
  if (table.empty()) return false;
  std::string trailer = "/Root " + std::to_string(id_of(doc->catalog)) + " 0 R";
  if (doc->info) trailer += "/Info " + std::to_string(id_of(doc->info)) + " 0 R";
  out += std::to_string(xref_id) + " 0 obj\012<</Type/XRef/Size " + std::to_string(entries.size()) + "/W[1 " +
         std::to_string(width) + " " + std::to_string(width3) + "]" + trailer + "/Filter/FlateDecode/Length " + std::to_string(table.size()) +
         ">>stream\015\012" + table + "\012endstream\012endobj\012startxref\012" + std::to_string(xref_at) +
         "\012%%EOF\012";
  return true;
}

}  // namespace careermap
