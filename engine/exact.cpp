#include "engine/exact.hpp"

#include <cctype>
#include <cmath>

namespace careermap {

std::string to_string(Decimal d) {
  const bool neg = d.units < 0;
  const unsigned long long u = neg ? 0ULL - static_cast<unsigned long long>(d.units) : d.units;
  std::string s = std::to_string(u / Decimal::kUnit);
  std::string frac = std::to_string(u % Decimal::kUnit);
  frac.insert(0, Decimal::kPlaces - frac.size(), '0');
  while (!frac.empty() && frac.back() == '0') frac.pop_back();
  if (!frac.empty()) s += "." + frac;
  return neg ? "-" + s : s;
}

ParsedDecimal parse_decimal(std::string_view s) {
  using P = ParsedDecimal::Problem;
  while (!s.empty() && s.front() == ' ') s.remove_prefix(1);
  while (!s.empty() && s.back() == ' ') s.remove_suffix(1);
  bool neg = false;
  if (!s.empty() && (s.front() == '+' || s.front() == '-')) {
    neg = s.front() == '-';
    s.remove_prefix(1);
  }
  // Significant digits and the power of ten of the last one.
  std::string digits;
  long long exp10 = 0;
  size_t i = 0;
  bool any = false;
  for (; i < s.size() && std::isdigit(static_cast<unsigned char>(s[i])); ++i, any = true) digits += s[i];
  if (i < s.size() && s[i] == '.') {
    for (++i; i < s.size() && std::isdigit(static_cast<unsigned char>(s[i])); ++i, any = true) {
      digits += s[i];
      --exp10;
    }
  }
  if (!any) return {{}, P::not_a_number};
  if (i < s.size() && (s[i] == 'e' || s[i] == 'E')) {
    ++i;
    bool eneg = false;
    if (i < s.size() && (s[i] == '+' || s[i] == '-')) eneg = s[i++] == '-';
    long long e = 0;
    bool edigit = false;
    for (; i < s.size() && std::isdigit(static_cast<unsigned char>(s[i])); ++i, edigit = true)
      e = std::min(e * 10 + (s[i] - '0'), 1000000LL);
    if (!edigit) return {{}, P::not_a_number};
    exp10 += eneg ? -e : e;
  }
  if (i != s.size()) return {{}, P::not_a_number};
  size_t lead = digits.find_first_not_of('0');
  if (lead == std::string::npos) return {{}, P::none};  // zero
  digits.erase(0, lead);
  while (digits.back() == '0') {
    digits.pop_back();
    ++exp10;
  }
  const long long shift = exp10 + Decimal::kPlaces;  // units = digits x 10^shift
  if (shift < 0) return {{}, P::too_many_places};
  if (static_cast<long long>(digits.size()) + shift > 9 + Decimal::kPlaces) return {{}, P::too_large};
  long long units = std::stoll(digits);
  for (long long k = 0; k < shift; ++k) units *= 10;
  return {{neg ? -units : units}, P::none};
}

double Fraction::value() const { return static_cast<double>(num) / static_cast<double>(den); }

int compare(const Fraction& x, const Fraction& y) {
  // Continued fractions: compare whole parts, then the inverted remainders.
  uint128 a = x.num, b = x.den, c = y.num, d = y.den;
  int sign = 1;
  for (;;) {
    const uint128 qa = a / b, qc = c / d;
    if (qa != qc) return qa < qc ? -sign : sign;
    const uint128 ra = a % b, rc = c % d;
    if (ra == 0 || rc == 0) return ra == rc ? 0 : (ra == 0 ? -sign : sign);
    // ra/b vs rc/d is the opposite of b/ra vs d/rc.
    a = b;
    b = ra;
    c = d;
    d = rc;
    sign = -sign;
  }
}

}  // namespace careermap
