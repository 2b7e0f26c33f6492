#include "engine/exact.hpp"

#include <boost/rational.hpp>
#include <boost/test/unit_test.hpp>
#include <random>

using namespace careermap;
using P = ParsedDecimal::Problem;

BOOST_AUTO_TEST_SUITE(exact)

BOOST_AUTO_TEST_CASE(decimals_are_read_from_the_text_not_through_a_double) {
  const auto units = [](const char* s) {
    const ParsedDecimal d = parse_decimal(s);
    BOOST_TEST_INFO(s);
    BOOST_TEST((d.problem == P::none));
    return d.value.units;
  };
  BOOST_TEST(units("0.28") == 2800);
  BOOST_TEST(units("0.1") == 1000);
  BOOST_TEST(units(" 1.5 ") == 15000);
  BOOST_TEST(units("+2") == 20000);
  BOOST_TEST(units("-3") == -30000);
  BOOST_TEST(units(".5") == 5000);
  BOOST_TEST(units("5.") == 50000);
  BOOST_TEST(units("1e3") == 10000000);
  BOOST_TEST(units("25E-2") == 2500);
  BOOST_TEST(units("0.12340000") == 1234);
  BOOST_TEST(units("000") == 0);
  BOOST_TEST(units("999999999.9999") == 9999999999999);
}

BOOST_AUTO_TEST_CASE(what_is_not_an_exact_decimal_says_why) {
  for (const char* s : {"", "abc", "1.2.3", "0x10", ".inf", ".nan", "1e", "e5", "--1", "1 2", "."})
    BOOST_TEST((parse_decimal(s).problem == P::not_a_number), s);
  for (const char* s : {"0.12345", "1e-5", "0.00001", "3.14159265358979"})
    BOOST_TEST((parse_decimal(s).problem == P::too_many_places), s);
  for (const char* s : {"1e308", "1000000000", "-1e10", "4294967296", "1e999999999999"})
    BOOST_TEST((parse_decimal(s).problem == P::too_large), s);
  BOOST_TEST(to_string(Decimal{2800}) == "0.28");
  BOOST_TEST(to_string(Decimal{-30000}) == "-3");
  BOOST_TEST(to_string(Decimal{10001}) == "1.0001");
}

BOOST_AUTO_TEST_CASE(fractions_compare_exactly_where_products_would_overflow) {
  std::mt19937_64 rng(17);
  using R = boost::rational<long long>;
  for (int k = 0; k < 20000; ++k) {
    const long long a = rng() % 1000, b = 1 + rng() % 1000, c = rng() % 1000, d = 1 + rng() % 1000;
    const int want = R(a, b) < R(c, d) ? -1 : (R(a, b) == R(c, d) ? 0 : 1);
    BOOST_REQUIRE_EQUAL(compare({uint128(a), uint128(b)}, {uint128(c), uint128(d)}), want);
  }
  // Near 2^127: equal fractions in different terms, and a difference of one part in 2^100.
  const uint128 big = uint128(1) << 100;
  BOOST_TEST(compare({3 * big, 7 * big}, {3, 7}) == 0);
  BOOST_TEST(compare({big + 1, big}, {big, big - 1}) == -1);
  BOOST_TEST(compare({big, big - 1}, {big + 1, big}) == 1);
  BOOST_TEST(compare({0, 5}, {0, 9}) == 0);
  BOOST_TEST(compare({0, 5}, {1, big}) == -1);
}

BOOST_AUTO_TEST_SUITE_END()
