#include "reports/path_route.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <queue>

namespace careermap::route {
namespace {

constexpr double kBend = 14;        // a bend costs as much as this many points of length
constexpr double kOnMark = 3;       // running along a drawn line costs this much more per point
constexpr double kOnLeg = 8;        // and along an earlier leg this much more
constexpr double kMeet = 30;        // passing through a point of an earlier leg (they would read as one)
constexpr double kNear = 2.5;       // a parallel line this close counts as running along it

double length(Point a, Point b) { return std::hypot(b.x - a.x, b.y - a.y); }

// Length of the stretch over which the axis-parallel segment a-b runs along m.
double along(Point a, Point b, const Mark& m) {
  const bool h = a.y == b.y, mh = m.a.y == m.b.y, v = a.x == b.x, mv = m.a.x == m.b.x;
  if (h && mh && std::abs(a.y - m.a.y) < kNear)
    return std::max(0.0, std::min(std::max(a.x, b.x), std::max(m.a.x, m.b.x)) -
                             std::max(std::min(a.x, b.x), std::min(m.a.x, m.b.x)));
  if (v && mv && std::abs(a.x - m.a.x) < kNear)
    return std::max(0.0, std::min(std::max(a.y, b.y), std::max(m.a.y, m.b.y)) -
                             std::max(std::min(a.y, b.y), std::min(m.a.y, m.b.y)));
  return 0;
}

// True when p lies on the axis-parallel segment m.
bool on(Point p, const Mark& m) {
  return std::min(m.a.x, m.b.x) <= p.x && p.x <= std::max(m.a.x, m.b.x) && std::min(m.a.y, m.b.y) <= p.y &&
         p.y <= std::max(m.a.y, m.b.y) && (m.a.x == m.b.x || m.a.y == m.b.y);
}

class Router {
 public:
  Router(const std::vector<Rect>& obstacles, const std::vector<int>& owner, const std::vector<Mark>& marks,
         const Lanes& lanes, const ArrowShape& shape)
      : obstacles_(obstacles), owner_(owner), marks_(marks), lanes_(lanes), shape_(shape) {}

  Leg leg(int i, Point a, Point b) {
    leg_ = i;
    // Straight when clear and not on top of an earlier leg (the two would read as one).
    double shared = 0;
    for (const auto& t : taken_) shared += along(a, b, t);
    if (shared < 1 && clear_drawn({a, b})) return keep({a, b});
    std::vector<Point> line = lattice(a, b);
    if (line.empty() || !clear_drawn(line)) return {{a, b}, false};
    return keep(std::move(line));
  }

 private:
  Leg keep(std::vector<Point> line) {
    for (size_t k = 1; k < line.size(); ++k) taken_.push_back({line[k - 1], line[k]});
    return {std::move(line), true};
  }

  bool blocks(size_t k) const { return owner_[k] != leg_ && owner_[k] != leg_ + 1; }

  // The leg as drawn (line and arrowhead) meets no box but its own stops'.
  bool clear_drawn(const std::vector<Point>& leg) const {
    const DrawnLeg d = drawn(leg, shape_);
    if (d.line.empty()) return true;
    return clear(d.line) && clear({d.tip, d.left, d.right, d.tip});
  }

  bool clear(const std::vector<Point>& line) const {
    for (size_t s = 1; s < line.size(); ++s)
      for (size_t k = 0; k < obstacles_.size(); ++k)
        if (blocks(k) && segment_meets(line[s - 1], line[s], obstacles_[k])) return false;
    return true;
  }

  // The nodes a route may turn at: the lanes and a's and b's own row and column, within the
  // lanes' bounds (widened to reach a and b). Node n is column n % nx, row n / nx.
  struct Grid {
    std::vector<double> xs, ys;
    int nx = 0, ny = 0;
    Point at(int n) const { return Point{xs[n % nx], ys[n / nx]}; }
    int index(Point p) const {
      const int ix = static_cast<int>(std::lower_bound(xs.begin(), xs.end(), p.x) - xs.begin());
      const int iy = static_cast<int>(std::lower_bound(ys.begin(), ys.end(), p.y) - ys.begin());
      return iy * nx + ix;
    }
    // Directions: 0 right, 1 left, 2 down, 3 up; the neighbour of node n in direction d, or -1.
    int step(int n, int d) const {
      const int ix = n % nx, iy = n / nx;
      if (d == 0) return ix + 1 < nx ? n + 1 : -1;
      if (d == 1) return ix > 0 ? n - 1 : -1;
      if (d == 2) return iy + 1 < ny ? n + nx : -1;
      return iy > 0 ? n - nx : -1;
    }
  };

