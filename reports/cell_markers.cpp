#include "reports/cell_markers.hpp"

#include <algorithm>
#include <cmath>

namespace careermap {
namespace {

constexpr double kFoot = 7.5;  // the lowest row's circles keep this far above the cell's bottom edge

// Markers of radius r per row: spaced evenly across the width (w / (in_row + 1) apart), at
// least a gap between circles.
int per_row(double w, double r) {
  return std::max(1, static_cast<int>(std::floor(w / (2 * r + kMarkerGap))) - 1);
}

CellMarkers rows_of(int n, double x, double y, double w, double h, double r, int across) {
  CellMarkers m;
  m.r = r;
  for (int k = 0; k < n; ++k) {
    const int row = k / across, col = k % across;
    const int in_row = std::min(across, n - row * across);
    m.at.push_back({x + w * (col + 1) / (in_row + 1), y + h - (kFoot + r) - row * (2 * r + kMarkerGap)});
  }
  return m;
}

}  // namespace

CellMarkers cell_markers(int n, double x, double y, double w, double h, double band_top) {
  if (n <= 0) return {};
  const double band = y + h - kFoot - band_top;
  for (double r = kMarkerR; r >= kMinMarkerR; r -= 0.5) {
    // At full size as always: as many as (w - 16) / 19 across.
    const int across = r == kMarkerR ? std::max(1, static_cast<int>((w - 16) / 19)) : per_row(w, r);
    const int rows = (n + across - 1) / across;
    if (rows * 2 * r + (rows - 1) * kMarkerGap <= band) return rows_of(n, x, y, w, h, r, across);
  }
  return rows_of(n, x, y, w, h, kMinMarkerR, per_row(w, kMinMarkerR));
}

}  // namespace careermap
