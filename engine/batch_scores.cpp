#include "engine/batch_scores.hpp"

#include <Eigen/Dense>
#include <sys/mman.h>

#include <algorithm>
#include <cstdlib>
#include <new>
#include <cmath>

#include "engine/keyed.hpp"

namespace careermap {
namespace {

using Eigen::Index;
using Matrix = Eigen::MatrixXd;

constexpr Index kBlock = 1024;  // rows per block: a few MB of working memory

}  // namespace

void* out_allocate(size_t bytes) {
  constexpr size_t kHuge = size_t{2} << 20;
  if (bytes < kHuge) {
    if (void* p = std::malloc(bytes ? bytes : 1)) return p;
    throw std::bad_alloc();
  }
  const size_t rounded = (bytes + kHuge - 1) / kHuge * kHuge;
  void* p = std::aligned_alloc(kHuge, rounded);
  if (!p) throw std::bad_alloc();
  ::madvise(p, rounded, MADV_HUGEPAGE);  // a hint; harmless where huge pages are off
  return p;
}

void out_free(void* p) noexcept { std::free(p); }

BatchScores score_batch(const Questionnaire& q, const ItemResponses& r, std::span<const long long> evidence,
                        bool keep_parts) {
  BatchScores out;
  score_batch_into(q, r, evidence, out, keep_parts);
  return out;
}

void score_batch_into(const Questionnaire& q, const ItemResponses& r, std::span<const long long> evidence,
                      BatchScores& out, bool keep_parts) {
  const Index N = static_cast<Index>(r.rows), I = static_cast<Index>(r.items.size());
  const int S = q.model.scene_count();
  const ExactKey key = exact_key(q, r.items);
  out.keyed_per_scene = key.keyed;
  out.required_per_scene = key.required;
  out.rows = r.rows;
  out.scenes = S;

  // The key in whole numbers: A for the numerator, [B | B != 0] for the denominator and
  // the count answered (one product gives both), and the per-column map from a raw answer
  // to its keyed point: p = a x + b with a = +-1.
  Matrix A(I, S), WB(I, 2 * S);
  Eigen::VectorXd a(I), b(I);
  for (Index i = 0; i < I; ++i) {
    for (int s = 0; s < S; ++s) {
      A(i, s) = static_cast<double>(key.num(i, s));
      WB(i, s) = static_cast<double>(key.den(i, s));
      WB(i, S + s) = key.den(i, s) != 0;
    }
    b(i) = key.point(i, 0);
    a(i) = key.point(i, 1) - b(i);
  }

  out.item_part.resize(r.rows * S);  // every element is written below, block by block
  out.score.resize(r.rows * S);
  out.answered.resize(r.rows * S);
  out.current.resize(r.rows);
  out.centroid_stage.resize(r.rows);
  out.centroid_level.resize(r.rows);
  out.part_num.resize(keep_parts ? r.rows * S : 0);
  out.part_den.resize(keep_parts ? r.rows * S : 0);

  const ScoringSettings& set = q.scoring;
  const double e = set.episode_weight.value(), full = static_cast<double>(set.episode_full_at.units);
  Eigen::RowVectorXd stage_of(S), level_of(S);
  for (int s = 0; s < S; ++s) {
    stage_of(s) = q.model.scenes[s].stage + 1;
    level_of(s) = q.model.scenes[s].level + 1;
  }

  const Matrix At = A.transpose(), WBt = WB.transpose();
  Matrix X(kBlock, I), M(kBlock, I), num(S, kBlock), den_cnt(2 * S, kBlock);
  for (Index r0 = 0; r0 < N; r0 += kBlock) {
    const Index len = std::min(kBlock, N - r0);
    if (len != X.rows()) {
      X.resize(len, I);
      M.resize(len, I);
    }
    // Column by column (contiguous in the table): answered mask and the keyed point.
    for (Index i = 0; i < I; ++i) {
      const Eigen::Map<const Eigen::ArrayXf> raw(r.values.data() + i * N + r0, len);
      const auto answered_col = raw == raw;  // NaN != NaN
      M.col(i) = answered_col.cast<double>();
      X.col(i) = answered_col.select(raw.cast<double>() * a(i) + b(i), 0.0);
    }
    // Transposed products: scenes x rows, so each participant's scenes are contiguous.
    num.noalias() = At * X.transpose();
    den_cnt.noalias() = WBt * M.transpose();

    // Per row over its scenes (never over items): the null rule, the episode mix, the
    // current scene and the centroid.
    for (Index i = 0; i < len; ++i) {
      const size_t row = static_cast<size_t>(r0 + i);
      double* part = out.item_part.data() + row * S;
      double* score = out.score.data() + row * S;
      int* answered = out.answered.data() + row * S;
      const long long* ev = evidence.empty() ? nullptr : evidence.data() + row * S;
      bool mixed = false;
      for (int s = 0; ev && s < S; ++s) mixed = mixed || ev[s] > 0;
      if (keep_parts)
        for (int s = 0; s < S; ++s) {
          out.part_num[row * S + s] = static_cast<long long>(num(s, i));
          out.part_den[row * S + s] = static_cast<long long>(den_cnt(s, i));
        }
      // The exact score of scene s (for ties only).
      const auto exact = [&](int s) {
        return scene_score(set, mixed, static_cast<long long>(num(s, i)), static_cast<long long>(den_cnt(s, i)),
                           ev ? ev[s] : 0);
      };
      int best = -1;
      double wsum = 0, st = 0, lv = 0;
      for (int s = 0; s < S; ++s) {
        const double den = den_cnt(s, i), cnt = den_cnt(S + s, i);
        answered[s] = static_cast<int>(cnt);
        if (cnt < key.required[s]) {  // required >= 1, so den > 0 below
          part[s] = NAN;
          score[s] = NAN;
          continue;
        }
        part[s] = num(s, i) / den;
        const double v =
            100.0 * (mixed ? (1 - e) * part[s] + e * std::min(1.0, static_cast<double>(ev[s]) / full) : part[s]);
        score[s] = v;
        // Doubles decide when they are far apart (their error is below 1e-12); else exactly.
        if (best < 0 || v > score[best] + 1e-9) {
          best = s;
        } else if (v >= score[best] - 1e-9) {
          // Without episodes the scores are 100 N / D: two products of 53-bit numbers decide.
          const int c = mixed ? compare(exact(s), exact(best))
                              : [&] {
                                  const uint128 x = static_cast<uint128>(num(s, i)) * static_cast<uint128>(den_cnt(best, i)),
                                                y = static_cast<uint128>(num(best, i)) * static_cast<uint128>(den);
                                  return x < y ? -1 : (x > y ? 1 : 0);
                                }();
          if (c > 0 || (c == 0 && answered[s] > answered[best])) best = s;
        }
        // v is 0 exactly when the exact score is: all its terms are non-negative.
        wsum += v;
        st += v * stage_of(s);
        lv += v * level_of(s);
      }
      out.current[row] = best;
      out.centroid_stage[row] = wsum > 0 ? st / wsum : NAN;
      out.centroid_level[row] = wsum > 0 ? lv / wsum : NAN;
    }
  }
}

}  // namespace careermap
