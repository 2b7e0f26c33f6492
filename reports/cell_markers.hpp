// Where the episode markers of one scene's cell go on the map: numbered circles in rows
// along the cell's foot, below its score, so that none covers the score or another marker.
// A few markers (a row of them at full size) sit as they always have. More of them, or a
// cell too low for them, shrink them, down to kMinMarkerR, and take more rows where the band
// below the score has room. Only when even that cannot hold them (a great many episodes in
// one small cell) do the rows climb past the band. A pure function; never fails.
#pragma once

#include <utility>
#include <vector>

namespace careermap {

inline constexpr double kMarkerR = 7.5;     // a marker's radius, when there is room
inline constexpr double kMinMarkerR = 5;    // the smallest that still holds a two-digit number
inline constexpr double kMarkerGap = 3;     // between two markers' circles, at the least

struct CellMarkers {
  double r = kMarkerR;
  std::vector<std::pair<double, double>> at;  // centres, in the order given (time order)
};

// `n` markers in the cell at (x, y) of size w x h, whose score text ends at `band_top`.
CellMarkers cell_markers(int n, double x, double y, double w, double h, double band_top);

}  // namespace careermap
