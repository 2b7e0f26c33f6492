#include "engine/numbers.hpp"

#include <fmt/format.h>

#include <charconv>
#include <cmath>

namespace careermap::num {

std::string fixed(double v, int decimals) { return fmt::format("{:.{}f}", v, decimals); }

std::string trimmed(double v, int decimals) {
  std::string s = fixed(v, decimals);
  if (s.find('.') != std::string::npos) {
    while (s.back() == '0') s.pop_back();
    if (s.back() == '.') s.pop_back();
  }
  if (s == "-0") s = "0";
  return s;
}

std::string general(double v, int digits) { return fmt::format("{:.{}g}", v, digits); }

namespace {
bool whole(double v) { return v == std::floor(v) && std::fabs(v) < 1e15; }
}  // namespace

std::string readable(double v) { return whole(v) ? fmt::format("{}", static_cast<long long>(v)) : general(v, 10); }

std::string shortest(double v) {
  if (whole(v)) return fmt::format("{}", static_cast<long long>(v));
  char buf[32];
  const auto r = std::to_chars(buf, buf + sizeof buf, v);  // the shortest round trip (C++17)
  return std::string(buf, r.ptr);
}

std::string code_point(char32_t c) { return fmt::format("U+{:04X}", static_cast<unsigned>(c)); }

}  // namespace careermap::num
