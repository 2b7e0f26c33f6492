// Routing of the career path's arrows around text: given the stops (marker centres), the
// boxes no line may touch (labels, scores, other markers) and lanes a line may run along
// (cell edges, marker rows and columns), each leg is a polyline that never enters a box.
// A leg whose straight line is clear (and does not lie on an earlier leg) stays straight;
// otherwise it runs orthogonally along
// the lanes, as short as possible with few bends, avoiding where other marks are drawn and
// where earlier legs already run. A leg with no clear route at all is returned straight
// and flagged (`clear == false`), so the caller can tell; the map's lanes always leave one.
// Pure functions, no drawing; points with the origin at the top left.
#pragma once

#include <vector>

namespace careermap::route {

struct Point {
  double x = 0, y = 0;
};

struct Rect {
  double x0 = 0, y0 = 0, x1 = 0, y1 = 0;  // x0 <= x1, y0 <= y1
};

// A line already on the page that a leg should not run along (a wall, a frame): running on
// it costs more, crossing it costs nothing.
struct Mark {
  Point a, b;
};

struct Lanes {
  std::vector<double> xs, ys;  // vertical lanes at x, horizontal lanes at y
  Rect bounds;                 // no leg leaves this area
};

struct Leg {
  std::vector<Point> points;  // from the first stop's centre to the second's
  bool clear = true;          // false: no clear route was found; drawn straight
};

// How a leg is drawn: the line leaves `trim` from the first stop's centre and ends in an
// arrowhead (`head` long, `half` wide on each side) whose tip is `trim` from the second's.
struct ArrowShape {
  double trim = 8.5, head = 7, half = 3.5, gap = 5;  // gap: where the line stops, back from the tip
  double shortest = 18;  // a leg shorter than this (centre to centre, along it) is not drawn
};

struct DrawnLeg {
  std::vector<Point> line;  // empty: nothing is drawn
  Point tip, left, right;   // the arrowhead's corners
};

DrawnLeg drawn(const std::vector<Point>& leg, const ArrowShape& shape);

// True when the segment a-b meets the rectangle (edges included).
bool segment_meets(Point a, Point b, const Rect& r);

// Legs from stops[i] to stops[i+1]. `obstacles[k]` belongs to stop `owner[k]` (or -1 for
// none): a leg may start or end inside its own stops' boxes (its marker), no other.
// What is checked is what `shape` draws: the line and the arrowhead.
std::vector<Leg> route_legs(const std::vector<Point>& stops, const std::vector<Rect>& obstacles,
                            const std::vector<int>& owner, const std::vector<Mark>& marks, const Lanes& lanes,
                            const ArrowShape& shape);

// The polyline with `from_start` cut off its start and `from_end` off its end; empty when
// it is not longer than both together.
std::vector<Point> trimmed(const std::vector<Point>& line, double from_start, double from_end);

}  // namespace careermap::route
