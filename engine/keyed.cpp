#include "engine/keyed.hpp"

#include <algorithm>
#include <numeric>

namespace careermap {

ExactKey exact_key(const Questionnaire& q, std::span<const int> columns) {
  ExactKey k;
  const int S = q.model.scene_count();
  k.columns = columns.size();
  k.scenes = S;
  k.num_weight.assign(k.columns * S, 0);
  k.den_weight.assign(k.columns * S, 0);
  k.keyed.assign(S, 0);
  k.required.assign(S, 1);
  k.fits.assign(S, true);
  std::vector<long long> g(S, 0), L(S, 1);
  for (size_t c = 0; c < k.columns; ++c) {
    const Item& item = q.items[columns[c]];
    const Scale& s = q.scales[item.scale];
    k.scale_min.push_back(s.min);
    k.scale_max.push_back(s.max);
    k.reverse.push_back(item.reverse);
    for (const auto& e : item.key) {
      g[e.scene] = std::gcd(g[e.scene], e.weight.units);
      L[e.scene] = std::min(std::lcm(L[e.scene], static_cast<long long>(s.max - s.min)), kExactLimit);
      k.keyed[e.scene]++;
    }
  }
  std::vector<uint128> total(S, 0);
  for (size_t c = 0; c < k.columns; ++c) {
    const Item& item = q.items[columns[c]];
    const long long span = k.scale_max[c] - k.scale_min[c];
    for (const auto& e : item.key) {
      const long long w = e.weight.units / g[e.scene];
      const uint128 den = static_cast<uint128>(w) * L[e.scene];
      total[e.scene] += den;
      if (total[e.scene] >= kExactLimit || L[e.scene] >= kExactLimit) {
        k.fits[e.scene] = false;
        continue;
      }
      k.den_weight[c * S + e.scene] = static_cast<long long>(den);
      k.num_weight[c * S + e.scene] = w * (L[e.scene] / span);
    }
  }
  for (int s = 0; s < S; ++s) k.required[s] = required_answers(q.scoring.min_answered_share, k.keyed[s]);
  return k;
}

int required_answers(Decimal share, int keyed) {
  const long long need = (share.units * keyed + Decimal::kUnit - 1) / Decimal::kUnit;  // ceiling; share >= 0
  return static_cast<int>(std::max(1LL, need));
}

bool reaches_threshold(const ScoringSettings& s, long long num, long long den) {
  using U = uint128;
  return static_cast<U>(num) * Decimal::kUnit >= static_cast<U>(s.evidence_threshold.units) * den;
}

bool score_reaches_threshold(const ScoringSettings& s, const Fraction& score) {
  return compare(score, Fraction{uint128(100) * static_cast<uint128>(s.evidence_threshold.units), Decimal::kUnit}) >= 0;
}

Fraction scene_score(const ScoringSettings& s, bool mixed, long long num, long long den, long long episodes) {
  using U = uint128;
  if (!mixed) return {U(100) * num, U(den)};
  const U unit = Decimal::kUnit, e = s.episode_weight.units, full = s.episode_full_at.units;
  const U m = static_cast<U>(std::min(episodes, s.episode_full_at.units));
  return {100 * ((unit - e) * full * num + e * m * den), unit * full * den};
}

}  // namespace careermap
