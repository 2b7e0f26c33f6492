#include "engine/templates.hpp"

#include <boost/test/unit_test.hpp>

using namespace careermap;

BOOST_AUTO_TEST_SUITE(templates)

BOOST_AUTO_TEST_CASE(nested_keys_are_joined_with_dots) {
  Diagnostics d;
  const Templates t = Templates::parse(
      "map:\n  title: {ja: 地図, en: Map}\n  note: same in both\n", "t.yaml", d);
  BOOST_TEST(d.empty());
  BOOST_TEST(t.text("map.title", Lang::ja) == "地図");
  BOOST_TEST(t.text("map.title", Lang::en) == "Map");
  BOOST_TEST(t.text("map.note", Lang::en) == "same in both");
}

BOOST_AUTO_TEST_CASE(a_missing_template_is_an_error_naming_it) {
  Diagnostics d;
  const Templates t = Templates::parse("a: {ja: x}\n", "t.yaml", d);
  BOOST_CHECK_EXCEPTION(t.get("b.c"), Error, [](const Error& e) {
    return std::string(e.what()) == "t.yaml: error: b.c: template is missing";
  });
  BOOST_TEST(t.text("a", Lang::en) == "x");  // falls back to the other language
}

BOOST_AUTO_TEST_CASE(fill_replaces_known_placeholders_only) {
  BOOST_TEST(fill("{name} さん {x}", {{"name", "架空"}}) == "架空 さん {x}");
  BOOST_TEST(fill("{a}{a}", {{"a", "1"}}) == "11");
}

BOOST_AUTO_TEST_SUITE_END()
