// Numbers as text (engine/numbers.hpp) against C's printf and strtod, an implementation of
// their own, on random doubles of every size.
#include "engine/numbers.hpp"

#include <boost/test/unit_test.hpp>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <random>
#include <string>

using namespace careermap;

namespace {

std::string printf_text(const char* format, int precision, double v) {
  char buf[512];
  std::snprintf(buf, sizeof buf, format, precision, v);
  return buf;
}

// Doubles of every size and sign, halves and whole numbers among them.
std::vector<double> random_doubles(int n) {
  std::mt19937_64 rng(2026);
  std::uniform_real_distribution<double> unit(-1, 1);
  std::uniform_int_distribution<int> exp(-30, 30), kind(0, 3);
  std::vector<double> out{0.0, -0.0, 0.5, -0.5, 1.0, 2.5, 0.125, 1e15, 1e15 - 1, 123456789012345.0, 0.1 + 0.2};
  for (int i = 0; i < n; ++i) {
    const double x = unit(rng) * std::pow(10.0, exp(rng));
    switch (kind(rng)) {
      case 0: out.push_back(x); break;
      case 1: out.push_back(std::round(x)); break;
      case 2: out.push_back(std::round(x * 2) / 2); break;
      default: out.push_back(std::round(x * 1000) / 1000); break;
    }
  }
  return out;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(numbers)

BOOST_AUTO_TEST_CASE(fixed_and_general_write_what_printf_writes) {
  for (double v : random_doubles(20000))
    for (int p : {0, 1, 2, 3, 4, 10, 17}) {
      BOOST_TEST_INFO(printf_text("%.*g", 17, v) << " at " << p);
      BOOST_TEST(num::fixed(v, p) == printf_text("%.*f", p, v));
      if (p > 0) BOOST_TEST(num::general(v, p) == printf_text("%.*g", p, v));
    }
}

// Values exactly half-way between two results round as printf rounds them (to even).
BOOST_AUTO_TEST_CASE(half_way_values_round_as_printf_does) {
  for (double v : {0.5, 1.5, 2.5, -0.5, -2.5, 0.125, 0.375, 62.125, 62.375, 0.03125, 1.03125, -62.125, 1e15 + 0.5})
    for (int p : {0, 1, 2, 3, 4})
      BOOST_TEST(num::fixed(v, p) == printf_text("%.*f", p, v), v << " at " << p);
  BOOST_TEST(num::fixed(2.5, 0) == "2");
  BOOST_TEST(num::fixed(62.125, 2) == "62.12");
  BOOST_TEST(num::trimmed(0.03125, 4) == "0.0312");
}

BOOST_AUTO_TEST_CASE(trimmed_drops_trailing_zeros_and_the_sign_of_zero) {
  BOOST_TEST(num::trimmed(62.5, 4) == "62.5");
  BOOST_TEST(num::trimmed(3.0, 2) == "3");
  BOOST_TEST(num::trimmed(-0.00001, 2) == "0");
  BOOST_TEST(num::trimmed(-0.25, 4) == "-0.25");
  BOOST_TEST(num::trimmed(100.0, 0) == "100");
  for (double v : random_doubles(5000)) {
    std::string want = printf_text("%.*f", 4, v);
    if (want.find('.') != std::string::npos) want.erase(want.find_last_not_of('0') + 1);
    if (want.back() == '.') want.pop_back();
    if (want == "-0") want = "0";
    BOOST_TEST(num::trimmed(v, 4) == want);
  }
}

BOOST_AUTO_TEST_CASE(readable_and_shortest_write_whole_numbers_as_integers) {
  BOOST_TEST(num::readable(3.0) == "3");
  BOOST_TEST(num::readable(-12.0) == "-12");
  BOOST_TEST(num::readable(2.5) == "2.5");
  BOOST_TEST(num::readable(1.0 / 3) == "0.3333333333");
  BOOST_TEST(num::shortest(0.1 + 0.2) == "0.30000000000000004");
  BOOST_TEST(num::shortest(3.1) == "3.1");
  BOOST_TEST(num::shortest(1e15) == "1e+15");
  for (double v : random_doubles(20000)) {
    const std::string s = num::shortest(v);
    BOOST_TEST_INFO(s);
    BOOST_TEST(std::strtod(s.c_str(), nullptr) == v);  // reads back
    BOOST_TEST(s.size() <= printf_text("%.*g", 17, v).size());
    const bool whole = v == std::floor(v) && std::fabs(v) < 1e15;
    if (std::fabs(v) < 1e15) BOOST_TEST((s.find_first_of(".e") == std::string::npos) == whole);
    BOOST_TEST(num::readable(v) == (whole ? s : printf_text("%.*g", 10, v)));
  }
}

BOOST_AUTO_TEST_CASE(code_points_are_written_u_plus_four_or_more_hex_digits) {
  BOOST_TEST(num::code_point(0x202E) == "U+202E");
  BOOST_TEST(num::code_point(0x9) == "U+0009");
  BOOST_TEST(num::code_point(0x1F600) == "U+1F600");
  BOOST_TEST(num::code_point(0xFEFF) == "U+FEFF");
}

BOOST_AUTO_TEST_SUITE_END()
