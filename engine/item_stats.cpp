#include "engine/item_stats.hpp"

#include <Eigen/Dense>
#include <cmath>
#include <cstdio>

#include "engine/json.hpp"
#include "engine/numbers.hpp"
#include "engine/keyed.hpp"

namespace careermap {
namespace {

using Eigen::Index;
using Matrix = Eigen::MatrixXd;

// Pairwise-complete covariances of the columns `cols` of the keyed-direction answers.
struct PairCov {
  Matrix cov;   // NaN where fewer than 2 in common
  Matrix n;     // people in common
};

PairCov pairwise(const Matrix& X0, const Matrix& M, const std::vector<Index>& cols) {
  const Index k = static_cast<Index>(cols.size());
  Matrix Xs(X0.rows(), k), Ms(M.rows(), k);
  for (Index c = 0; c < k; ++c) {
    Xs.col(c) = X0.col(cols[c]);
    Ms.col(c) = M.col(cols[c]);
  }
  PairCov p;
  p.n = Ms.transpose() * Ms;
  const Matrix sx = Xs.transpose() * Ms;  // sx(i, j): sum of x_i where j (and i) answered
  const Matrix sxy = Xs.transpose() * Xs;
  p.cov = Matrix::Constant(k, k, NAN);
  for (Index i = 0; i < k; ++i)
    for (Index j = 0; j < k; ++j)
      if (p.n(i, j) >= 2) p.cov(i, j) = (sxy(i, j) - sx(i, j) * sx(j, i) / p.n(i, j)) / (p.n(i, j) - 1);
  return p;
}

std::optional<double> opt(double v) { return std::isfinite(v) ? std::optional<double>(v) : std::nullopt; }

// The answers in the keyed direction (keyed.hpp keyed_answer); 0 where unanswered (M = 0).
Matrix keyed_answers(const Questionnaire& q, const ItemResponses& r, const Eigen::Map<const Eigen::MatrixXf>& raw,
                     const Matrix& M) {
  Matrix X0 = Matrix::Zero(raw.rows(), raw.cols());
  for (Index i = 0; i < raw.cols(); ++i) {
    const Item& item = q.items[r.items[i]];
    const Scale& scale = q.scales[item.scale];
    for (Index n = 0; n < raw.rows(); ++n)
      if (M(n, i) > 0) X0(n, i) = keyed_answer(scale, item.reverse, static_cast<int>(raw(n, i)));
  }
  return X0;
}

// One scene's scale: its items, Cronbach's alpha over the pairwise-complete covariances, and
// each item's corrected item-total correlation (r_drop) for the items whose first scale it is.
ScaleStat scale_stat(const Questionnaire& q, const ItemResponses& r, int scene, const std::vector<Index>& cols,
                     const Matrix& X0, const Matrix& M, std::vector<std::optional<double>>& r_drop,
                     std::vector<std::string>& r_scale) {
  ScaleStat st;
  st.id = q.model.scenes[scene].id;
  for (Index c : cols) st.items.push_back(q.items[r.items[c]].id);
  const Index k = static_cast<Index>(cols.size());
  if (k > 0) {
    Eigen::ArrayXd all = Eigen::ArrayXd::Ones(M.rows());
    for (Index c : cols) all *= M.col(c).array();
    st.n_complete = static_cast<int>(all.sum());
  }
  if (k < 2) {
    st.note = "fewer than 2 items";
    return st;
  }
  const PairCov p = pairwise(X0, M, cols);
  if (p.n.minCoeff() < kMinPairs) {
    st.note = "fewer than " + std::to_string(kMinPairs) + " people answered every pair of items";
    return st;
  }
  const double total = p.cov.sum(), items = p.cov.diagonal().sum();
  if (total <= 0) st.note = "no variance";
  else st.alpha = static_cast<double>(k) / (k - 1) * (1 - items / total);
  for (Index a = 0; a < k; ++a) {
    const Index item = cols[a];
    if (!r_scale[item].empty()) continue;  // r_drop refers to the item's first scale
    r_scale[item] = st.id;
    const double with_rest = p.cov.row(a).sum() - p.cov(a, a);
    const double rest = total - 2 * p.cov.row(a).sum() + p.cov(a, a);
    if (p.cov(a, a) > 0 && rest > 0) r_drop[item] = with_rest / std::sqrt(p.cov(a, a) * rest);
  }
  return st;
}

}  // namespace

ItemAnalysis analyze_items(const Questionnaire& q, const ItemResponses& r) {
  const Index N = static_cast<Index>(r.rows), I = static_cast<Index>(r.items.size());
  ItemAnalysis out;
  out.n = r.rows;
  const Eigen::Map<const Eigen::MatrixXf> raw(r.values.data(), N, I);
  const Matrix M = (raw.array() == raw.array()).cast<double>();
  const Matrix X0 = keyed_answers(q, r, raw, M);

  // Scales: the keyed items of each scene.
  std::vector<std::vector<Index>> cols(q.model.scene_count());
  for (Index i = 0; i < I; ++i)
    for (const auto& k : q.items[r.items[i]].key) cols[k.scene].push_back(i);
  std::vector<std::optional<double>> r_drop(I);
  std::vector<std::string> r_scale(I);
  for (int s = 0; s < q.model.scene_count(); ++s) out.scales.push_back(scale_stat(q, r, s, cols[s], X0, M, r_drop, r_scale));

  for (Index i = 0; i < I; ++i) {
    ItemStat st;
    st.id = q.items[r.items[i]].id;
    st.n = static_cast<int>(M.col(i).sum());
    if (st.n > 0) st.mean = X0.col(i).sum() / st.n;
    if (st.n > 1) {
      const double ss = ((X0.col(i).array() - *st.mean) * M.col(i).array()).square().sum();
      st.sd = opt(std::sqrt(ss / (st.n - 1)));
    }
    st.r_drop = r_drop[i];
    st.scale = r_scale[i];
    out.items.push_back(std::move(st));
  }
  return out;
}

std::string item_analysis_json(const ItemAnalysis& a) {
  using json::number;
  using json::quote;
  std::string o = "{\"n\": " + std::to_string(a.n) + ",\n \"scales\": [";
  for (size_t s = 0; s < a.scales.size(); ++s) {
    const ScaleStat& st = a.scales[s];
    o += s ? ",\n  " : "\n  ";
    o += "{\"id\": " + quote(st.id) + ", \"items\": [";
    for (size_t k = 0; k < st.items.size(); ++k) o += (k ? ", " : "") + quote(st.items[k]);
    o += "], \"alpha\": " + number(st.alpha, 4) + ", \"n_complete\": " + std::to_string(st.n_complete) +
         ", \"note\": " + (st.note.empty() ? std::string("null") : quote(st.note)) + "}";
  }
  o += "],\n \"items\": [";
  for (size_t i = 0; i < a.items.size(); ++i) {
    const ItemStat& st = a.items[i];
    o += i ? ",\n  " : "\n  ";
    o += "{\"id\": " + quote(st.id) + ", \"n\": " + std::to_string(st.n) + ", \"mean\": " + number(st.mean, 4) +
         ", \"sd\": " + number(st.sd, 4) + ", \"r_drop\": " + number(st.r_drop, 4) + "}";
  }
  return o + "]}\n";
}

std::string item_analysis_text(const Questionnaire& q, const ItemAnalysis& a) {
  auto figure = [](std::optional<double> v, int d) { return v ? num::fixed(*v, d) : std::string("-"); };
  char line[256];
  std::string o = q.id + ": " + std::to_string(a.n) + " people\n\n";
  std::snprintf(line, sizeof line, "%-24s %5s %10s %7s  %s\n", "scale", "items", "n_complete", "alpha", "note");
  o += line;
  for (const auto& s : a.scales) {
    std::snprintf(line, sizeof line, "%-24s %5zu %10d %7s  %s\n", s.id.c_str(), s.items.size(), s.n_complete,
                  figure(s.alpha, 3).c_str(), s.note.c_str());
    o += line;
  }
  std::snprintf(line, sizeof line, "\n%-24s %5s %7s %7s %7s  %s\n", "item", "n", "mean", "sd", "r_drop", "scale");
  o += line;
  for (const auto& i : a.items) {
    std::snprintf(line, sizeof line, "%-24s %5d %7s %7s %7s  %s\n", i.id.c_str(), i.n, figure(i.mean, 2).c_str(),
                  figure(i.sd, 2).c_str(), figure(i.r_drop, 3).c_str(), i.scale.c_str());
    o += line;
  }
  o += "\nAnswers in the keyed direction (reversed items reversed). Covariances pairwise-complete.\n";
  return o;
}

}  // namespace careermap
