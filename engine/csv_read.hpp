// Reading CSV as form services (Google Forms, Microsoft Forms) and Excel write it:
// RFC 4180 quoting (commas, doubled quotes and line breaks inside quoted fields), CRLF or
// LF, a UTF-8 byte-order mark or none, and Shift_JIS (CP932) as Japanese Excel saves CSV,
// detected and converted to UTF-8.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "engine/diagnostic.hpp"

namespace careermap {

struct CsvRecord {
  int line = 0;  // the physical line the record starts on (1-based)
  std::vector<std::string> cells;
};

struct CsvTable {
  std::string encoding;  // "UTF-8" or "CP932"
  std::vector<CsvRecord> records;  // the header row first
};

// A CSV of answers larger than this is refused (tens of thousands of rows fit well within).
inline constexpr size_t kMaxCsvBytes = 128'000'000;

// Parses `bytes`; a note says when the text was converted from CP932; an unterminated
// quoted field or bytes that are neither UTF-8 nor CP932 are errors (what was read before
// is kept). Never throws.
CsvTable parse_csv(std::string_view bytes, const std::string& file, Diagnostics& diags);
// Reads the file at `path` (an unreadable file is an error diagnostic).
CsvTable load_csv(const std::string& path, Diagnostics& diags);

// True when `s` is well-formed UTF-8.
bool valid_utf8(std::string_view s);

}  // namespace careermap
