// The audit of a suppressed cell table: what a careful reader can work out from everything
// published (this report's shown cells and those of the releases in the table), solved as
// linear programs with GLPK: every count is a non-negative integer, every sum lies between
// its people's lowest and highest values, every relation holds in every atom, and each shown
// figure equals its published value (a mean to within its rounding).
//
// A figure is pinned when the reader can narrow it down to what shows a small group:
//  - a hidden count (of this report or a released one) of 1 .. min-group - 1 people whose every possible value is 1 .. min-group - 1;
//  - a hidden sum of 1 .. min-group - 1 people known to within less than half of its people's
//    range (for one person, half the score scale);
//  - the same two for an atom of 1 .. min-group - 1 people (a cohort too small for its own
//    column, or the people by whom two releases differ): a count known to be at least 1, or a
//    sum known that closely.
// An integer program that needs more than its budget of branch-and-bound nodes leaves the
// figure pinned (hidden): never less hidden than with more nodes, and the same on any machine.
// Pure; safe from several threads (each call has its own GLPK problem). Throws Error when
// GLPK fails.
#pragma once

#include <limits>
#include <set>
#include <tuple>
#include <vector>

#include "engine/cell_table.hpp"

namespace careermap {

struct Interval {
  double low = 0, high = std::numeric_limits<double>::infinity();
};

struct Pinned {
  int measure = 0;
  int cell = -1;  // a hidden cell of this report, or -1 for an atom
  int atom = -1;
  Interval interval;
};

// A figure the audit examines: (measure, cell or -1, atom or -1).
using Figure = std::tuple<int, int, int>;

struct AuditResult {
  std::vector<Pinned> pinned;
  std::vector<Figure> safe;  // examined and not pinned
  int checked = 0;  // figures examined
  int solves = 0;   // LPs and MIPs solved
};

// The branch-and-bound nodes an integer program may take (the reports seen need at most a
// dozen); a figure whose program needs more is taken as pinned.
inline constexpr int kAuditMipNodes = 10000;

// `proven`: figures found safe before with no fewer figures hidden (hiding more only widens
// what the reader cannot tell), which need no new look.
// `only`, when given: examine just these figures. `mip_nodes`: the budget above.
AuditResult audit_cells(const CellTable& t, int min_group, const std::set<Figure>& proven = {},
                        const std::set<Figure>* only = nullptr, int mip_nodes = kAuditMipNodes);

// The smallest and largest value of every hidden cell of this report (`cells` order; shown
// cells get their value twice), as `cohort --dry-run` prints them.
std::vector<Interval> hidden_intervals(const CellTable& t);

}  // namespace careermap
