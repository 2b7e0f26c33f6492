#include "engine/answer_messages.hpp"

#include "engine/messages.hpp"

#include <boost/test/unit_test.hpp>
#include <regex>
#include <set>

using namespace careermap;

namespace {

std::set<std::string> placeholders(std::string_view t) {
  std::set<std::string> out;
  const std::string s(t);
  const std::regex re("\\{([a-z_]+)\\}");
  for (auto it = std::sregex_iterator(s.begin(), s.end(), re); it != std::sregex_iterator(); ++it) out.insert((*it)[1]);
  return out;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(answer_messages_table)

BOOST_AUTO_TEST_CASE(one_entry_per_message_in_enum_order_with_unique_ids) {
  std::set<std::string_view> ids;
  size_t n = 0;
  for (const auto& m : answer_messages()) {
    BOOST_TEST(static_cast<size_t>(m.msg) == n++, m.id);
    BOOST_TEST(ids.insert(m.id).second, m.id);
    BOOST_TEST(!m.en.empty());
    BOOST_TEST(tr_in(m.id.data(), m.en.data(), Lang::ja) != m.en, m.id);  // po/ja.po translates it
  }
  BOOST_TEST(n == static_cast<size_t>(AnswerMsg::cohort_full_width) + 1);
}

BOOST_AUTO_TEST_CASE(japanese_takes_the_same_placeholders_as_english) {
  for (const auto& m : answer_messages()) BOOST_TEST((placeholders(tr_in(m.id.data(), m.en.data(), Lang::ja)) == placeholders(m.en)), m.id);
}

BOOST_AUTO_TEST_CASE(placeholders_are_filled_by_name) {
  BOOST_TEST(answer_message(AnswerMsg::outside_range, {{"value", "20199"}, {"range", "1960..2100"}}) ==
             "20199 is outside 1960..2100");
  BOOST_TEST(answer_message(AnswerMsg::outside_range, {{"range", "1960..2100"}, {"value", "20199"}}, Lang::ja) ==
             "20199 は 1960..2100 の範囲の外です");
  BOOST_TEST(answer_message(AnswerMsg::episode_years, {{"to", "2018"}, {"from", "2019"}}) ==
             "to-year 2018 is before from-year 2019");
  BOOST_TEST(answer_message(AnswerMsg::required_missing) == "required answer is missing");
  // A placeholder not given stays as written; a value is never searched for placeholders.
  BOOST_TEST(answer_message(AnswerMsg::outside_range, {{"value", "{range}"}}) == "{range} is outside {range}");
}

BOOST_AUTO_TEST_CASE(equal_english_texts_are_told_apart_by_their_context) {
  BOOST_TEST(answer_message(AnswerMsg::expected_text, {}, Lang::en) == answer_message(AnswerMsg::got_text, {}, Lang::en));
  BOOST_TEST(answer_message(AnswerMsg::expected_text, {}, Lang::ja) == "文章");
  BOOST_TEST(answer_message(AnswerMsg::got_text, {}, Lang::ja) == "文字");
}

BOOST_AUTO_TEST_CASE(the_table_as_json_for_the_page) {
  const std::string j = answer_messages_json();
  BOOST_TEST(j.rfind("{\"expected\":{\"en\":\"expected {expected}, got {got}\",\"ja\":\"{expected}を答えてください（答えは{got}です）\"},", 0) == 0u);
  BOOST_TEST(j.find("\"participant_invalid\":{\"en\":\"the id may use only letters, digits, '_' and '-'\",") != std::string::npos);
  BOOST_TEST(j.back() == '}');
}

BOOST_AUTO_TEST_SUITE_END()
