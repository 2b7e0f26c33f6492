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
  BOOST_TEST(j.find("{\"id\":\"size\",\"type\":\"choice\",\"section\":0,\"text\":{\"ja\":\"Size\",\"en\":\"Size\"},"
                    "\"required\":true,\"scale\":-1,\"options\":[{\"value\":\"small\",") != std::string::npos);
  BOOST_TEST(j.find("\"id\":\"years\",\"type\":\"number\",") != std::string::npos);
  BOOST_TEST(j.find("\"min\":0,\"max\":60,\"fields\":[]}") != std::string::npos);
  BOOST_TEST(j.find("{\"id\":\"from\",\"type\":\"number\",\"label\":") != std::string::npos);
  BOOST_TEST(j.find("\"required\":true,\"options\":[],\"min\":null,\"max\":null,\"use\":\"from_year\"}") != std::string::npos);
  BOOST_TEST(j.find("key") == std::string::npos);  // no scoring key: the page shows no score
  BOOST_TEST(j.find("weight") == std::string::npos);
  BOOST_TEST(j.find("reverse") == std::string::npos);
}

BOOST_AUTO_TEST_CASE(bounds_are_exact) {
  auto q = test::tiny_questionnaire();
  q.items[*q.find_item("years")].min = 0.1;
  q.items[*q.find_item("years")].max = 1e20;
  const std::string j = questionnaire_json(q);
  BOOST_TEST(j.find("\"min\":0.10000000000000001,\"max\":1e+20,") != std::string::npos);
}

BOOST_AUTO_TEST_SUITE_END()
