#include "engine/enum_names.hpp"

#include <boost/test/unit_test.hpp>
#include <fstream>
#include <set>
#include <sstream>
#include <string>

#include "engine/questionnaire.hpp"

using namespace careermap;

namespace {

std::string format_md() {
  std::ifstream in(std::string(CAREERMAP_SOURCE_DIR) + "/questionnaires/FORMAT.md");
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// Every value of E from first to last (an enum of consecutive values): the name table gives
// each but `none` a distinct name FORMAT.md writes in backticks, and reads it back.
template <class E>
void check_round_trip(E first, E last, std::optional<E> (*named)(std::string_view), const std::string& doc) {
  std::set<std::string> seen;
  for (int v = static_cast<int>(first); v <= static_cast<int>(last); ++v) {
    const E e = static_cast<E>(v);
    const std::string name(to_string(e));
    BOOST_TEST_INFO("value " << v << " named '" << name << "'");
    BOOST_TEST(!name.empty());
    BOOST_TEST(seen.insert(name).second);
    BOOST_TEST((named(name) == std::optional<E>(e)));
    BOOST_TEST(doc.find("`" + name + "`") != std::string::npos);
  }
  // One past the last has no name: a value added at the end fails here until the range moves.
  BOOST_TEST(to_string(static_cast<E>(static_cast<int>(last) + 1)).empty());
  BOOST_TEST(!named("").has_value());
  BOOST_TEST(!named("none").has_value());
  BOOST_TEST(!named("Likert").has_value());
}

}  // namespace

BOOST_AUTO_TEST_SUITE(enum_names)

BOOST_AUTO_TEST_CASE(each_value_has_one_name_of_format_md_read_both_ways) {
  const std::string doc = format_md();
  BOOST_REQUIRE(!doc.empty());
  check_round_trip(ItemType::likert, ItemType::episodes, item_type_named, doc);
  check_round_trip(ReportUse::checklist, ReportUse::own_words, report_use_named, doc);
  check_round_trip(SheetPart::where, SheetPart::timing, sheet_part_named, doc);
  check_round_trip(FieldUse::from_year, FieldUse::outcome, field_use_named, doc);
  BOOST_TEST(to_string(ReportUse::none).empty());
  BOOST_TEST(to_string(SheetPart::none).empty());
  BOOST_TEST(to_string(FieldUse::none).empty());
}

BOOST_AUTO_TEST_CASE(a_table_reads_exact_names_only) {
  enum class Colour { red, green };
  constexpr EnumName<Colour> table[] = {{Colour::red, "red"}, {Colour::green, "green"}};
  static_assert(name_in(table, Colour::green) == "green");
  static_assert(value_in(table, "red") == Colour::red);
  BOOST_TEST(!value_in(table, "re").has_value());
  BOOST_TEST(!value_in(table, "red ").has_value());
  BOOST_TEST(!value_in(table, "RED").has_value());
}

BOOST_AUTO_TEST_SUITE_END()
