#include "engine/date.hpp"

#include <boost/test/unit_test.hpp>
#include <chrono>
#include <cstdio>
#include <random>
#include <string>

using namespace careermap;
namespace chr = std::chrono;

namespace {

std::string text_of(int y, int m, int d) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", y, m, d);
  return buf;
}

// The reference: std::chrono's calendar says whether the day exists.
bool real_day(int y, int m, int d) {
  return y >= 1 && y <= 9999 && m >= 0 && d >= 0 &&
         chr::year_month_day(chr::year(y), chr::month(static_cast<unsigned>(m)), chr::day(static_cast<unsigned>(d))).ok();
}

}  // namespace

BOOST_AUTO_TEST_SUITE(date)

BOOST_AUTO_TEST_CASE(every_day_of_four_centuries_and_its_neighbours) {
  // Every written month 0..13 and day 0..32 of years 1896..2304 (three century years that
  // are not leap years, and 2000 that is), compared with std::chrono's calendar.
  int real = 0;
  for (int y = 1896; y <= 2304; ++y)
    for (int m = 0; m <= 13; ++m)
      for (int d = 0; d <= 32; ++d) {
        const auto got = parse_date(text_of(y, m, d));
        const bool want = real_day(y, m, d);
        if (got.has_value() != want) BOOST_FAIL(text_of(y, m, d) << ": parse_date disagrees with std::chrono");
        if (got) {
          ++real;
          BOOST_TEST((got->year == y && got->month == unsigned(m) && got->day == unsigned(d)));
        }
      }
  BOOST_TEST(real == 149'384);  // 409 years of 365 days and 99 leap days (103 years divisible by 4 but 1900, 2100, 2200, 2300)
}

BOOST_AUTO_TEST_CASE(february_29_of_every_year) {
  for (int y = 1; y <= 9999; ++y) BOOST_TEST(parse_date(text_of(y, 2, 29)).has_value() == real_day(y, 2, 29), y);
  BOOST_TEST(!parse_date("0000-01-01"));
  BOOST_TEST(parse_date("0001-01-01").has_value());
  BOOST_TEST(parse_date("9999-12-31").has_value());
}

BOOST_AUTO_TEST_CASE(only_the_exact_form) {
  for (const char* s : {"", "yesterday", "today", "2026-13-45", "2026-7-1", "26-07-01", "2026/07/01", "2026-07-01 ",
                        " 2026-07-01", "2026-07-01T00:00", "+026-07-01", "2026-+7-01", "2026-07--1", "２０２６-07-01",
                        "2026_07_01", "20260701", "2026-07-1a", "2026-00-10", "2026-02-29"})
    BOOST_TEST(!parse_date(s), s);
  BOOST_TEST(parse_date(std::string_view("2026-07-01\0", 11)).has_value() == false);
  BOOST_TEST(parse_date("2024-02-29").has_value());
}

BOOST_AUTO_TEST_CASE(random_strings_against_the_reference) {
  // Strings near the form (digits, separators, letters, lengths 8..12), seeded; the
  // reference: ten characters "DDDD-DD-DD" with D an ASCII digit, and a real day.
  std::mt19937 rng(20261201);
  const std::string alphabet = "0123456789-0123456789-/ aZ+.\xef\xbc\x90";
  int accepted = 0;
  for (int n = 0; n < 200'000; ++n) {
    std::string s;
    if (rng() % 2) {  // a mutated real-looking date
      s = text_of(static_cast<int>(rng() % 10000), static_cast<int>(rng() % 14), static_cast<int>(rng() % 33));
      for (unsigned k = rng() % 3; k > 0; --k) s[rng() % s.size()] = alphabet[rng() % alphabet.size()];
    } else {
      for (size_t len = 8 + rng() % 5; s.size() < len;) s += alphabet[rng() % alphabet.size()];
    }
    bool shape = s.size() == 10;
    for (size_t i = 0; shape && i < 10; ++i)
      shape = (i == 4 || i == 7) ? s[i] == '-' : (s[i] >= '0' && s[i] <= '9');
    const bool want = shape && real_day(std::stoi(s.substr(0, 4)), std::stoi(s.substr(5, 2)), std::stoi(s.substr(8, 2)));
    if (parse_date(s).has_value() != want) BOOST_FAIL("'" << s << "': parse_date disagrees with the reference");
    accepted += want;
  }
  BOOST_TEST(accepted > 40'000);  // the generator really reaches real days
}

BOOST_AUTO_TEST_SUITE_END()
