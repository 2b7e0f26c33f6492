// Work on many threads, taken in order (tools/in_order.hpp): done sees every index once, in
// order, after its work; no more than `window` indices are ever between work and done; an
// exception from either side comes out where it belongs.
#include "tools/in_order.hpp"

#include <boost/test/unit_test.hpp>
#include <atomic>
#include <random>
#include <stdexcept>
#include <thread>
#include <vector>

using namespace careermap::cli;

BOOST_AUTO_TEST_SUITE(in_order_work)

BOOST_AUTO_TEST_CASE(done_takes_every_result_in_order_within_the_window) {
  std::mt19937 rng(20261203);
  for (int c = 0; c < 200; ++c) {
    const size_t n = rng() % 300;
    const unsigned threads = 1 + rng() % 5;
    const size_t window = 1 + rng() % 9;
    std::vector<unsigned long> slots(window);
    std::atomic<size_t> started{0};
    std::atomic<bool> outside{false};  // work(i) began before done(i - window) returned
    std::atomic<size_t> taken{0};
    std::vector<size_t> order;
    in_order(
        n, threads, window,
        [&](size_t i) {
          started++;
          if (i >= window && i - window >= taken) outside = true;  // read racily; only ever too early
          if (i % 7 == 0) std::this_thread::yield();
          slots[i % window] = i * 2654435761u;
        },
        [&](size_t i) {
          BOOST_REQUIRE(slots[i % window] == i * 2654435761u);
          order.push_back(i);
          taken = i + 1;
        });
    BOOST_TEST(started == n);
    BOOST_TEST(!outside);
    BOOST_REQUIRE(order.size() == n);
    for (size_t i = 0; i < n; ++i) BOOST_REQUIRE(order[i] == i);
  }
}

BOOST_AUTO_TEST_CASE(a_failing_work_is_thrown_where_its_done_would_be) {
  for (unsigned threads : {1u, 2u, 4u}) {
    std::vector<size_t> order;
    std::string what;
    try {
      in_order(
          100, threads, 4,
          [](size_t i) {
            if (i == 37) throw std::runtime_error("work 37");
          },
          [&](size_t i) { order.push_back(i); });
    } catch (const std::runtime_error& e) {
      what = e.what();
    }
    BOOST_TEST(what == "work 37");
    BOOST_TEST(order.size() == 37u);  // 0..36, and nothing after
  }
}

BOOST_AUTO_TEST_CASE(a_failing_done_stops_the_work) {
  for (unsigned threads : {1u, 3u}) {
    std::atomic<size_t> worked{0};
    std::string what;
    try {
      in_order(
          1000, threads, 5, [&](size_t) { worked++; },
          [](size_t i) {
            if (i == 10) throw std::runtime_error("done 10");
          });
    } catch (const std::runtime_error& e) {
      what = e.what();
    }
    BOOST_TEST(what == "done 10");
    BOOST_TEST(worked <= 15u);  // index 10 and the window after it, no further
  }
}

BOOST_AUTO_TEST_SUITE_END()