  Grid grid(Point a, Point b) const {
    auto axis = [](std::vector<double> v, double p, double q, double lo, double hi) {
      v.push_back(p);
      v.push_back(q);
      std::erase_if(v, [&](double c) { return c < lo || c > hi; });
      std::sort(v.begin(), v.end());
      v.erase(std::unique(v.begin(), v.end()), v.end());
      return v;
    };
    const Rect& r = lanes_.bounds;
    Grid g;
    g.xs = axis(lanes_.xs, a.x, b.x, std::min(r.x0, std::min(a.x, b.x)), std::max(r.x1, std::max(a.x, b.x)));
    g.ys = axis(lanes_.ys, a.y, b.y, std::min(r.y0, std::min(a.y, b.y)), std::max(r.y1, std::max(a.y, b.y)));
    g.nx = static_cast<int>(g.xs.size());
    g.ny = static_cast<int>(g.ys.size());
    return g;
  }

  // The cost of the step from node n to its neighbour m in direction d, having arrived in
  // direction din: its length, a bend, and running along marks or earlier legs.
  double step_cost(const Grid& g, int n, int m, int d, int din, int start, int goal) const {
    const Point p = g.at(n), q = g.at(m);
    double w = length(p, q) + (n != start && d != din ? kBend : 0);
    for (const auto& mark : marks_) w += kOnMark * along(p, q, mark);
    for (const auto& mark : taken_) w += kOnLeg * along(p, q, mark) + (m != goal && on(q, mark) ? kMeet : 0);
    return w;
  }

  // Dijkstra over (node, direction arrived in); the state reaching the goal, -1 when none,
  // with `from` the state before each.
  int cheapest(const Grid& g, int start, int goal, std::vector<int>& from) const {
    const int N = g.nx * g.ny;
    constexpr double inf = std::numeric_limits<double>::infinity();
    std::vector<double> cost(static_cast<size_t>(N) * 4, inf);
    from.assign(static_cast<size_t>(N) * 4, -1);
    using Entry = std::pair<double, int>;  // cost, state = node * 4 + direction arrived in
    std::priority_queue<Entry, std::vector<Entry>, std::greater<>> open;
    for (int d = 0; d < 4; ++d) {
      cost[start * 4 + d] = 0;
      open.push({0, start * 4 + d});
    }
    while (!open.empty()) {
      const auto [c, s] = open.top();
      open.pop();
      if (c > cost[s]) continue;
      const int n = s / 4, din = s % 4;
      if (n == goal) return s;
      for (int d = 0; d < 4; ++d) {
        const int m = g.step(n, d);
        if (m < 0 || !clear({g.at(n), g.at(m)})) continue;
        const double w = step_cost(g, n, m, d, din, start, goal);
        const int t = m * 4 + d;
        if (c + w < cost[t]) {
          cost[t] = c + w;
          from[t] = s;
          open.push({c + w, t});
        }
      }
    }
    return -1;
  }

  // The cheapest orthogonal route from a to b over the lanes (and a's and b's own row and
  // column), as its corners, or nothing.
  std::vector<Point> lattice(Point a, Point b) {
    const Grid g = grid(a, b);
    std::vector<int> from;
    const int done = cheapest(g, g.index(a), g.index(b), from);
    if (done < 0) return {};
    std::vector<Point> line;
    for (int s = done; s >= 0; s = from[s]) {
      const Point p = g.at(s / 4);
      // Keep only the corners: drop a point in line with its neighbours.
      if (line.size() >= 2) {
        const Point u = line[line.size() - 2], v = line.back();
        if ((u.x == v.x && v.x == p.x) || (u.y == v.y && v.y == p.y)) line.pop_back();
      }
      if (line.empty() || line.back().x != p.x || line.back().y != p.y) line.push_back(p);
    }
    std::reverse(line.begin(), line.end());
    line.front() = a;
    line.back() = b;
    return line;
  }

