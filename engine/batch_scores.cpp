#include "engine/batch_scores.hpp"

#include <Eigen/Dense>
#include <sys/mman.h>

#include <algorithm>
#include <cstdlib>
#include <new>
#include <cmath>

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

BatchScores score_batch(const Questionnaire& q, const ItemResponses& r, std::span<const double> evidence) {
  BatchScores out;
  score_batch_into(q, r, evidence, out);
  return out;
}

void score_batch_into(const Questionnaire& q, const ItemResponses& r, std::span<const double> evidence,
                      BatchScores& out) {
  const Index N = static_cast<Index>(r.rows), I = static_cast<Index>(r.items.size());
  const int S = q.model.scene_count();
  out.keyed_per_scene.clear();
  out.required_per_scene.clear();
  out.rows = r.rows;
  out.scenes = S;

  // The key: weights, the indicator of keyed cells, and the per-column affine map that
  // reverses and normalises a raw answer: x' = a x + b.
  Matrix W = Matrix::Zero(I, S);
  Eigen::VectorXd a(I), b(I);
  for (Index i = 0; i < I; ++i) {
    const Item& item = q.items[r.items[i]];
    for (const auto& k : item.key) W(i, k.scene) = k.weight;
    const Scale& s = q.scales[item.scale];
    const double span = s.max - s.min;
    a(i) = item.reverse ? -1.0 / span : 1.0 / span;
    b(i) = item.reverse ? static_cast<double>(s.max) / span : -static_cast<double>(s.min) / span;
  }
  Matrix WB(I, 2 * S);  // [W | W != 0]: one product gives the weight and count answered
  WB << W, (W.array() != 0).cast<double>().matrix();
  const Eigen::VectorXd keyed = WB.rightCols(S).colwise().sum().transpose();
  Eigen::VectorXd required = (keyed * q.scoring.min_answered_share).array().ceil().max(1.0);
  for (int s = 0; s < S; ++s) {
    out.keyed_per_scene.push_back(static_cast<int>(keyed(s)));
    out.required_per_scene.push_back(static_cast<int>(required(s)));
  }

  out.item_part.resize(r.rows * S);  // every element is written below, block by block
  out.score.resize(r.rows * S);
  out.answered.resize(r.rows * S);
  out.current.resize(r.rows);
  out.centroid_stage.resize(r.rows);
  out.centroid_level.resize(r.rows);

  const double e = q.scoring.episode_weight, full = q.scoring.episode_full_at;
  Eigen::RowVectorXd stage_of(S), level_of(S);
  for (int s = 0; s < S; ++s) {
    stage_of(s) = q.model.scenes[s].stage + 1;
    level_of(s) = q.model.scenes[s].level + 1;
  }

  const Matrix Wt = W.transpose(), WBt = WB.transpose();
  Matrix X(kBlock, I), M(kBlock, I), num(S, kBlock), den_cnt(2 * S, kBlock);
  for (Index r0 = 0; r0 < N; r0 += kBlock) {
    const Index len = std::min(kBlock, N - r0);
    if (len != X.rows()) {
      X.resize(len, I);
      M.resize(len, I);
    }
    // Column by column (contiguous in the table): answered mask and the answer on 0..1.
    for (Index i = 0; i < I; ++i) {
      const Eigen::Map<const Eigen::ArrayXf> raw(r.values.data() + i * N + r0, len);
      const auto answered_col = raw == raw;  // NaN != NaN
      M.col(i) = answered_col.cast<double>();
      X.col(i) = answered_col.select(raw.cast<double>() * a(i) + b(i), 0.0);
    }
    // Transposed products: scenes x rows, so each participant's scenes are contiguous.
    num.noalias() = Wt * X.transpose();
    den_cnt.noalias() = WBt * M.transpose();

    // Per row over its scenes (never over items): the null rule, the episode mix, the
    // current scene and the centroid.
    for (Index i = 0; i < len; ++i) {
      const size_t row = static_cast<size_t>(r0 + i);
      double* part = out.item_part.data() + row * S;
      double* score = out.score.data() + row * S;
      int* answered = out.answered.data() + row * S;
      const double* ev = evidence.empty() ? nullptr : evidence.data() + row * S;
      bool has_episodes = false;
      for (int s = 0; ev && s < S; ++s) has_episodes = has_episodes || ev[s] > 0;
      int best = -1;
      double wsum = 0, st = 0, lv = 0;
      for (int s = 0; s < S; ++s) {
        const double den = den_cnt(s, i), cnt = den_cnt(S + s, i);
        answered[s] = static_cast<int>(cnt);
        const bool enough = cnt >= required(s) && den > 0;
        part[s] = enough ? num(s, i) / den : NAN;
        if (!enough) {
          score[s] = NAN;
          continue;
        }
        const double v = 100.0 * (has_episodes ? (1 - e) * part[s] + e * std::min(1.0, ev[s] / full) : part[s]);
        score[s] = v;
        if (best < 0 || v > score[best] + 1e-9 || (std::fabs(v - score[best]) <= 1e-9 && answered[s] > answered[best]))
          best = s;
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
