#include "engine/diagnostic.hpp"

#include <boost/test/unit_test.hpp>

using namespace careermap;

BOOST_AUTO_TEST_SUITE(diagnostic)

BOOST_AUTO_TEST_CASE(formats_file_line_column_item_message) {
  Diagnostic d{{"responses/p03.yaml", 14, 7}, Severity::error, "q12", "6 is outside the scale 1..5"};
  BOOST_TEST(d.format() == "responses/p03.yaml:14:7: error: q12: 6 is outside the scale 1..5");
}

BOOST_AUTO_TEST_CASE(leaves_out_what_is_unknown) {
  BOOST_TEST((Diagnostic{{"a.yaml", 0, 0}, Severity::warning, "", "m"}.format()) == "a.yaml: warning: m");
  BOOST_TEST((Diagnostic{{"a.yaml", 3, 0}, Severity::error, "x", "m"}.format()) == "a.yaml:3: error: x: m");
}

BOOST_AUTO_TEST_CASE(counts_errors_and_warnings) {
  Diagnostics d;
  d.warning({"a", 1, 1}, "i", "w");
  BOOST_TEST(!d.has_errors());
  d.error({"a", 2, 1}, "i", "e");
  d.error({"a", 3, 1}, "i", "e");
  BOOST_TEST(d.has_errors());
  BOOST_TEST(d.error_count() == 2);
  BOOST_TEST(d.warning_count() == 1);
}

BOOST_AUTO_TEST_CASE(error_what_is_the_formatted_diagnostic) {
  const Error e(Location{"f.yaml", 2, 5}, "item", "broken");
  BOOST_TEST(std::string(e.what()) == "f.yaml:2:5: error: item: broken");
  BOOST_TEST(e.diagnostic().where.line == 2);
}

BOOST_AUTO_TEST_SUITE_END()
