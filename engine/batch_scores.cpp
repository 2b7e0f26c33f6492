#include "engine/batch_scores.hpp"


#include <algorithm>
#include <bit>
#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <limits>
#include <new>
#include <thread>

#include "engine/keyed.hpp"

namespace careermap {
namespace {

constexpr size_t kBlock = 1024;  // rows per block: the sums of a block stay in the cache

// One keyed (item, scene) pair of a column: its whole-number weights (keyed.hpp).
struct KeyEntry {
  int scene;
  long long num, den;
};

// What every row needs, found once: the key by column, the point map, the settings.
struct Plan {
  size_t rows = 0, columns = 0;
  int scenes = 0;
  std::vector<size_t> first;      // per column + 1: its entries are entries[first[c]..first[c+1])
  std::vector<KeyEntry> entries;
  std::vector<float> a, b;        // per column: point p = a x + b (a = +-1), exact in float
  std::vector<int> required;      // per scene
  std::vector<double> stage_of, level_of;  // per scene, 1-based
  const ScoringSettings* set = nullptr;
  double e = 0, full = 1;         // episode weight and full-at, for the double score
  bool keep_parts = false;
  bool narrow = true;             // every scene's sums fit in 32 bits (BlockSums)
};

Plan make_plan(const Questionnaire& q, const ItemResponses& r, const ExactKey& key, bool keep_parts) {
  Plan p;
  p.rows = r.rows;
  p.columns = r.items.size();
  p.scenes = key.scenes;
  p.first.push_back(0);
  std::vector<long long> most_num(p.scenes, 0), most_den(p.scenes, 0);  // the largest sums (below 2^53)
  for (size_t c = 0; c < p.columns; ++c) {
    for (int s = 0; s < p.scenes; ++s)
      if (key.den(c, s) != 0) {
        p.entries.push_back({s, key.num(c, s), key.den(c, s)});
        most_num[s] += key.num(c, s) * (key.scale_max[c] - key.scale_min[c]);
        most_den[s] += key.den(c, s);
      }
    p.first.push_back(p.entries.size());
    p.b.push_back(static_cast<float>(key.point(c, 0)));
    p.a.push_back(static_cast<float>(key.point(c, 1) - key.point(c, 0)));
  }
  for (int s = 0; s < p.scenes; ++s)
    p.narrow = p.narrow && std::max(most_num[s], most_den[s]) <= std::numeric_limits<int32_t>::max();
  p.required = key.required;
  for (const Scene& s : q.model.scenes) {
    p.stage_of.push_back(s.stage + 1);
    p.level_of.push_back(s.level + 1);
  }
  p.set = &q.scoring;
  p.e = q.scoring.episode_weight.value();
  p.full = static_cast<double>(q.scoring.episode_full_at.units);
  p.keep_parts = keep_parts;
  return p;
}

// The sums of one block of rows, scenes x rows: num = sum of num_weight p, den = sum of
// den_weight and cnt = count over the answered keyed items. Whole numbers, exact: in 32 bits
// when every scene's largest sums fit (Plan::narrow: the usual small weights, four lanes to
// an SSE register), else in 64.
struct BlockSums {
  BlockSums(size_t scenes, bool narrow)
      : num32(narrow ? scenes * kBlock : 0), den32(narrow ? scenes * kBlock : 0),
        num64(narrow ? 0 : scenes * kBlock), den64(narrow ? 0 : scenes * kBlock), cnt(scenes * kBlock),
        point(kBlock), mask(kBlock) {}
  std::vector<int32_t> num32, den32;
  std::vector<int64_t> num64, den64;
  std::vector<int32_t> cnt;
  std::vector<int32_t> point;  // per row of the block: the keyed point of the column at hand
  std::vector<int32_t> mask;   // 1 where answered
  long long num(size_t at) const { return num32.empty() ? num64[at] : num32[at]; }
  long long den(size_t at) const { return den32.empty() ? den64[at] : den32[at]; }
};

// The keyed points and the answered mask of column c over rows [r0, r0 + len): its answers
// are contiguous in the table; NaN (unanswered) gives point 0 and mask 0.
void points_of_column(const Plan& p, const ItemResponses& r, size_t c, size_t r0, size_t len, BlockSums& b) {
  const float* raw = r.values.data() + c * p.rows + r0;
  const float a = p.a[c], off = p.b[c];
  int32_t* const point = b.point.data();
  int32_t* const mask = b.mask.data();
  // Branch-free on the bits (a float select is control flow under -ftrapping-math), so
  // that it vectorises: all ones where answered (not NaN), then the point or +0.0.
  for (size_t i = 0; i < len; ++i) {
    const float x = raw[i];
    const uint32_t answered = (std::bit_cast<uint32_t>(x) & 0x7fffffffu) <= 0x7f800000u ? ~0u : 0u;
    mask[i] = static_cast<int32_t>(answered & 1u);
    point[i] = static_cast<int32_t>(std::bit_cast<float>(std::bit_cast<uint32_t>(a * x + off) & answered));
  }
}

template <typename T>
void add_column(const KeyEntry& e, size_t len, const BlockSums& b, T* num, T* den, int32_t* cnt) {
  const T wn = static_cast<T>(e.num), wd = static_cast<T>(e.den);
  for (size_t i = 0; i < len; ++i) {
    num[i] += wn * b.point[i];
    den[i] += wd * b.mask[i];
    cnt[i] += b.mask[i];
  }
}

void sum_block(const Plan& p, const ItemResponses& r, size_t r0, size_t len, BlockSums& b) {
  const size_t S = static_cast<size_t>(p.scenes);
  if (p.narrow) {
    std::fill_n(b.num32.begin(), S * len, 0);
    std::fill_n(b.den32.begin(), S * len, 0);
  } else {
    std::fill_n(b.num64.begin(), S * len, 0);
    std::fill_n(b.den64.begin(), S * len, 0);
  }
  std::fill_n(b.cnt.begin(), S * len, 0);
  for (size_t c = 0; c < p.columns; ++c) {
    if (p.first[c] == p.first[c + 1]) continue;
    points_of_column(p, r, c, r0, len, b);
    for (size_t k = p.first[c]; k < p.first[c + 1]; ++k) {
      const KeyEntry& e = p.entries[k];
      const size_t at = static_cast<size_t>(e.scene) * len;
      if (p.narrow) add_column(e, len, b, b.num32.data() + at, b.den32.data() + at, b.cnt.data() + at);
      else add_column(e, len, b, b.num64.data() + at, b.den64.data() + at, b.cnt.data() + at);
    }
  }
}

// -1, 0 or 1 as scene s scores below, equal to or above scene t, exactly.
int compare_scenes(const Plan& p, bool mixed, long long ns, long long ds, long long es, long long nt, long long dt,
                   long long et) {
  if (mixed) return compare(scene_score(*p.set, true, ns, ds, es), scene_score(*p.set, true, nt, dt, et));
  // Without episodes the scores are 100 N / D: two products of 53-bit numbers decide.
  const uint128 x = static_cast<uint128>(ns) * static_cast<uint128>(dt), y = static_cast<uint128>(nt) * static_cast<uint128>(ds);
  return x < y ? -1 : (x > y ? 1 : 0);
}

// One row over its scenes (never over items): the null rule, the episode mix, the current
// scene and the centroid. `i` is the row in the block, `row` in the batch.
void score_row(const Plan& p, const BlockSums& b, size_t len, size_t i, size_t row, const long long* ev,
               BatchScores& out) {
  const int S = p.scenes;
  double* part = out.item_part.data() + row * S;
  double* score = out.score.data() + row * S;
  int* answered = out.answered.data() + row * S;
  const auto num = [&](int s) { return b.num(s * len + i); };
  const auto den = [&](int s) { return b.den(s * len + i); };
  bool mixed = false;
  for (int s = 0; ev && s < S; ++s) mixed = mixed || ev[s] > 0;
  if (p.keep_parts)
    for (int s = 0; s < S; ++s) {
      out.part_num[row * S + s] = num(s);
      out.part_den[row * S + s] = den(s);
    }
  int best = -1;
  double wsum = 0, st = 0, lv = 0;
  for (int s = 0; s < S; ++s) {
    answered[s] = b.cnt[s * len + i];
    if (answered[s] < p.required[s]) {  // required >= 1, so den > 0 below
      part[s] = NAN;
      score[s] = NAN;
      continue;
    }
    part[s] = static_cast<double>(num(s)) / static_cast<double>(den(s));
    const double v =
        100.0 * (mixed ? (1 - p.e) * part[s] + p.e * std::min(1.0, static_cast<double>(ev[s]) / p.full) : part[s]);
    score[s] = v;
    // Doubles decide when they are far apart (their error is below 1e-12); else exactly.
    if (best < 0 || v > score[best] + 1e-9) {
      best = s;
    } else if (v >= score[best] - 1e-9) {
      const int c = compare_scenes(p, mixed, num(s), den(s), ev ? ev[s] : 0, num(best), den(best), ev ? ev[best] : 0);
      if (c > 0 || (c == 0 && answered[s] > answered[best])) best = s;
    }
    // v is 0 exactly when the exact score is: all its terms are non-negative.
    wsum += v;
    st += v * p.stage_of[s];
    lv += v * p.level_of[s];
  }
  out.current[row] = best;
  out.centroid_stage[row] = wsum > 0 ? st / wsum : NAN;
  out.centroid_level[row] = wsum > 0 ? lv / wsum : NAN;
}

// Rows [begin, end) (whole blocks from `begin`), block by block: one thread's share.
// Allocates nothing, so it cannot throw on a worker thread.
void score_rows(const Plan& p, const ItemResponses& r, std::span<const long long> evidence, size_t begin, size_t end,
                BlockSums& b, BatchScores& out) noexcept {
  const size_t S = static_cast<size_t>(p.scenes);
  for (size_t r0 = begin; r0 < end; r0 += kBlock) {
    const size_t len = std::min(kBlock, end - r0);
    sum_block(p, r, r0, len, b);
    for (size_t i = 0; i < len; ++i) {
      const size_t row = r0 + i;
      score_row(p, b, len, i, row, evidence.empty() ? nullptr : evidence.data() + row * S, out);
    }
  }
}

// The outputs sized for the batch; every element is written once, by score_rows.
void size_outputs(const Questionnaire& q, const ItemResponses& r, const ExactKey& key, bool keep_parts,
                  BatchScores& out) {
  const int S = q.model.scene_count();
  out.keyed_per_scene = key.keyed;
  out.required_per_scene = key.required;
  out.rows = r.rows;
  out.scenes = S;
  out.item_part.resize(r.rows * S);
  out.score.resize(r.rows * S);
  out.answered.resize(r.rows * S);
  out.current.resize(r.rows);
  out.centroid_stage.resize(r.rows);
  out.centroid_level.resize(r.rows);
  out.part_num.resize(keep_parts ? r.rows * S : 0);
  out.part_den.resize(keep_parts ? r.rows * S : 0);
}

}  // namespace

unsigned scoring_threads(size_t rows, unsigned asked) {
  const unsigned cores = std::max(1u, std::thread::hardware_concurrency());
  const size_t blocks = (rows + kBlock - 1) / kBlock;
  // A thread for fewer than 8 blocks costs more than it saves.
  return static_cast<unsigned>(std::clamp<size_t>(blocks / 8, 1, asked ? asked : cores));
}

BatchScores score_batch(const Questionnaire& q, const ItemResponses& r, std::span<const long long> evidence,
                        bool keep_parts, unsigned threads) {
  BatchScores out;
  score_batch_into(q, r, evidence, out, keep_parts, threads);
  return out;
}

void score_batch_into(const Questionnaire& q, const ItemResponses& r, std::span<const long long> evidence,
                      BatchScores& out, bool keep_parts, unsigned threads) {
  const ExactKey key = exact_key(q, r.items);
  size_outputs(q, r, key, keep_parts, out);
  const Plan plan = make_plan(q, r, key, keep_parts);
  // Each thread takes a contiguous run of whole blocks; a row's result depends on its own
  // answers only, so it is the same bits whichever thread computes it.
  const unsigned T = scoring_threads(r.rows, threads);
  const size_t blocks = (r.rows + kBlock - 1) / kBlock;
  const auto bounds = [&](unsigned t) { return std::min(r.rows, blocks * t / T * kBlock); };
  std::vector<BlockSums> sums(T, BlockSums(static_cast<size_t>(plan.scenes), plan.narrow));
  std::vector<std::jthread> pool;
  for (unsigned t = 1; t < T; ++t)
    pool.emplace_back([&, t] { score_rows(plan, r, evidence, bounds(t), bounds(t + 1), sums[t], out); });
  score_rows(plan, r, evidence, 0, bounds(1), sums[0], out);
}

}  // namespace careermap
