#include "engine/csv_read.hpp"

#include "engine/files.hpp"

#include <iconv.h>

#include <cerrno>
#include <cstring>

namespace careermap {
namespace {

// CP932 -> UTF-8 with glibc's iconv; false when the bytes are not CP932 either.
bool cp932_to_utf8(std::string_view in, std::string& out) {
  iconv_t cd = iconv_open("UTF-8", "CP932");
  if (cd == reinterpret_cast<iconv_t>(-1)) return false;
  out.assign(in.size() * 3 + 16, '\0');
  char* src = const_cast<char*>(in.data());
  size_t src_left = in.size();
  char* dst = out.data();
  size_t dst_left = out.size();
  const size_t rc = iconv(cd, &src, &src_left, &dst, &dst_left);
  iconv_close(cd);
  if (rc == static_cast<size_t>(-1)) return false;
  out.resize(out.size() - dst_left);
  return true;
}

}  // namespace

bool valid_utf8(std::string_view s) {
  size_t i = 0;
  while (i < s.size()) {
    const unsigned char c = static_cast<unsigned char>(s[i]);
    size_t len = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : (c >> 3) == 30 ? 4 : 0;
    if (len == 0 || i + len > s.size()) return false;
    char32_t cp = len == 1 ? c : len == 2 ? (c & 0x1F) : len == 3 ? (c & 0x0F) : (c & 0x07);
    for (size_t k = 1; k < len; ++k) {
      const unsigned char cc = static_cast<unsigned char>(s[i + k]);
      if ((cc >> 6) != 2) return false;
      cp = (cp << 6) | (cc & 0x3F);
    }
    const char32_t min[] = {0, 0, 0x80, 0x800, 0x10000};
    if (cp < min[len] || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return false;
    i += len;
  }
  return true;
}

CsvTable parse_csv(std::string_view bytes, const std::string& file, Diagnostics& diags) {
  CsvTable t;
  std::string converted;
  if (bytes.substr(0, 3) == "\xEF\xBB\xBF") bytes.remove_prefix(3);
  if (valid_utf8(bytes)) {
    t.encoding = "UTF-8";
  } else if (cp932_to_utf8(bytes, converted)) {
    t.encoding = "CP932";
    bytes = converted;
    diags.note({file, 0, 0}, "", "read as Shift_JIS (CP932) and converted to UTF-8");
  } else {
    diags.error({file, 0, 0}, "", "the file is neither UTF-8 nor Shift_JIS (CP932) text; save it as CSV UTF-8");
    return t;
  }
  int line = 1;
  size_t i = 0;
  while (i < bytes.size()) {
    CsvRecord rec;
    rec.line = line;
    std::string cell;
    bool in_quotes = false, quoted = false;
    for (;;) {
      if (i >= bytes.size()) {
        if (in_quotes) diags.error({file, rec.line, 0}, "", "a quoted field is not closed before the end of the file");
        rec.cells.push_back(std::move(cell));
        break;
      }
      const char c = bytes[i++];
      if (in_quotes) {
        if (c == '"') {
          if (i < bytes.size() && bytes[i] == '"') {
            cell.push_back('"');
            ++i;
          } else {
            in_quotes = false;
          }
        } else {
          if (c == '\n') ++line;
          if (c == '\r' && i < bytes.size() && bytes[i] == '\n') continue;  // CRLF inside a cell -> LF
          cell.push_back(c == '\r' ? '\n' : c);
        }
      } else if (c == '"' && cell.empty() && !quoted) {
        in_quotes = quoted = true;
      } else if (c == ',') {
        rec.cells.push_back(std::move(cell));
        cell.clear();
        quoted = false;
      } else if (c == '\r' || c == '\n') {
        if (c == '\r' && i < bytes.size() && bytes[i] == '\n') ++i;
        ++line;
        rec.cells.push_back(std::move(cell));
        break;
      } else {
        cell.push_back(c);
      }
    }
    const bool blank = rec.cells.size() == 1 && rec.cells[0].empty();
    if (!blank) t.records.push_back(std::move(rec));
  }
  return t;
}

CsvTable load_csv(const std::string& path, Diagnostics& diags) {
  try {
    return parse_csv(read_file(path, kMaxCsvBytes, "a CSV of answers"), path, diags);
  } catch (const Error& e) {
    diags.add(e.diagnostic());
    return {};
  }
}

}  // namespace careermap
