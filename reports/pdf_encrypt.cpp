#include "reports/pdf_encrypt.hpp"

#define POINTERHOLDER_TRANSITION 4  // qpdf 11: use std::shared_ptr only
#include <qpdf/QPDF.hh>
#include <qpdf/QPDFWriter.hh>

#include <stdexcept>

#include "engine/diagnostic.hpp"
#include "engine/messages.hpp"

namespace careermap {

std::string encrypt_pdf(const std::string& pdf, const std::string& password) {
  if (password.empty()) throw Error(Location{"--password", 0, 0}, "", tr("the password is empty"));
  try {
    QPDF doc;
    doc.setSuppressWarnings(true);
    doc.processMemoryFile("career map", pdf.data(), pdf.size());
    QPDFWriter w(doc);
    w.setOutputMemory();
    w.setR6EncryptionParameters(password.c_str(), password.c_str(), true, true, true, true, true, false,
                                qpdf_r3p_full, true);
    w.write();
    const auto buffer = w.getBufferSharedPointer();
    return std::string(reinterpret_cast<const char*>(buffer->getBuffer()), buffer->getSize());
  } catch (const std::exception& e) {
    throw Error(Location{tr("career map"), 0, 0}, "",
                trf("cannot encrypt the PDF: {what}", {{"what", std::string(e.what())}}));
  }
}

}  // namespace careermap
