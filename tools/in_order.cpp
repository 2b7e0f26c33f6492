#include "tools/in_order.hpp"

#include <algorithm>
#include <condition_variable>
#include <exception>
#include <mutex>
#include <thread>
#include <vector>

namespace careermap::cli {

unsigned all_cores() { return std::max(1u, std::thread::hardware_concurrency()); }

void in_order(size_t n, unsigned threads, size_t window, const std::function<void(size_t)>& work,
              const std::function<void(size_t)>& done) {
  if (threads <= 1 || n <= 1) {
    for (size_t i = 0; i < n; ++i) {
      work(i);
      done(i);
    }
    return;
  }
  window = std::max<size_t>(window, 1);
  std::mutex m;
  std::condition_variable changed;
  size_t next = 0;      // the next index to work on
  size_t taken = 0;     // done(i) has returned for every i < taken
  bool stop = false;    // done threw: no more work
  std::vector<char> ready(window, 0);
  std::vector<std::exception_ptr> failed(window);
  const auto worker = [&] {
    for (;;) {
      size_t i = 0;
      {
        std::unique_lock lock(m);
        changed.wait(lock, [&] { return stop || next >= n || next < taken + window; });
        if (stop || next >= n) return;
        i = next++;
      }
      std::exception_ptr e;
      try {
        work(i);
      } catch (...) {
        e = std::current_exception();
      }
      {
        std::lock_guard lock(m);
        ready[i % window] = 1;
        failed[i % window] = e;
      }
      changed.notify_all();
    }
  };
  std::vector<std::thread> pool;
  // Stops and joins the pool however the loop below ends.
  struct Join {
    std::vector<std::thread>& pool;
    std::mutex& m;
    std::condition_variable& changed;
    bool& stop;
    ~Join() {
      {
        std::lock_guard lock(m);
        stop = true;
      }
      changed.notify_all();
      for (auto& t : pool) t.join();
    }
  } join{pool, m, changed, stop};
  for (unsigned t = 0; t < std::min<size_t>(threads, n); ++t) pool.emplace_back(worker);
  for (size_t i = 0; i < n; ++i) {
    std::exception_ptr e;
    {
      std::unique_lock lock(m);
      changed.wait(lock, [&] { return ready[i % window] != 0; });
      ready[i % window] = 0;
      e = std::move(failed[i % window]);
    }
    if (e) std::rethrow_exception(e);
    done(i);
    {
      std::lock_guard lock(m);
      taken = i + 1;
    }
    changed.notify_all();
  }
}

}  // namespace careermap::cli
