// Item statistics and reliability per scene scale over a group (`careermap analyze`),
// exactly as docs/OUTPUTS.md describes them.
//
// A scene's scale is the set of items keyed to it. Answers are taken in the keyed
// direction (a reversed answer x counts as min + max - x) on the item's own scale.
// Covariances are pairwise-complete: each pair of items over the people who answered
// both, with n - 1. Cronbach's alpha = k/(k-1) * (1 - sum of item variances / variance of
// the sum); r_drop = correlation of an item with the sum of the other items of its scale
// (for an item keyed to several scenes: its first). Numbers that cannot be computed are
// none, with a note saying why. A pure function; safe from several threads.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "engine/questionnaire.hpp"
#include "engine/responses.hpp"

namespace careermap {

struct ItemStat {
  std::string id;
  int n = 0;                        // people who answered
  std::optional<double> mean, sd;   // keyed direction; sd with n - 1 (none below 2 answers)
  std::optional<double> r_drop;
  std::string scale;                // the scene scale r_drop refers to
};

struct ScaleStat {
  std::string id;                   // scene id
  std::vector<std::string> items;
  std::optional<double> alpha;
  int n_complete = 0;               // people who answered every item of the scale
  std::string note;                 // why alpha is none: "fewer than 2 items", ...
};

struct ItemAnalysis {
  size_t n = 0;  // people
  std::vector<ScaleStat> scales;  // scene number order
  std::vector<ItemStat> items;    // questionnaire order (keyed items)
};

// Pairs of items need at least this many people in common for alpha and r_drop.
inline constexpr int kMinPairs = 3;

ItemAnalysis analyze_items(const Questionnaire& q, const ItemResponses& responses);

// The scales of analyze_items (which uses it) over people added one at a time, holding sums
// instead of the answers (for a pool too large to keep): per scene scale and pair of its
// items, the people who answered both and the sums of their keyed answers and products. The
// answers are whole numbers, so the sums are exact and scales() the same bits in any order.
class ScaleSums {
 public:
  // `items`: the columns of the ItemResponses to be added (ItemResponses::items).
  ScaleSums(const Questionnaire& q, std::vector<int> items);
  void add(const ItemResponses& r, size_t row);  // r.items must be the items given
  size_t people() const { return people_; }
  std::vector<ScaleStat> scales() const;
  // The same, noting each item's r_drop in its first scale (analyze_items' ItemStat).
  std::vector<ScaleStat> scales(std::vector<std::optional<double>>& r_drop, std::vector<std::string>& r_scale) const;

 private:
  struct Scale {
    std::vector<int> cols;  // columns of the items, in order
    std::vector<long long> n, sx, sxy;  // k x k, row-major, as PairSums in item_stats.cpp
    long long complete = 0;
  };
  const Questionnaire* q_;
  std::vector<int> items_;
  std::vector<Scale> scales_;  // per scene
  std::vector<long long> x_;   // the row being added, keyed; 0 where unanswered
  std::vector<char> m_;        // 1 where answered
  size_t people_ = 0;
};

// A readable table of the analysis (what `careermap analyze` prints by default).
std::string item_analysis_text(const Questionnaire& q, const ItemAnalysis& a);
// The JSON of docs/OUTPUTS.md: {"n", "scales": [...], "items": [...]}.
std::string item_analysis_json(const ItemAnalysis& a);

}  // namespace careermap
