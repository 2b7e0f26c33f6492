#include "engine/batch_scores.hpp"

#include <boost/test/unit_test.hpp>
#include <cmath>
#include <cstring>
#include <random>

#include "tests/testutil.hpp"

using namespace careermap;
namespace tt = boost::test_tools;

namespace {

// The rules of FORMAT.md applied to one row, item by item: the reference the matrix
// code must agree with.
std::vector<double> reference_row(const Questionnaire& q, const ItemResponses& r, size_t row,
                                  std::span<const long long> ev) {  // ev: Decimal units
  const int S = q.model.scene_count();
  std::vector<double> num(S, 0), den(S, 0), cnt(S, 0), keyed(S, 0);
  for (size_t c = 0; c < r.items.size(); ++c) {
    const Item& item = q.items[r.items[c]];
    const Scale& s = q.scales[item.scale];
    for (const auto& k : item.key) {
      keyed[k.scene] += 1;
      const float x = r.at(row, c);
      if (std::isnan(x)) continue;
      const double xr = item.reverse ? s.min + s.max - x : x;
      num[k.scene] += k.weight * (xr - s.min) / (s.max - s.min);
      den[k.scene] += k.weight;
      cnt[k.scene] += 1;
    }
  }
  bool has = false;
  for (int s = 0; s < S; ++s) has = has || (!ev.empty() && ev[s] > 0);
  std::vector<double> out(S, NAN);
  for (int s = 0; s < S; ++s) {
    const double need = std::max(1.0, std::ceil(q.scoring.min_answered_share * keyed[s]));
    if (keyed[s] == 0 || cnt[s] < need) continue;
    const double part = num[s] / den[s];
    out[s] = has ? 100 * ((1 - q.scoring.episode_weight) * part +
                          q.scoring.episode_weight * std::min(1.0, Decimal{ev[s]}.value() / q.scoring.episode_full_at))
                 : 100 * part;
  }
  return out;
}

ItemResponses random_responses(const Questionnaire& q, size_t rows, unsigned seed, double missing) {
  ItemResponses r(q.keyed_items(), rows);
  std::mt19937 rng(seed);
  std::uniform_int_distribution<int> point(1, 5);
  std::bernoulli_distribution blank(missing);
  for (size_t c = 0; c < r.items.size(); ++c)
    for (size_t n = 0; n < rows; ++n) r.at(n, c) = blank(rng) ? NAN : static_cast<float>(point(rng));
  return r;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(batch_scores)

BOOST_AUTO_TEST_CASE(agrees_with_the_rules_row_by_row_across_block_boundaries) {
  const Questionnaire q = test::tiny_questionnaire();
  const size_t rows = 20000;  // more than two blocks
  const ItemResponses r = random_responses(q, rows, 7, 0.3);
  std::vector<long long> ev(rows * 4, 0);  // role-weighted episodes, Decimal units
  std::mt19937 rng(3);
  for (size_t i = 0; i < ev.size(); ++i) ev[i] = rng() % 7 == 0 ? (rng() % 4) * 5000 : 0;
  const BatchScores b = score_batch(q, r, ev);
  size_t nulls = 0;
  for (size_t n = 0; n < rows; ++n) {
    const auto want = reference_row(q, r, n, std::span<const long long>(ev).subspan(n * 4, 4));
    for (int s = 0; s < 4; ++s) {
      const double got = b.score[n * 4 + s];
      BOOST_REQUIRE_EQUAL(std::isnan(got), std::isnan(want[s]));
      if (!std::isnan(got)) {
        BOOST_REQUIRE_SMALL(got - want[s], 1e-9);
        BOOST_REQUIRE(got >= 0 && got <= 100);
      } else {
        ++nulls;
      }
    }
  }
  BOOST_TEST(nulls > 0u);  // the random data did exercise the null rule
}

BOOST_AUTO_TEST_CASE(row_order_changes_nothing) {
  const Questionnaire q = test::tiny_questionnaire();
  const ItemResponses r = random_responses(q, 500, 11, 0.2);
  ItemResponses rev(r.items, r.rows);
  for (size_t c = 0; c < r.items.size(); ++c)
    for (size_t n = 0; n < r.rows; ++n) rev.at(r.rows - 1 - n, c) = r.at(n, c);
  const BatchScores a = score_batch(q, r), b = score_batch(q, rev);
  for (size_t n = 0; n < r.rows; ++n) {
    BOOST_REQUIRE_EQUAL(a.current[n], b.current[r.rows - 1 - n]);
    for (int s = 0; s < 4; ++s) {
      const double x = a.score[n * 4 + s], y = b.score[(r.rows - 1 - n) * 4 + s];
      BOOST_REQUIRE((std::isnan(x) && std::isnan(y)) || x == y);
    }
  }
}

BOOST_AUTO_TEST_CASE(a_reversed_item_equals_its_mirrored_answers_unreversed) {
  std::string text = test::kQuestionnaire;
  text.replace(text.find("reverse: true, "), 15, "");
  Diagnostics d;
  const Questionnaire plain = Questionnaire::parse(text, "q.yaml", test::tiny_model(), d);
  BOOST_REQUIRE(d.empty());
  const Questionnaire q = test::tiny_questionnaire();
  const ItemResponses r = random_responses(q, 300, 5, 0.1);
  ItemResponses mirrored = r;
  for (size_t n = 0; n < r.rows; ++n) mirrored.at(n, 1) = 6 - r.at(n, 1);  // a2 is column 1
  const BatchScores a = score_batch(q, r), b = score_batch(plain, mirrored);
  for (size_t i = 0; i < a.score.size(); ++i)
    BOOST_REQUIRE((std::isnan(a.score[i]) && std::isnan(b.score[i])) || std::fabs(a.score[i] - b.score[i]) < 1e-12);
}

BOOST_AUTO_TEST_CASE(item_order_and_unkeyed_items_change_nothing) {
  // The same items in another order, plus an unkeyed likert item.
  std::string text = test::kQuestionnaire;
  const std::string a1 = "      - {id: a1, type: likert, scale: s5, key: {scene: fix.near}, text: A1}\n";
  const size_t at = text.find(a1);
  BOOST_REQUIRE(at != std::string::npos);
  text.erase(at, a1.size());
  text.replace(text.find("      - {id: c1"), 0, a1 + "      - {id: z9, type: likert, scale: s5, text: Z}\n");
  Diagnostics d;
  const Questionnaire moved = Questionnaire::parse(text, "q.yaml", test::tiny_model(), d);
  BOOST_REQUIRE(d.empty());
  const Questionnaire q = test::tiny_questionnaire();
  BOOST_TEST(moved.keyed_items().size() == q.keyed_items().size());
  const ItemResponses r = random_responses(q, 400, 9, 0.25);
  // Column c of `r` is item q.items[r.items[c]]; find it by id in the moved questionnaire.
  ItemResponses r2(moved.keyed_items(), r.rows);
  for (size_t c = 0; c < r.items.size(); ++c) {
    const int idx = *moved.find_item(q.items[r.items[c]].id);
    const size_t c2 = std::find(r2.items.begin(), r2.items.end(), idx) - r2.items.begin();
    for (size_t n = 0; n < r.rows; ++n) r2.at(n, c2) = r.at(n, c);
  }
  const BatchScores a = score_batch(q, r), b = score_batch(moved, r2);
  for (size_t i = 0; i < a.score.size(); ++i)
    BOOST_REQUIRE((std::isnan(a.score[i]) && std::isnan(b.score[i])) || std::fabs(a.score[i] - b.score[i]) < 1e-12);
}

BOOST_AUTO_TEST_CASE(one_thread_and_two_give_the_same_bits) {
  const Questionnaire q = test::tiny_questionnaire();
  const size_t rows = 40000;  // 40 blocks: both threads get several
  BOOST_REQUIRE_EQUAL(scoring_threads(rows, 2), 2u);
  BOOST_REQUIRE_EQUAL(scoring_threads(rows, 1), 1u);
  const ItemResponses r = random_responses(q, rows, 13, 0.3);
  std::vector<long long> ev(rows * 4, 0);
  std::mt19937 rng(17);
  for (size_t i = 0; i < ev.size(); ++i) ev[i] = rng() % 5 == 0 ? (rng() % 5) * 5000 : 0;
  const BatchScores one = score_batch(q, r, ev, true, 1), two = score_batch(q, r, ev, true, 2);
  const auto same = [](const auto& a, const auto& b) {
    return a.size() == b.size() && std::memcmp(a.data(), b.data(), a.size() * sizeof(a[0])) == 0;
  };
  BOOST_TEST(same(one.item_part, two.item_part));
  BOOST_TEST(same(one.score, two.score));
  BOOST_TEST(same(one.answered, two.answered));
  BOOST_TEST(same(one.current, two.current));
  BOOST_TEST(same(one.centroid_stage, two.centroid_stage));
  BOOST_TEST(same(one.centroid_level, two.centroid_level));
  BOOST_TEST(same(one.part_num, two.part_num));
  BOOST_TEST(same(one.part_den, two.part_den));
  BOOST_TEST(one.part_num.size() == rows * 4);
}

BOOST_AUTO_TEST_CASE(sums_beyond_32_bits_stay_exact) {
  // fix.far's weights 999.9999 and 1 (coprime in ten-thousandths) on scales of spans 4 and
  // 97: with L = lcm(4, 97) = 388 the denominator reaches 9999999 x 388, beyond 32 bits, so
  // the 64-bit sums are used.
  std::string text = test::kQuestionnaire;
  text.replace(text.find("weight: 2}"), 10, "weight: 999.9999}");
  text.replace(text.find("s5: {min: 1, max: 5}"), 20, "s5: {min: 1, max: 5}\n  s98: {min: 1, max: 98}");
  text.replace(text.find("scale: s5, key: [{scene: fix.far}"), 9, "scale: s98");
  Diagnostics d;
  const Questionnaire q = Questionnaire::parse(text, "q.yaml", test::tiny_model(), d);
  for (const auto& x : d.list()) BOOST_TEST_MESSAGE(x.format());
  BOOST_REQUIRE(d.empty());
  const size_t rows = 3000;
  const ItemResponses r = random_responses(q, rows, 21, 0.2);
  const BatchScores b = score_batch(q, r, {}, true);
  const int far = 1;  // fix.far: b1 and b2
  BOOST_REQUIRE_EQUAL(q.model.scenes[far].id, "fix.far");
  long long widest = 0;
  for (size_t n = 0; n < rows; ++n) {
    const auto want = reference_row(q, r, n, {});
    for (int s = 0; s < 4; ++s) {
      const double got = b.score[n * 4 + s];
      BOOST_REQUIRE_EQUAL(std::isnan(got), std::isnan(want[s]));
      if (!std::isnan(got)) BOOST_REQUIRE_SMALL(got - want[s], 1e-9);
    }
    // The exact denominator in ten-thousandths: 9999999 x 388 for b1 answered, 10000 x 388 for b2.
    const int b1 = static_cast<int>(r.at(n, 2) == r.at(n, 2)), b2 = static_cast<int>(r.at(n, 3) == r.at(n, 3));
    BOOST_REQUIRE_EQUAL(b.part_den[n * 4 + far], (9999999LL * b1 + 10000LL * b2) * 388);
    widest = std::max(widest, b.part_den[n * 4 + far]);
  }
  BOOST_TEST(widest > (1LL << 31));
}

BOOST_AUTO_TEST_CASE(an_empty_batch_is_fine) {
  const Questionnaire q = test::tiny_questionnaire();
  const BatchScores b = score_batch(q, ItemResponses(q.keyed_items(), 0));
  BOOST_TEST(b.rows == 0u);
  BOOST_TEST(b.score.empty());
  BOOST_TEST(b.required_per_scene == (std::vector<int>{1, 1, 1, 1}), tt::per_element());
}

BOOST_AUTO_TEST_SUITE_END()
