// Batch scoring: scene scores, current scene and centroid for every row of an
// ItemResponses table at once (questionnaires/FORMAT.md "Scoring").
//
// With p the keyed points (keyed.hpp: x - min, reversed max - x; 0 where unanswered) and
// the key's whole-number weights, each row's sums per scene are integers: num = sum of
// num_weight p, den = sum of den_weight and the count answered, over its answered keyed
// items only (the key is sparse: an item keys one scene or a few). Every sum is below
// 2^53, so the item part num / den is the double nearest the exact fraction; ties between
// scores are decided exactly (keyed.hpp's scene_score), never by rounding. Rows are
// processed in blocks (working memory stays small beside the input and the output) spread
// over threads in contiguous runs; a row's result depends on its own answers only, so it
// is the same bits on any number of threads. Never fails but for memory (std::bad_alloc,
// or std::system_error when a thread cannot start); safe to call from several threads.
#pragma once

#include <cstddef>
#include <memory>
#include <utility>
#include <span>
#include <vector>

#include "engine/questionnaire.hpp"
#include "engine/responses.hpp"

namespace careermap {

// A vector whose resize() leaves new elements uninitialised: every element of the
// outputs below is written exactly once, so zero-filling them first would be wasted work.
// Its memory is the plain allocator's: on this project's machines (virtual ones that hand
// memory back to their host), asking for transparent huge pages made the first batch of a
// million rows take 0.8-2.2 s instead of 0.15-0.38 s (docs/SCALE.md, "The first call").
template <typename T>
struct NoInit : std::allocator<T> {
  using value_type = T;
  NoInit() = default;
  template <typename U>
  NoInit(const NoInit<U>&) noexcept {}
  template <typename U>
  struct rebind {
    using other = NoInit<U>;
  };
  template <typename U>
  void construct(U* p) noexcept {
    ::new (static_cast<void*>(p)) U;
  }
  template <typename U, typename... A>
  void construct(U* p, A&&... a) {
    ::new (static_cast<void*>(p)) U(std::forward<A>(a)...);
  }
};
template <typename T>
using OutVector = std::vector<T, NoInit<T>>;

struct BatchScores {
  size_t rows = 0;
  int scenes = 0;
  OutVector<double> item_part;  // rows x scenes, row-major; NaN = too few answers
  OutVector<double> score;      // rows x scenes, row-major, 0..100; NaN = no score
  OutVector<int> answered;      // rows x scenes, row-major: keyed items answered
  OutVector<int> current;       // per row: scene index, or -1 when no scene has a score
  OutVector<double> centroid_stage, centroid_level;  // per row, 1-based; NaN = none
  std::vector<int> keyed_per_scene;   // keyed items of each scene
  std::vector<int> required_per_scene;  // answered items a scene needs for a score
  // Only when asked for (keep_parts): the item part as the exact fraction num / den
  // (keyed.hpp), rows x scenes, row-major; den 0 where nothing keyed was answered.
  OutVector<long long> part_num, part_den;
};

// Scores every row. `evidence` is rows x scenes (row-major): the sum of the role weights
// (Decimal units) of the episodes placed on each scene, or empty when there are none. A
// row whose evidence adds up to more than 0 mixes in the episode part (FORMAT.md rule 4).
// `threads`: at most that many (0: one per core); small batches use fewer (scoring_threads).
BatchScores score_batch(const Questionnaire& q, const ItemResponses& responses,
                        std::span<const long long> evidence = {}, bool keep_parts = false, unsigned threads = 0);
// The same into `out`, reusing its memory (for callers that score batch after batch).
void score_batch_into(const Questionnaire& q, const ItemResponses& responses, std::span<const long long> evidence,
                      BatchScores& out, bool keep_parts = false, unsigned threads = 0);

// The threads score_batch uses for `rows` rows when asked for at most `asked` (0: one per
// core): one per 8 blocks of rows at least, so a small batch stays on the calling thread.
unsigned scoring_threads(size_t rows, unsigned asked);

}  // namespace careermap
