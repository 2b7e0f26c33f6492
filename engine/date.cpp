#include "engine/date.hpp"

namespace careermap {
namespace {

bool leap(int y) { return y % 4 == 0 && (y % 100 != 0 || y % 400 == 0); }

unsigned days_in(int y, unsigned m) {
  static constexpr unsigned kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return m == 2 && leap(y) ? 29 : kDays[m - 1];
}

// The number written by the digits text[at, at + n), or -1 if any is not an ASCII digit.
int digits(std::string_view text, size_t at, size_t n) {
  int v = 0;
  for (size_t i = at; i < at + n; ++i) {
    if (text[i] < '0' || text[i] > '9') return -1;
    v = v * 10 + (text[i] - '0');
  }
  return v;
}

}  // namespace

std::optional<Date> parse_date(std::string_view text) {
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
  const int y = digits(text, 0, 4), m = digits(text, 5, 2), d = digits(text, 8, 2);
  if (y < 1 || m < 1 || m > 12 || d < 1) return std::nullopt;
  const Date date{y, static_cast<unsigned>(m), static_cast<unsigned>(d)};
  if (date.day > days_in(y, date.month)) return std::nullopt;
  return date;
}

}  // namespace careermap
