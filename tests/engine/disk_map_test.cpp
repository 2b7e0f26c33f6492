#include "engine/disk_map.hpp"

#include <sqlite3.h>

#include <boost/test/unit_test.hpp>
#include <cstdio>
#include <map>
#include <random>
#include <string>

using namespace careermap;

BOOST_AUTO_TEST_SUITE(disk_map)

// Against a std::map: 200,000 random finds, puts and inserts of keys that are any bytes (a NUL,
// the empty key and keys that differ only in case or length among them), with a cache of 16 KB
// so that most of the keys live in the file; then every key found again.
BOOST_AUTO_TEST_CASE(keys_and_values_are_those_of_a_map) {
  DiskMap map(16);
  std::map<std::string, std::string> want;
  std::mt19937_64 rng(5);
  const auto bytes = [&](int most) {
    std::string s;
    for (int k = 0, n = static_cast<int>(rng() % (most + 1)); k < n; ++k)
      s += static_cast<char>(rng() % 4 ? 'a' + rng() % 3 : rng() % 256);
    return s;
  };
  for (int i = 0; i < 200000; ++i) {
    const std::string key = bytes(i % 3 ? 6 : 40), value = bytes(12);
    switch (rng() % 3) {
      case 0: {
        const auto it = want.find(key);
        const std::optional<std::string> got = map.find(key);
        BOOST_TEST_REQUIRE(got.has_value() == (it != want.end()));
        if (got) BOOST_TEST_REQUIRE(*got == it->second);
        break;
      }
      case 1:
        map.put(key, value);
        want[key] = value;
        break;
      default:
        BOOST_TEST_REQUIRE(map.insert(key, value) == want.emplace(key, value).second);
    }
  }
  BOOST_TEST(want.size() > 20000u);
  BOOST_TEST(want.count("") == 1u);
  for (const auto& [key, value] : want) BOOST_TEST_REQUIRE(map.find(key).value_or("none") == value);
}

// The memory held stays about the cache, whatever the number of keys: 100,000 keys of 24 bytes
// with values of 9 (over 3 MB of keys and values) in a map with a cache of 64 KB leave SQLite
// holding under 200 KB more than the empty map did.
BOOST_AUTO_TEST_CASE(memory_is_the_cache_not_the_keys) {
  DiskMap map(64);
  const sqlite3_int64 empty = sqlite3_memory_used();
  char key[32];
  for (int i = 0; i < 100000; ++i) {
    std::snprintf(key, sizeof key, "participant-%012d", (i * 7919) % 100000);
    map.put(key, "123456789");
  }
  BOOST_TEST(map.find("participant-000000012345").value_or("none") == "123456789");
  BOOST_TEST(sqlite3_memory_used() - empty < 200 * 1024);
}

BOOST_AUTO_TEST_SUITE_END()
