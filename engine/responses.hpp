// The keyed answers of a batch as one dense table: the input of batch scoring.
//
// One column per keyed item (questionnaire order), one row per participant, stored
// column-major as float (scale points are small whole numbers, exact in float); NaN
// marks an unanswered item. Filled from Answers by collect_responses(), or directly by
// generators and benchmarks. A plain value; no Eigen in this header.
#pragma once

#include <cmath>
#include <cstddef>
#include <span>
#include <vector>

#include "engine/answers.hpp"
#include "engine/questionnaire.hpp"

namespace careermap {

struct ItemResponses {
  std::vector<int> items;     // keyed item indices into Questionnaire::items (columns)
  size_t rows = 0;            // participants
  std::vector<float> values;  // rows x items, column-major; NaN = unanswered

  ItemResponses() = default;
  ItemResponses(std::vector<int> keyed_items, size_t n)
      : items(std::move(keyed_items)), rows(n), values(rows * items.size(), NAN) {}
  float& at(size_t row, size_t col) { return values[col * rows + row]; }
  float at(size_t row, size_t col) const { return values[col * rows + row]; }
};

// The keyed answers of `batch` (in the order given) as a table.
ItemResponses collect_responses(const Questionnaire& q, std::span<const Answers> batch);

}  // namespace careermap
