// Small-number suppression of a cell table (cell_table.hpp), proven by its audit
// (disclosure_audit.hpp), so that no published figure, alone or with the others and with the
// releases in the table, gives away a group of fewer than `min_group` people.
//
// Primary: every count of 1 .. min_group - 1 people and every mean of fewer than min_group
// people is hidden; a mean whose people are hidden is hidden too. Secondary: wherever a
// relation (a pool and its parts, a group's categories and its size) would have exactly one
// hidden figure, a second one goes (the smallest non-zero, parts before the pool), repeated
// until nothing changes. Then the audit: while it finds a pinned figure, one more figure of
// the same measure (else table, else any) is hidden and the audit runs again. Only cells of
// this report change; released ones stay as they were published, and what they already pin
// on their own (found by auditing with all of this report hidden) is not this report's to hide. Throws Error when a figure
// is still pinned with nothing left to hide.
#pragma once

#include "engine/cell_table.hpp"

namespace careermap {

struct SuppressionCounts {
  int small = 0, secondary = 0, audit = 0, difference = 0;  // cells hidden, by why
  int rounds = 0;                                           // audits run
  int checked = 0, solves = 0;                              // over all rounds
};

SuppressionCounts suppress(CellTable& t, int min_group);

}  // namespace careermap
