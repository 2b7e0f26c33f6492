// The scoring key in whole numbers: the one definition of how a likert answer is keyed
// and put on 0..1 (FORMAT.md "Scoring", rules 1-4), used by batch scoring, per-person
// scoring and item statistics.
//
// A keyed answer x on a scale [min, max] is the point p = x - min (reversed: max - x),
// 0..span with span = max - min, so its share is p / span. For a scene s with keyed items
// i of weight w_i (Decimal units) let g = gcd(w_i) and L = lcm(span_i); then with
//   num_weight(i, s) = (w_i / g) (L / span_i)   and   den_weight(i, s) = (w_i / g) L
// the item part is  sum over answered i of num_weight p_i  /  sum of den_weight,  which is
// exactly the weighted mean of p_i / span_i. The loader refuses a scene whose sums could
// reach 2^53 (fits), so they are exact in a double and in the matrix products of
// batch_scores. Pure functions; thread-safe.
#pragma once

#include <span>
#include <vector>

#include "engine/exact.hpp"
#include "engine/questionnaire.hpp"

namespace careermap {

// The keyed point of answer x on [min, max]: 0..max - min (FORMAT.md Scoring, rule 1). The one
// definition: the per-scene key, the batch scorer's matrices and item statistics all use it.
constexpr int keyed_point(int min, int max, bool reverse, int x) { return reverse ? max - x : x - min; }
constexpr int keyed_point(const Scale& s, bool reverse, int x) { return keyed_point(s.min, s.max, reverse, x); }
// The answer in the keyed direction on the item's own scale (item statistics): min + point.
constexpr int keyed_answer(const Scale& s, bool reverse, int x) { return s.min + keyed_point(s, reverse, x); }

// Sums of whole-number weights stay below this, so doubles hold them exactly.
inline constexpr long long kExactLimit = 1LL << 53;

struct ExactKey {
  size_t columns = 0;  // keyed items, in the order given
  int scenes = 0;
  std::vector<long long> num_weight, den_weight;  // columns x scenes, row-major; 0 = not keyed
  std::vector<int> scale_min, scale_max;          // per column
  std::vector<bool> reverse;                      // per column
  std::vector<int> keyed, required;               // per scene: keyed items, answers needed
  std::vector<bool> fits;                         // per scene: every sum below kExactLimit

  long long num(size_t col, int scene) const { return num_weight[col * scenes + scene]; }
  long long den(size_t col, int scene) const { return den_weight[col * scenes + scene]; }
  // The keyed point of a raw answer in column `col`.
  int point(size_t col, int x) const { return keyed_point(scale_min[col], scale_max[col], reverse[col], x); }
};

// The key of `q` for the items `columns` (indices into q.items; usually q.keyed_items()).
ExactKey exact_key(const Questionnaire& q, std::span<const int> columns);

// Rule 2: answered items a scene of `keyed` items needs: max(1, ceil(share x keyed)).
int required_answers(Decimal min_answered_share, int keyed);

// Rule 10: an item part num / den at least evidence_threshold.
bool reaches_threshold(const ScoringSettings& s, long long num, long long den);

// A scene score (rule 4, exact) at least 100 x evidence_threshold: a strength on the
// profile page (FORMAT.md "Scoring settings"); equal counts.
bool score_reaches_threshold(const ScoringSettings& s, const Fraction& score);

// Rule 4, exactly: 100 x item part, or when `mixed` (the participant's placed episodes
// weigh above 0) 100 x ((1 - episode_weight) x item part + episode_weight x episode part),
// with item part num / den (den > 0) and E = `episodes` (Decimal units on this scene).
Fraction scene_score(const ScoringSettings& s, bool mixed, long long num, long long den, long long episodes);

}  // namespace careermap
