#include "engine/json.hpp"

#include <boost/test/unit_test.hpp>

using namespace careermap;

BOOST_AUTO_TEST_SUITE(json_writer)

BOOST_AUTO_TEST_CASE(numbers_are_rounded_and_trimmed) {
  BOOST_TEST(json::number(62.5) == "62.5");
  BOOST_TEST(json::number(3.0) == "3");
  BOOST_TEST(json::number(2.0 / 3.0, 2) == "0.67");
  BOOST_TEST(json::number(-0.0001, 2) == "0");
  BOOST_TEST(json::number(std::optional<double>{}) == "null");
}

BOOST_AUTO_TEST_CASE(strings_are_escaped_utf8_kept) {
  BOOST_TEST(json::quote("a\"b\\c\n\x01") == "\"a\\\"b\\\\c\\n\\u0001\"");
  BOOST_TEST(json::quote("改善") == "\"改善\"");
}

BOOST_AUTO_TEST_SUITE_END()
