#include "engine/item_stats.hpp"

#include <boost/test/unit_test.hpp>
#include <algorithm>
#include <cmath>
#include <numeric>
#include <random>

#include "tests/testutil.hpp"

using namespace careermap;
namespace tt = boost::test_tools;

namespace {

// Three items keyed to one scene (q2 reversed), one to another, one unkeyed.
const char* kQ = R"(
questionnaire: stats
title: Stats
scales: {s5: {min: 1, max: 5}}
sections:
  - id: main
    items:
      - {id: q1, type: likert, scale: s5, key: fix.near, text: Q1}
      - {id: q2, type: likert, scale: s5, key: fix.near, reverse: true, text: Q2}
      - {id: q3, type: likert, scale: s5, key: fix.near, text: Q3}
      - {id: q4, type: likert, scale: s5, key: fix.far, text: Q4}
)";

Questionnaire stats_questionnaire() {
  Diagnostics d;
  Questionnaire q = Questionnaire::parse(kQ, "q.yaml", test::tiny_model(), d);
  BOOST_REQUIRE(!d.has_errors());
  return q;
}

// Rows of raw answers (0 = unanswered) -> table.
ItemResponses table(const Questionnaire& q, const std::vector<std::vector<int>>& rows) {
  ItemResponses r(q.keyed_items(), rows.size());
  for (size_t n = 0; n < rows.size(); ++n)
    for (size_t c = 0; c < rows[n].size(); ++c) r.at(n, c) = rows[n][c] ? static_cast<float>(rows[n][c]) : NAN;
  return r;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(item_stats)

// Keyed answers (q2 already mirrored: raw 4 means keyed 2):
//   1 2 2 / 2 3 3 / 3 3 4 / 4 5 4 / 5 4 5
// Item variances 2.5, 1.3, 1.3 (sum 5.1); totals 5 8 10 13 14, variance 13.5;
// alpha = 3/2 * (1 - 5.1 / 13.5) = 0.9333...
// r_drop by hand from the same data: 0.96896, 0.79530, 0.90811.
BOOST_AUTO_TEST_CASE(textbook_alpha_and_r_drop) {
  const Questionnaire q = stats_questionnaire();
  const ItemAnalysis a = analyze_items(q, table(q, {{1, 4, 2, 3}, {2, 3, 3, 3}, {3, 3, 4, 3}, {4, 1, 4, 3}, {5, 2, 5, 3}}));
  BOOST_TEST(a.n == 5u);
  const ScaleStat& s = a.scales[0];
  BOOST_TEST(s.id == "fix.near");
  BOOST_TEST(s.items == (std::vector<std::string>{"q1", "q2", "q3"}), tt::per_element());
  BOOST_TEST(*s.alpha == 14.0 / 15.0, tt::tolerance(1e-12));
  BOOST_TEST(s.n_complete == 5);
  BOOST_TEST(*a.items[0].r_drop == 0.9689627902499088, tt::tolerance(1e-12));
  BOOST_TEST(*a.items[1].r_drop == 0.7953036546224646, tt::tolerance(1e-12));
  BOOST_TEST(*a.items[2].r_drop == 0.9081082718950217, tt::tolerance(1e-12));
  BOOST_TEST(*a.items[1].mean == 3.4, tt::tolerance(1e-12));  // keyed direction
  BOOST_TEST(*a.items[0].sd == std::sqrt(2.5), tt::tolerance(1e-12));
  BOOST_TEST(a.items[0].scale == "fix.near");
}

BOOST_AUTO_TEST_CASE(single_item_scales_and_constant_items_say_why) {
  const Questionnaire q = stats_questionnaire();
  const ItemAnalysis a = analyze_items(q, table(q, {{1, 4, 2, 3}, {2, 3, 3, 3}, {3, 3, 4, 3}, {4, 1, 4, 3}}));
  BOOST_TEST(!a.scales[1].alpha.has_value());  // fix.far has one item
  BOOST_TEST(a.scales[1].note == "fewer than 2 items");
  BOOST_TEST(a.scales[2].note == "fewer than 2 items");  // deep.near: none
  BOOST_TEST(a.scales[2].n_complete == 0);
  BOOST_TEST(!a.items[3].r_drop.has_value());
  BOOST_TEST(*a.items[3].sd == 0.0);
}

BOOST_AUTO_TEST_CASE(too_few_people_per_pair_gives_no_alpha) {
  const Questionnaire q = stats_questionnaire();
  const ItemAnalysis a = analyze_items(q, table(q, {{1, 4, 0, 3}, {2, 3, 3, 3}, {3, 0, 4, 3}, {4, 1, 4, 3}}));
  BOOST_TEST(!a.scales[0].alpha.has_value());
  BOOST_TEST(a.scales[0].note == "fewer than 3 people answered every pair of items");
  BOOST_TEST(a.scales[0].n_complete == 2);
  BOOST_TEST(a.items[0].n == 4);
  BOOST_TEST(a.items[1].n == 3);
}

BOOST_AUTO_TEST_CASE(pairwise_complete_covariances) {
  // q3 missing for one person: its covariances use the 4 who answered both.
  const Questionnaire q = stats_questionnaire();
  const std::vector<std::vector<int>> rows = {{1, 4, 2, 3}, {2, 3, 3, 3}, {3, 3, 4, 3}, {4, 1, 4, 3}, {5, 2, 0, 3}, {2, 4, 1, 3}};
  const ItemAnalysis a = analyze_items(q, table(q, rows));
  // By hand: keyed columns x1 = 1 2 3 4 5 2, x2 = 2 3 3 5 4 2, x3 = 2 3 4 4 - 1.
  // cov12 over 6 people; cov13, cov23 over the 5 with q3. Python:
  //   C = [[2.1667, 1.4333, 1.1], [1.4333, 1.3667, 1.25], [1.1, 1.25, 1.7]]
  //   alpha = 1.5 * (1 - 5.2333 / (5.2333 + 2 * 3.7833)) = 0.88671875
  BOOST_TEST(*a.scales[0].alpha == 0.88671875, tt::tolerance(1e-12));
  BOOST_TEST(a.scales[0].n_complete == 5);
}

BOOST_AUTO_TEST_CASE(json_form) {
  const Questionnaire q = stats_questionnaire();
  const ItemAnalysis a = analyze_items(q, table(q, {{1, 4, 2, 3}, {2, 3, 3, 3}, {3, 3, 4, 3}, {4, 1, 4, 3}, {5, 2, 5, 3}}));
  const std::string j = item_analysis_json(a);
  BOOST_TEST(j.rfind("{\"n\": 5,\n \"scales\": [\n  {\"id\": \"fix.near\", \"items\": [\"q1\", \"q2\", \"q3\"], "
                     "\"alpha\": 0.9333, \"n_complete\": 5, \"note\": null},", 0) == 0u);
  BOOST_TEST(j.find("{\"id\": \"q4\", \"n\": 5, \"mean\": 3, \"sd\": 0, \"r_drop\": null}") != std::string::npos);
}

// ScaleSums against analyze_items, on random questionnaires (1 to 8 items on scales of
// 0..3 to 1..7, some reversed, keyed to one scene or two) and random answers with gaps, the
// people added in a shuffled order: the same scales, alphas to the bit.
BOOST_AUTO_TEST_CASE(scale_sums_give_the_scales_of_analyze_items_to_the_bit_in_any_order) {
  const char* scenes[] = {"fix.near", "fix.far", "deep.near", "deep.far"};
  std::mt19937 rng(17);
  int alphas = 0, notes = 0;
  for (int round = 0; round < 300; ++round) {
    const int lo = static_cast<int>(rng() % 2), hi = 3 + static_cast<int>(rng() % 5), items = 1 + static_cast<int>(rng() % 8);
    std::string text = "questionnaire: r\ntitle: R\nscales: {s: {min: " + std::to_string(lo) + ", max: " +
                       std::to_string(hi) + "}}\nsections:\n  - id: main\n    items:\n";
    for (int i = 0; i < items; ++i) {
      const size_t a = rng() % 4, b = (a + 1 + rng() % 3) % 4;  // two different scenes
      const std::string key = rng() % 4 ? scenes[a] : std::string("[") + scenes[a] + ", " + scenes[b] + "]";
      text += "      - {id: i" + std::to_string(i) + ", type: likert, scale: s, key: " + key +
              (rng() % 3 == 0 ? ", reverse: true" : "") + ", text: I}\n";
    }
    Diagnostics d;
    const Questionnaire q = Questionnaire::parse(text, "r.yaml", test::tiny_model(), d);
    BOOST_REQUIRE_MESSAGE(!d.has_errors(), text);
    const size_t people = rng() % 40;
    const int gaps = static_cast<int>(rng() % 4);  // in 10: how often an answer is left out
    ItemResponses r(q.keyed_items(), people);
    for (size_t n = 0; n < people; ++n)
      for (size_t c = 0; c < r.items.size(); ++c)
        r.at(n, c) = static_cast<int>(rng() % 10) < gaps ? NAN : static_cast<float>(lo + static_cast<int>(rng() % (hi - lo + 1)));
    const ItemAnalysis want = analyze_items(q, r);
    std::vector<size_t> order(people);
    std::iota(order.begin(), order.end(), size_t{0});
    std::shuffle(order.begin(), order.end(), rng);
    ScaleSums sums(q, q.keyed_items());
    for (size_t n : order) sums.add(r, n);
    BOOST_TEST(sums.people() == people);
    const std::vector<ScaleStat> got = sums.scales();
    BOOST_REQUIRE(got.size() == want.scales.size());
    for (size_t s = 0; s < got.size(); ++s) {
      BOOST_TEST(got[s].id == want.scales[s].id);
      BOOST_TEST(got[s].items == want.scales[s].items, tt::per_element());
      BOOST_TEST(got[s].n_complete == want.scales[s].n_complete);
      BOOST_TEST(got[s].note == want.scales[s].note);
      BOOST_TEST(got[s].alpha.has_value() == want.scales[s].alpha.has_value());
      if (got[s].alpha && want.scales[s].alpha) BOOST_TEST(*got[s].alpha == *want.scales[s].alpha);  // exactly
      alphas += want.scales[s].alpha.has_value();
      notes += !want.scales[s].note.empty();
    }
  }
  BOOST_TEST(alphas > 200);  // the rounds reach alphas and every kind of note
  BOOST_TEST(notes > 200);
}

BOOST_AUTO_TEST_SUITE_END()
