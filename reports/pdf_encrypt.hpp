// Password protection for a finished PDF: AES-256 (PDF 2.0 security handler, revision 6),
// through qpdf's library. libharu offers only RC4, which no longer protects anything; qpdf
// is the strongest scheme Debian gives us. The password is needed to open the document;
// whoever opens it may print and copy from it (the navigator writes notes on a printout).
// Throws Error when the PDF cannot be encrypted.
#pragma once

#include <string>

namespace careermap {

std::string encrypt_pdf(const std::string& pdf, const std::string& password);

}  // namespace careermap
