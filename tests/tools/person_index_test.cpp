#include "tools/person_index.hpp"

#include <boost/test/unit_test.hpp>
#include <map>
#include <random>

using namespace careermap::cli;

BOOST_AUTO_TEST_SUITE(person_index)

// Against a map: every id gets the number of its first coming, on 200,000 random ids of which
// many repeat (any bytes, a NUL and the empty id among them), past several growths.
BOOST_AUTO_TEST_CASE(ids_are_numbered_in_order_of_first_coming) {
  PersonIndex index;
  std::map<std::string, uint32_t> want;
  std::mt19937_64 rng(9);
  for (int i = 0; i < 200000; ++i) {
    std::string id;
    for (int k = 0, n = static_cast<int>(rng() % 7); k < n; ++k) id += static_cast<char>(rng() % 40);
    const auto [it, fresh] = want.emplace(id, static_cast<uint32_t>(want.size()));
    const auto [person, added] = index.add(id);
    BOOST_TEST_REQUIRE(person == it->second);
    BOOST_TEST_REQUIRE(added == fresh);
  }
  BOOST_TEST(index.size() == want.size());
  for (const auto& [id, person] : want) BOOST_TEST_REQUIRE(index.id(person) == id);
}

BOOST_AUTO_TEST_SUITE_END()
