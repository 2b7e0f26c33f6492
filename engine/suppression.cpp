#include "engine/suppression.hpp"

#include <climits>
#include <cstddef>
#include <utility>

namespace careermap {
namespace {

// Hides the smallest visible cell among `cells` (non-zero preferred); false when none.
bool hide_one_more(const std::vector<std::pair<size_t, size_t>>& cells, const std::vector<std::vector<int>>& counts,
                   std::vector<std::vector<bool>>& hidden) {
  long best = -1;
  int best_value = INT_MAX;
  bool best_nonzero = false;
  for (size_t k = 0; k < cells.size(); ++k) {
    const auto [r, c] = cells[k];
    if (hidden[r][c]) continue;
    const int v = counts[r][c];
    const bool nonzero = v > 0;
    if (best < 0 || (nonzero && !best_nonzero) || (nonzero == best_nonzero && v < best_value)) {
      best = static_cast<long>(k);
      best_value = v;
      best_nonzero = nonzero;
    }
  }
  if (best < 0) return false;
  hidden[cells[best].first][cells[best].second] = true;
  return true;
}

}  // namespace

std::vector<std::vector<bool>> suppress(const std::vector<std::vector<int>>& counts, int min_group,
                                        bool exclusive_categories) {
  const size_t rows = counts.size(), cols = rows ? counts[0].size() : 0;
  std::vector<std::vector<bool>> hidden(rows, std::vector<bool>(cols, false));
  for (size_t r = 0; r < rows; ++r)
    for (size_t c = 0; c < cols; ++c) hidden[r][c] = counts[r][c] > 0 && counts[r][c] < min_group;
  for (bool changed = true; changed;) {
    changed = false;
    // Rows: the pool is the sum of the groups.
    for (size_t r = 0; r < rows; ++r) {
      int n = 0;
      std::vector<std::pair<size_t, size_t>> groups;
      for (size_t c = 0; c < cols; ++c) {
        n += hidden[r][c];
        if (c + 1 < cols) groups.push_back({r, c});
      }
      if (n == 1) {
        if (!hide_one_more(groups, counts, hidden)) hidden[r][cols - 1] = true;
        changed = true;
      }
    }
    // Columns: a group's categories sum to its size, when every person is in exactly one.
    if (!exclusive_categories) continue;
    for (size_t c = 0; c < cols; ++c) {
      int n = 0;
      std::vector<std::pair<size_t, size_t>> cells;
      for (size_t r = 0; r < rows; ++r) {
        n += hidden[r][c];
        cells.push_back({r, c});
      }
      if (n == 1 && hide_one_more(cells, counts, hidden)) changed = true;
    }
  }
  return hidden;
}

}  // namespace careermap
