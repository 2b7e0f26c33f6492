// Work on many threads, results taken in order: in_order(n, ...) runs work(i) for every i
// in [0, n) on up to `threads` threads and calls done(i) on the calling thread for i = 0, 1,
// ... in that order, each after its work(i). At most `window` indices are between work and
// done at once: work(i) starts only after done(i - window) returned, so a caller keeps the
// results in `window` slots (slot i % window) and memory stays bounded whatever n is. What
// done sees is the same on one thread or many, if work(i) depends on i only. An exception
// from work(i) is thrown from in_order where done(i) would have been called; one from done
// stops the work and is thrown on. threads <= 1: work(i), done(i), one after the other.
#pragma once

#include <cstddef>
#include <functional>

namespace careermap::cli {

void in_order(size_t n, unsigned threads, size_t window, const std::function<void(size_t)>& work,
              const std::function<void(size_t)>& done);

// The threads to use when a command is not told (--jobs): the machine's cores, at least 1.
unsigned all_cores();

}  // namespace careermap::cli
