#include "engine/questionnaire_json.hpp"

#include <boost/test/unit_test.hpp>

#include "tests/testutil.hpp"

using namespace careermap;

BOOST_AUTO_TEST_SUITE(questionnaire_json_suite)

BOOST_AUTO_TEST_CASE(what_the_page_needs_and_no_scoring) {
  const std::string j = questionnaire_json(test::tiny_questionnaire());
  BOOST_TEST(j.rfind("{\"id\":\"tiny\",\"title\":{\"ja\":\"小さな質問票\",\"en\":\"Tiny questionnaire\"},"
                     "\"limits\":{\"text_chars\":20000,\"text_lines\":100,\"episodes\":200},"
                     "\"scales\":[{\"id\":\"s5\",\"min\":1,\"max\":5,\"labels\":[]}],",
                     0) == 0u,
             j.substr(0, 300));
  BOOST_TEST(j.find("\"parts_declared\":false,\"parts\":[{\"id\":\"all\",\"title\":{\"ja\":\"小さな質問票\",\"en\":\"Tiny questionnaire\"},"
                    "\"sections\":[0]}],\"items\":[") != std::string::npos);
  BOOST_TEST(j.find("{\"id\":\"size\",\"type\":\"choice\",\"section\":0,\"part\":0,\"text\":{\"ja\":\"Size\",\"en\":\"Size\"},"
                    "\"required\":true,\"scale\":-1,\"options\":[{\"value\":\"small\",") != std::string::npos);
  BOOST_TEST(j.find("\"id\":\"years\",\"type\":\"number\",") != std::string::npos);
  BOOST_TEST(j.find("\"min\":0,\"max\":60,\"fields\":[]}") != std::string::npos);
  BOOST_TEST(j.find("{\"id\":\"from\",\"type\":\"number\",\"label\":") != std::string::npos);
  BOOST_TEST(j.find("\"required\":true,\"options\":[],\"min\":null,\"max\":null,\"use\":\"from_year\"}") != std::string::npos);
  BOOST_TEST(j.find("key") == std::string::npos);  // no scoring key: the page shows no score
  BOOST_TEST(j.find("weight") == std::string::npos);
  BOOST_TEST(j.find("reverse") == std::string::npos);
}

// The parts the page needs to check only the parts a file holds (FORMAT.md "Parts and meetings").
BOOST_AUTO_TEST_CASE(the_parts_of_a_questionnaire_in_parts) {
  Diagnostics d;
  const Questionnaire q = Questionnaire::load(std::string(CAREERMAP_SOURCE_DIR) + "/tests/data/tiny/course.yaml", d);
  BOOST_REQUIRE(!d.has_errors());
  const std::string j = questionnaire_json(q);
  BOOST_TEST(j.find("\"parts_declared\":true,\"parts\":[{\"id\":\"survey\",\"title\":{\"ja\":\"振り返りアンケート\","
                    "\"en\":\"Reflection survey\"},\"sections\":[0,1]},{\"id\":\"journey\",\"title\":{\"ja\":\"歩みシート\","
                    "\"en\":\"Journey sheet\"},\"sections\":[2]}],") != std::string::npos);
  BOOST_TEST(j.find("{\"id\":\"note\",\"type\":\"text\",\"section\":2,\"part\":1,") != std::string::npos);
}

// The page of one part: that part's items only; scales, sections and parts whole (indices hold).
BOOST_AUTO_TEST_CASE(the_items_of_one_part) {
  Diagnostics d;
  const Questionnaire q = Questionnaire::load(std::string(CAREERMAP_SOURCE_DIR) + "/tests/data/tiny/course.yaml", d);
  BOOST_REQUIRE(!d.has_errors());
  const std::string whole = questionnaire_json(q);
  const std::string journey = questionnaire_json(q, *q.find_part("journey"));
  const size_t items = whole.find(",\"items\":[");
  BOOST_TEST(journey.substr(0, items) == whole.substr(0, items));
  const size_t note = whole.find("{\"id\":\"note\"");
  BOOST_TEST(journey.substr(items) == ",\"items\":[" + whole.substr(note));
  const std::string survey = questionnaire_json(q, *q.find_part("survey"));
  BOOST_TEST(survey.substr(items) == whole.substr(items, note - 1 - items) + "]}");
  BOOST_TEST(questionnaire_json(q, 0) != whole);
  BOOST_TEST(questionnaire_json(test::tiny_questionnaire(), 0) == questionnaire_json(test::tiny_questionnaire()));
}

BOOST_AUTO_TEST_CASE(bounds_are_exact) {
  auto q = test::tiny_questionnaire();
  q.items[*q.find_item("years")].min = 0.1;
  q.items[*q.find_item("years")].max = 1e20;
  const std::string j = questionnaire_json(q);
  BOOST_TEST(j.find("\"min\":0.10000000000000001,\"max\":1e+20,") != std::string::npos);
}

BOOST_AUTO_TEST_SUITE_END()
