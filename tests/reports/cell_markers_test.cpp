#include "reports/cell_markers.hpp"

#include <boost/test/unit_test.hpp>
#include <cmath>
#include <random>

using namespace careermap;

BOOST_AUTO_TEST_SUITE(cell_markers_layout)

// A row that fits at full size sits as it always has: (w - 16) / 19 across, evenly spaced,
// 15 above the foot.
BOOST_AUTO_TEST_CASE(a_few_markers_sit_in_one_full_size_row) {
  const CellMarkers m = cell_markers(3, 100, 200, 120, 120, 284);
  BOOST_TEST(m.r == 7.5);
  BOOST_REQUIRE(m.at.size() == 3u);
  for (int k = 0; k < 3; ++k) {
    BOOST_TEST(m.at[k].first == 100 + 120.0 * (k + 1) / 4);
    BOOST_TEST(m.at[k].second == 305);
  }
  BOOST_TEST(cell_markers(5, 100, 200, 120, 120, 284).r == 7.5);
  BOOST_TEST(cell_markers(0, 100, 200, 120, 120, 284).at.empty());
}

// The map's usual cell (120 x 120, the score ending 84 below its top): nine markers take
// two rows of radius 6, seven and two.
BOOST_AUTO_TEST_CASE(nine_in_a_usual_cell_take_two_smaller_rows_below_the_score) {
  const CellMarkers m = cell_markers(9, 0, 0, 120, 120, 84);
  BOOST_TEST(m.r == 6);
  BOOST_REQUIRE(m.at.size() == 9u);
  BOOST_TEST(m.at[0].second == 106.5);
  BOOST_TEST(m.at[6].second == 106.5);
  BOOST_TEST(m.at[7].second == 91.5);
  BOOST_TEST(m.at[7].first == 40);
  BOOST_TEST(m.at[8].first == 80);
}

// On random cells and counts: inside the cell, no two circles closer than the gap, and
// below the score whenever rows of the smallest size fit in the band.
BOOST_AUTO_TEST_CASE(markers_never_touch_each_other_and_stay_below_the_score_when_they_fit) {
  std::mt19937 rng(11);
  for (int t = 0; t < 5000; ++t) {
    const double w = 480.0 / (2 + rng() % 6), h = 360.0 / (2 + rng() % 5);
    const double x = 118 + rng() % 100, y = 116 + rng() % 100;
    const double band_top = y + h / 2 + 24;
    const int n = 1 + static_cast<int>(rng() % 20);
    const CellMarkers m = cell_markers(n, x, y, w, h, band_top);
    BOOST_REQUIRE(m.at.size() == static_cast<size_t>(n));
    BOOST_TEST(m.r >= kMinMarkerR);
    BOOST_TEST(m.r <= kMarkerR);
    const double foot = y + h - 7.5;
    const int across = std::max(1, static_cast<int>(std::floor(w / (2 * kMinMarkerR + kMarkerGap))) - 1);
    const int rows = (n + across - 1) / across;
    const bool fits = rows * 2 * kMinMarkerR + (rows - 1) * kMarkerGap <= foot - band_top;
    for (int i = 0; i < n; ++i) {
      const auto [cx, cy] = m.at[i];
      BOOST_TEST(cx - m.r >= x);
      BOOST_TEST(cx + m.r <= x + w);
      BOOST_TEST(cy + m.r <= foot + 1e-9);
      if (fits) BOOST_TEST(cy - m.r >= band_top - 1e-9);
      for (int j = 0; j < i; ++j) {
        const double d = std::hypot(cx - m.at[j].first, cy - m.at[j].second);
        BOOST_TEST(d >= 2 * m.r + kMarkerGap - 1e-9, "markers " << j << " and " << i << " of " << n << " in " << w << "x" << h);
      }
    }
  }
}

BOOST_AUTO_TEST_SUITE_END()
