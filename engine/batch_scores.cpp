#include "engine/batch_scores.hpp"

#include <Eigen/Dense>
#include <algorithm>
#include <cmath>

namespace careermap {
namespace {

using Eigen::Index;
using Matrix = Eigen::MatrixXd;
using RowMajor = Eigen::Matrix<double, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>;

constexpr Index kBlock = 8192;  // rows per block: a few MB of working memory

}  // namespace

BatchScores score_batch(const Questionnaire& q, const ItemResponses& r, std::span<const double> evidence) {
  const Index N = static_cast<Index>(r.rows), I = static_cast<Index>(r.items.size());
  const int S = q.model.scene_count();
  BatchScores out;
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

  out.item_part.assign(r.rows * S, NAN);
  out.score.assign(r.rows * S, NAN);
  out.answered.assign(r.rows * S, 0);
  out.current.assign(r.rows, -1);
  out.centroid_stage.assign(r.rows, NAN);
  out.centroid_level.assign(r.rows, NAN);

  const double e = q.scoring.episode_weight, full = q.scoring.episode_full_at;
  Eigen::RowVectorXd stage_of(S), level_of(S);
  for (int s = 0; s < S; ++s) {
    stage_of(s) = q.model.scenes[s].stage + 1;
    level_of(s) = q.model.scenes[s].level + 1;
  }

  Matrix X, M;
  for (Index r0 = 0; r0 < N; r0 += kBlock) {
    const Index len = std::min(kBlock, N - r0);
    const Eigen::Map<const Eigen::MatrixXf, 0, Eigen::OuterStride<>> raw(r.values.data() + r0, len, I,
                                                                         Eigen::OuterStride<>(N));
    M = (raw.array() == raw.array()).cast<double>();  // NaN != NaN
    X = ((raw.cast<double>().array().rowwise() * a.transpose().array()).rowwise() + b.transpose().array())
            .matrix();
    X = (M.array() > 0).select(X, 0.0);
    const Matrix num = X * W;
    const Matrix den_cnt = M * WB;

    Eigen::Map<RowMajor> part(out.item_part.data() + r0 * S, len, S);
    Eigen::Map<RowMajor> score(out.score.data() + r0 * S, len, S);
    Eigen::Map<Eigen::Matrix<int, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>> answered(
        out.answered.data() + r0 * S, len, S);
    answered = den_cnt.rightCols(S).cast<int>();
    const auto enough = (den_cnt.rightCols(S).array() >= required.transpose().replicate(len, 1).array()) &&
                        (den_cnt.leftCols(S).array() > 0);
    part = enough.select(num.array() / den_cnt.leftCols(S).array(), NAN).matrix();
    if (evidence.empty()) {
      score = part * 100.0;
    } else {
      const Eigen::Map<const RowMajor> ev(evidence.data() + r0 * S, len, S);
      const Eigen::ArrayXd has = (ev.rowwise().sum().array() > 0).cast<double>();
      const RowMajor ep = (ev.array() / full).min(1.0).matrix();
      // Rows with episodes mix them in; rows without keep the item part alone.
      const RowMajor mixed = (1 - e) * part.array() + e * ep.array();
      score = 100.0 * ((has.replicate(1, S) > 0).select(mixed.array(), part.array())).matrix();
    }

    // Current scene and centroid: per row over the scenes (never over items).
    for (Index i = 0; i < len; ++i) {
      const size_t row = static_cast<size_t>(r0 + i);
      int best = -1;
      double wsum = 0, st = 0, lv = 0;
      for (int s = 0; s < S; ++s) {
        const double v = score(i, s);
        if (std::isnan(v)) continue;
        if (best < 0 || v > score(i, best) + 1e-9 ||
            (std::fabs(v - score(i, best)) <= 1e-9 && answered(i, s) > answered(i, best)))
          best = s;
        wsum += v;
        st += v * stage_of(s);
        lv += v * level_of(s);
      }
      out.current[row] = best;
      if (wsum > 0) {
        out.centroid_stage[row] = st / wsum;
        out.centroid_level[row] = lv / wsum;
      }
    }
  }
  return out;
}

}  // namespace careermap
