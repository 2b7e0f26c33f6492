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

// The sums of one scale's items, k x k: n(i, j) the people who answered both, sx(i, j) the sum
// of x_i over them, sxy(i, j) the sum of x_i x_j; `complete` the people who answered every
// item. The answers are whole numbers, so these are exact however they were added up.
struct PairSums {
  Matrix n, sx, sxy;
  int complete = 0;
};

// Pairwise-complete covariances (n - 1) from the sums.
struct PairCov {
  Matrix cov;   // NaN where fewer than 2 in common
  Matrix n;     // people in common
};

PairCov pairwise(const PairSums& s) {
  const Index k = s.n.rows();
  PairCov p;
  p.n = s.n;
  p.cov = Matrix::Constant(k, k, NAN);
  for (Index i = 0; i < k; ++i)
    for (Index j = 0; j < k; ++j)
      if (p.n(i, j) >= 2) p.cov(i, j) = (s.sxy(i, j) - s.sx(i, j) * s.sx(j, i) / p.n(i, j)) / (p.n(i, j) - 1);
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

// One scene's scale: its items (`cols`, columns of `r`), Cronbach's alpha over the
// pairwise-complete covariances, and each item's corrected item-total correlation (r_drop)
// for the items whose first scale it is.
ScaleStat scale_stat(const Questionnaire& q, const std::vector<int>& items, int scene, const std::vector<Index>& cols,
                     const PairSums& sums, std::vector<std::optional<double>>& r_drop, std::vector<std::string>& r_scale) {
  ScaleStat st;
  st.id = q.model.scenes[scene].id;
  for (Index c : cols) st.items.push_back(q.items[items[c]].id);
  const Index k = static_cast<Index>(cols.size());
  st.n_complete = sums.complete;
  if (k < 2) {
    st.note = "fewer than 2 items";
    return st;
  }
  const PairCov p = pairwise(sums);
  if (p.n.minCoeff() < kMinPairs) {
    st.note = "fewer than " + std::to_string(kMinPairs) + " people answered every pair of items";
    return st;
  }
  const double total = p.cov.sum(), item_sum = p.cov.diagonal().sum();
  if (total <= 0) st.note = "no variance";
  else st.alpha = static_cast<double>(k) / (k - 1) * (1 - item_sum / total);
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

// The scales: the keyed items of each scene, as columns of `items`.
std::vector<std::vector<Index>> scale_columns(const Questionnaire& q, const std::vector<int>& items) {
  std::vector<std::vector<Index>> cols(q.model.scene_count());
  for (size_t i = 0; i < items.size(); ++i)
    for (const auto& k : q.items[items[i]].key) cols[k.scene].push_back(static_cast<Index>(i));
  return cols;
}

}  // namespace

ItemAnalysis analyze_items(const Questionnaire& q, const ItemResponses& r) {
  const Index N = static_cast<Index>(r.rows), I = static_cast<Index>(r.items.size());
  ItemAnalysis out;
  out.n = r.rows;
  const Eigen::Map<const Eigen::MatrixXf> raw(r.values.data(), N, I);
  const Matrix M = (raw.array() == raw.array()).cast<double>();
  const Matrix X0 = keyed_answers(q, r, raw, M);

  // The scales from the pair sums, as a pool too large to keep adds them a person at a time.
  ScaleSums sums(q, r.items);
  for (size_t n = 0; n < r.rows; ++n) sums.add(r, n);
  std::vector<std::optional<double>> r_drop(I);
  std::vector<std::string> r_scale(I);
  out.scales = sums.scales(r_drop, r_scale);

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

ScaleSums::ScaleSums(const Questionnaire& q, std::vector<int> items) : q_(&q), items_(std::move(items)) {
  for (const auto& cols : scale_columns(q, items_)) {
    Scale sc;
    sc.cols.assign(cols.begin(), cols.end());
    const size_t k = cols.size();
    sc.n.assign(k * k, 0);
    sc.sx.assign(k * k, 0);
    sc.sxy.assign(k * k, 0);
    scales_.push_back(std::move(sc));
  }
  x_.resize(items_.size());
  m_.resize(items_.size());
}

void ScaleSums::add(const ItemResponses& r, size_t row) {
  for (size_t c = 0; c < items_.size(); ++c) {
    const float v = r.at(row, c);
    m_[c] = v == v;
    const Item& item = q_->items[items_[c]];
    x_[c] = m_[c] ? keyed_answer(q_->scales[item.scale], item.reverse, static_cast<int>(v)) : 0;
  }
  for (Scale& sc : scales_) {
    const size_t k = sc.cols.size();
    bool all = k > 0;
    for (size_t i = 0; i < k; ++i) {
      const int a = sc.cols[i];
      all = all && m_[a];
      for (size_t j = 0; j < k; ++j) {
        const int b = sc.cols[j];
        sc.n[i * k + j] += m_[a] & m_[b];
        sc.sx[i * k + j] += m_[b] ? x_[a] : 0;
        sc.sxy[i * k + j] += x_[a] * x_[b];
      }
    }
    sc.complete += all;
  }
  ++people_;
}

std::vector<ScaleStat> ScaleSums::scales() const {
  std::vector<std::optional<double>> r_drop(items_.size());
  std::vector<std::string> r_scale(items_.size());
  return scales(r_drop, r_scale);
}

std::vector<ScaleStat> ScaleSums::scales(std::vector<std::optional<double>>& r_drop,
                                         std::vector<std::string>& r_scale) const {
  std::vector<ScaleStat> out;
  for (size_t s = 0; s < scales_.size(); ++s) {
    const Scale& sc = scales_[s];
    const Index k = static_cast<Index>(sc.cols.size());
    PairSums sums{Matrix(k, k), Matrix(k, k), Matrix(k, k), static_cast<int>(sc.complete)};
    for (Index i = 0; i < k; ++i)
      for (Index j = 0; j < k; ++j) {
        sums.n(i, j) = static_cast<double>(sc.n[i * k + j]);
        sums.sx(i, j) = static_cast<double>(sc.sx[i * k + j]);
        sums.sxy(i, j) = static_cast<double>(sc.sxy[i * k + j]);
      }
    out.push_back(scale_stat(*q_, items_, static_cast<int>(s), {sc.cols.begin(), sc.cols.end()}, sums, r_drop, r_scale));
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
