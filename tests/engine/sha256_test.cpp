#include "engine/sha256.hpp"

#include <boost/test/unit_test.hpp>
#include <cstdio>
#include <fstream>
#include <random>
#include <string>

#include "tests/testutil.hpp"

using namespace careermap;

BOOST_AUTO_TEST_SUITE(sha256)

BOOST_AUTO_TEST_CASE(a_million_a_is_the_fips_180_example) {
  BOOST_TEST(sha256_hex(std::string(1000000, 'a')) == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
}

// coreutils' sha256sum, an implementation of its own, on random byte strings of the lengths
// around the 64-byte block and its padding.
BOOST_AUTO_TEST_CASE(random_bytes_agree_with_coreutils_sha256sum) {
  test::TempDir dir;
  std::mt19937 rng(17);
  for (int n : {0, 1, 55, 56, 63, 64, 65, 119, 120, 128, 1000, 4097}) {
    std::string bytes(n, '\0');
    for (auto& c : bytes) c = static_cast<char>(rng() & 0xFF);
    const std::string path = (dir.path() / "b.bin").string();
    std::ofstream(path, std::ios::binary) << bytes;
    FILE* p = popen(("sha256sum '" + path + "'").c_str(), "r");
    BOOST_REQUIRE(p);
    char hex[65] = {};
    BOOST_REQUIRE(std::fread(hex, 1, 64, p) == 64);
    pclose(p);
    BOOST_TEST_INFO("length " << n);
    BOOST_TEST(sha256_hex(bytes) == std::string(hex));
  }
}

BOOST_AUTO_TEST_SUITE_END()
