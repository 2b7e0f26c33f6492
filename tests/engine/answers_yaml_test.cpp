#include "engine/answers_yaml.hpp"

#include <boost/test/unit_test.hpp>
#include <cstdio>
#include <cstdlib>
#include <random>

#include "tests/testutil.hpp"

using namespace careermap;
using test::messages;
using test::tiny_answers;
using Lines = std::vector<std::string>;

BOOST_AUTO_TEST_SUITE(answers_yaml)

BOOST_AUTO_TEST_CASE(numbers_are_written_in_their_shortest_form) {
  Diagnostics d;
  const Answers a = tiny_answers("p1", "  size: small\n  a1: 4\n  years: 3.1\n", d);
  BOOST_TEST(messages(d) == Lines{}, boost::test_tools::per_element());
  BOOST_TEST(answers_to_yaml(test::tiny_questionnaire(), a) ==
             "questionnaire: \"tiny\"\nparticipant: \"p1\"\nanswers:\n  size: \"small\"\n  a1: 4\n  years: 3.1\n");
}

BOOST_AUTO_TEST_CASE(a_written_number_reads_back_as_the_same_double) {
  const Questionnaire q = test::tiny_questionnaire();
  std::mt19937_64 rng(20261201);
  std::uniform_real_distribution<double> years(0, 60);
  for (int i = 0; i < 2000; ++i) {
    Answers a;
    a.participant = "p1";
    Answer size;
    size.type = ItemType::choice;
    size.text = "small";
    a.values["size"] = size;
    Answer n;
    n.type = ItemType::number;
    n.number = years(rng);
    a.values["years"] = n;
    const std::string yaml = answers_to_yaml(q, a);
    Diagnostics back;
    const Answers b = parse_answers(q, yaml, "p1.yaml", back);
    BOOST_REQUIRE_MESSAGE(back.empty(), yaml);
    BOOST_REQUIRE(b.find("years"));
    BOOST_TEST(*b.find("years")->number == *n.number, yaml);
    // An independent reference of "shortest": the fewest significant digits that read back.
    std::string shortest;
    for (int p = 1; p <= 17 && shortest.empty(); ++p) {
      char buf[40];
      std::snprintf(buf, sizeof buf, "%.*g", p, *n.number);
      if (std::strtod(buf, nullptr) == *n.number) shortest = buf;
    }
    BOOST_TEST(yaml.find("\n  years: " + shortest + "\n") != std::string::npos, yaml << " != " << shortest);
  }
}

BOOST_AUTO_TEST_SUITE_END()