  const std::vector<Rect>& obstacles_;
  const std::vector<int>& owner_;
  const std::vector<Mark>& marks_;
  std::vector<Mark> taken_;  // the legs routed so far
  const Lanes& lanes_;
  const ArrowShape& shape_;
  int leg_ = 0;
};

}  // namespace

bool segment_meets(Point a, Point b, const Rect& r) {
  // Liang-Barsky: clip the parameter range [0, 1] of a + t (b - a) to the rectangle.
  double t0 = 0, t1 = 1;
  const double dx = b.x - a.x, dy = b.y - a.y;
  auto clip = [&](double p, double q) {  // the constraint p t <= q
    if (p == 0) return q >= 0;
    const double t = q / p;
    if (p < 0) t0 = std::max(t0, t);
    else t1 = std::min(t1, t);
    return t0 <= t1;
  };
  return clip(-dx, a.x - r.x0) && clip(dx, r.x1 - a.x) && clip(-dy, a.y - r.y0) && clip(dy, r.y1 - a.y);
}

std::vector<Point> trimmed(const std::vector<Point>& line, double from_start, double from_end) {
  double total = 0;
  for (size_t k = 1; k < line.size(); ++k) total += length(line[k - 1], line[k]);
  if (total <= from_start + from_end) return {};
  // The point at distance d along the line, and the index of the segment holding it.
  auto point_at = [&](double d) -> std::pair<Point, size_t> {
    for (size_t k = 1; k < line.size(); ++k) {
      const double l = length(line[k - 1], line[k]);
      if (d <= l || k + 1 == line.size()) {
        const double t = l > 0 ? std::min(1.0, d / l) : 0;
        return {{line[k - 1].x + t * (line[k].x - line[k - 1].x), line[k - 1].y + t * (line[k].y - line[k - 1].y)}, k};
      }
      d -= l;
    }
    return {line.back(), line.size() - 1};
  };
  const auto [p, i] = point_at(from_start);
  const auto [q, j] = point_at(total - from_end);
  std::vector<Point> out{p};
  for (size_t k = i; k < j; ++k) out.push_back(line[k]);
  out.push_back(q);
  return out;
}

DrawnLeg drawn(const std::vector<Point>& leg, const ArrowShape& shape) {
  double total = 0;
  for (size_t k = 1; k < leg.size(); ++k) total += length(leg[k - 1], leg[k]);
  if (total < shape.shortest) return {};
  const std::vector<Point> to_tip = trimmed(leg, shape.trim, shape.trim);
  DrawnLeg d;
  d.line = trimmed(leg, shape.trim, shape.trim + shape.gap);
  if (to_tip.size() < 2 || d.line.size() < 2) return {};
  d.tip = to_tip.back();
  const Point from = to_tip[to_tip.size() - 2];
  const double l = length(from, d.tip), ux = (d.tip.x - from.x) / l, uy = (d.tip.y - from.y) / l;
  const Point base{d.tip.x - ux * shape.head, d.tip.y - uy * shape.head};
  d.left = {base.x - uy * shape.half, base.y + ux * shape.half};
  d.right = {base.x + uy * shape.half, base.y - ux * shape.half};
  return d;
}

std::vector<Leg> route_legs(const std::vector<Point>& stops, const std::vector<Rect>& obstacles,
                            const std::vector<int>& owner, const std::vector<Mark>& marks, const Lanes& lanes,
                            const ArrowShape& shape) {
  Router router(obstacles, owner, marks, lanes, shape);
  std::vector<Leg> legs;
  for (size_t i = 1; i < stops.size(); ++i) legs.push_back(router.leg(static_cast<int>(i) - 1, stops[i - 1], stops[i]));
  return legs;
}

}  // namespace careermap::route
