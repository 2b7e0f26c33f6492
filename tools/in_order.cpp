#include "tools/in_order.hpp"

#include <algorithm>
#include <condition_variable>
#include <exception>
#include <mutex>
#include <thread>
#include <vector>

namespace careermap::cli {

unsigned all_cores() { return std::max(1u, std::thread::hardware_concurrency()); }

namespace {

// What the workers and the caller share, under one lock: the next index to work on, how
// far done has come, and a slot per index of the window (its result is ready, and how work
// ended). Destroying it stops the work and joins the threads, however in_order ends.
// A thread is woken only when it can go on: the caller when the result it waits for is
// ready; the idle workers when half the window is free again (so that they take several
// indices per waking, not one; each wake-up is a system call and a switch of threads).
class Window {
 public:
  Window(size_t n, size_t window, const std::function<void(size_t)>& work)
      : n_(n), window_(window), work_(work), ready_(window, 0), failed_(window) {}
  ~Window() {
    {
      std::lock_guard lock(m_);
      stop_ = true;
    }
    room_.notify_all();
    for (auto& t : pool_) t.join();
  }
  Window(const Window&) = delete;
  Window& operator=(const Window&) = delete;

  void start(size_t threads) {
    for (size_t t = 0; t < threads; ++t) pool_.emplace_back([this] { worker(); });
  }

  // Waits for work(i), then calls done(i) (or throws what work(i) threw).
  void take(size_t i, const std::function<void(size_t)>& done) {
    std::exception_ptr e;
    {
      std::unique_lock lock(m_);
      waiting_for_ = i;
      ready_cv_.wait(lock, [&] { return ready_[i % window_] != 0; });
      waiting_for_ = kNobody;
      ready_[i % window_] = 0;
      e = std::move(failed_[i % window_]);
    }
    if (e) std::rethrow_exception(e);
    done(i);
    bool wake = false;
    {
      std::lock_guard lock(m_);
      taken_ = i + 1;
      wake = idle_ > 0 && (taken_ + window_ - next_ >= (window_ + 1) / 2 || taken_ == n_);
    }
    if (wake) room_.notify_all();
  }

 private:
  static constexpr size_t kNobody = static_cast<size_t>(-1);

  void worker() {
    for (;;) {
      size_t i = 0;
      {
        std::unique_lock lock(m_);
        if (!(stop_ || next_ >= n_ || next_ < taken_ + window_)) {
          ++idle_;
          room_.wait(lock, [&] { return stop_ || next_ >= n_ || next_ < taken_ + window_; });
          --idle_;
        }
        if (stop_ || next_ >= n_) return;
        i = next_++;
      }
      std::exception_ptr e;
      try {
        work_(i);
      } catch (...) {
        e = std::current_exception();
      }
      bool wake = false;
      {
        std::lock_guard lock(m_);
        ready_[i % window_] = 1;
        failed_[i % window_] = e;
        wake = waiting_for_ == i;
      }
      if (wake) ready_cv_.notify_one();
    }
  }

  const size_t n_, window_;
  const std::function<void(size_t)>& work_;
  std::mutex m_;
  std::condition_variable ready_cv_;  // the caller waits here for result waiting_for_
  std::condition_variable room_;      // idle workers wait here for room in the window
  size_t next_ = 0;    // the next index to work on
  size_t taken_ = 0;   // done(i) has returned for every i < taken_
  size_t waiting_for_ = kNobody;
  size_t idle_ = 0;    // workers waiting for room
  bool stop_ = false;  // in_order is ending (done threw, or all is done): no more work
  std::vector<char> ready_;
  std::vector<std::exception_ptr> failed_;
  std::vector<std::thread> pool_;
};

}  // namespace

void in_order(size_t n, unsigned threads, size_t window, const std::function<void(size_t)>& work,
              const std::function<void(size_t)>& done) {
  if (threads <= 1 || n <= 1) {
    for (size_t i = 0; i < n; ++i) {
      work(i);
      done(i);
    }
    return;
  }
  Window w(n, std::max<size_t>(window, 1), work);
  w.start(std::min<size_t>(threads, n));
  for (size_t i = 0; i < n; ++i) w.take(i, done);
}

}  // namespace careermap::cli
