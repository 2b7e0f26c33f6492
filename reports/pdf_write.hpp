// A libharu document's bytes as PDF 1.5, written here rather than by libharu: every stream
// (compressed already, see PdfCanvas) an object of its own, every other object in one object
// stream, and a cross-reference stream in place of libharu's table and trailer, both
// compressed (about 1.2 KB less for a career map, whose dictionaries and table are some 2.5 KB
// of plain text). The objects are libharu's, in its numbering, written by its own object
// writer; the same document gives the same bytes. Also the one zlib compressor of the PDFs.
#pragma once

#include <string>
#include <string_view>

struct _HPDF_Doc_Rec;

namespace careermap {

// Appends the document to `out`. False when libharu recorded an error writing an object (the
// caller reads it from the document) or compression ran out of memory.
bool write_pdf15(_HPDF_Doc_Rec* doc, std::string& out);

// `raw` as one zlib stream (libdeflate, level 9, a compressor kept per thread); empty when no
// compressor can be had.
std::string deflate(std::string_view raw);

}  // namespace careermap
