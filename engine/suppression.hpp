// Small-number suppression for aggregate tables, so that no figure about fewer than
// `min_group` people is shown, and none can be recovered from the others.
//
// A table has one row per category and one column per group, the last column being the
// pool of all groups (each row's pool is the sum of its groups). Primary suppression
// hides every count from 1 to min_group - 1. Secondary suppression then hides a second
// cell wherever a row (pool = sum of groups) or, for exclusive categories, a column (the
// group's size = sum of its categories) would otherwise have exactly one hidden cell,
// since that one could be got back by subtraction; repeated until nothing changes.
#pragma once

#include <vector>

namespace careermap {

// counts[row][column]; the last column is the pool. Returns hidden[row][column].
std::vector<std::vector<bool>> suppress(const std::vector<std::vector<int>>& counts, int min_group,
                                        bool exclusive_categories);

}  // namespace careermap
