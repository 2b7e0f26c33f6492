// Writing CSV that opens correctly in Excel: UTF-8 with a byte-order mark, CRLF line
// ends, RFC 4180 quoting, and cells that a spreadsheet would run as a formula
// (starting with = + - @, tab or carriage return) made inert with a leading apostrophe.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace careermap::csv {

inline constexpr std::string_view kBom = "\xEF\xBB\xBF";

// One cell, quoted when it needs to be, formula characters neutralised.
std::string cell(std::string_view s);
// One record: cells joined with commas, ending in CRLF.
std::string row(const std::vector<std::string>& cells);

}  // namespace careermap::csv
