#include "engine/csv.hpp"

#include <cctype>

namespace careermap::csv {
namespace {

// True for text a spreadsheet would take as a formula; a plain negative number is not.
bool formula_like(std::string_view v) {
  if (v.empty()) return false;
  const char c = v[0];
  if (c == '=' || c == '+' || c == '@' || c == '\t' || c == '\r') return true;
  if (c != '-') return false;
  if (v.size() == 1) return true;
  for (size_t i = 1; i < v.size(); ++i)
    if (!std::isdigit(static_cast<unsigned char>(v[i])) && v[i] != '.') return true;
  return false;
}

}  // namespace

std::string cell(std::string_view s) {
  std::string v;
  v.reserve(s.size() + 3);
  if (formula_like(s)) v.push_back('\'');
  v.append(s);
  if (v.find_first_of(",\"\r\n") == std::string::npos) return v;
  std::string q = "\"";
  for (char c : v) {
    if (c == '"') q.push_back('"');
    q.push_back(c);
  }
  q.push_back('"');
  return q;
}

std::string row(const std::vector<std::string>& cells) {
  std::string out;
  for (size_t i = 0; i < cells.size(); ++i) {
    if (i) out.push_back(',');
    out += cell(cells[i]);
  }
  out += "\r\n";
  return out;
}

}  // namespace careermap::csv
