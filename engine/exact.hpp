// Exact numbers for scoring: decimals of at most four places (questionnaire weights and
// settings, read from the YAML text, never through a double) and non-negative fractions
// of 128-bit integers that compare exactly, without overflow.
//
// Scoring compares and rounds with these (FORMAT.md "Scoring"): the answers needed for a
// score, the evidence threshold, ties between scores; doubles are only for printing.
// parse_decimal() reports what is wrong instead of throwing. Plain values; thread-safe.
#pragma once

#include <compare>
#include <optional>
#include <string>
#include <string_view>

namespace careermap {

// A decimal number with at most kPlaces places, held as whole units of 1/kUnit.
struct Decimal {
  static constexpr int kPlaces = 4;
  static constexpr long long kUnit = 10000;
  long long units = 0;

  static constexpr Decimal whole(long long v) { return Decimal{v * kUnit}; }
  double value() const { return static_cast<double>(units) / kUnit; }
  // For code that only prints or draws: the nearest double.
  operator double() const { return value(); }
  friend constexpr bool operator==(Decimal a, Decimal b) { return a.units == b.units; }
  friend constexpr auto operator<=>(Decimal a, Decimal b) { return a.units <=> b.units; }
};

// "0.28", "1.5", "-3", "2"; trailing zeros dropped.
std::string to_string(Decimal d);

struct ParsedDecimal {
  enum class Problem { none, not_a_number, too_many_places, too_large };
  Decimal value;
  Problem problem = Problem::none;
};

// Parses the text of a YAML number exactly: [-+]? digits [. digits] [e|E [-+] digits] (also
// ".5"), surrounding spaces allowed. too_many_places: it has a non-zero digit beyond
// kPlaces places; too_large: its magnitude is 10^9 or more.
ParsedDecimal parse_decimal(std::string_view text);

// 128-bit whole numbers (a GCC and Clang extension; products of scoring's 64-bit sums).
__extension__ typedef unsigned __int128 uint128;

// A non-negative fraction num / den (den > 0) of 128-bit integers.
struct Fraction {
  uint128 num = 0, den = 1;
  double value() const;
};

// -1, 0 or 1 as a is below, equal to or above b; exact for every value (no products).
int compare(const Fraction& a, const Fraction& b);

}  // namespace careermap
