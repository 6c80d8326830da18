#include "numerics/parallel_for.hpp"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <exception>
#include <mutex>
#include <thread>
#include <vector>

#include "core/error.hpp"

namespace dermasim::numerics {

void parallel_for(int n_items, int threads, const std::function<void(int item, int worker)>& work,
                  const ProgressObserver& progress) {
  expects(n_items >= 0 && threads >= 1, "parallel_for: needs n_items >= 0 and threads >= 1");
  std::atomic<int> next{0};
  std::mutex mutex;
  std::condition_variable finished_one;
  int n_done = 0;
  int first_failure = n_items;
  std::exception_ptr failure;

  auto run = [&](int worker) {
    for (int item = next.fetch_add(1); item < n_items; item = next.fetch_add(1)) {
      std::exception_ptr thrown;
      try {
        work(item, worker);
      } catch (...) {
        thrown = std::current_exception();
      }
      const std::lock_guard lock(mutex);
      ++n_done;
      if (thrown && item < first_failure) {
        first_failure = item;
        failure = thrown;
      }
      finished_one.notify_one();
    }
  };

  {
    std::vector<std::jthread> workers;
    const int n_workers = std::max(1, std::min(threads, n_items));
    for (int worker = 0; worker < n_workers; ++worker) workers.emplace_back(run, worker);
    if (progress) {
      std::unique_lock lock(mutex);
      int reported = -1;
      for (;;) {
        // Wake at most ~10 times a second: a progress bar needs no more.
        finished_one.wait_for(lock, std::chrono::milliseconds(100), [&] { return n_done == n_items; });
        const int now = n_done;
        if (now != reported) {
          reported = now;
          lock.unlock();
          progress(now, n_items);
          lock.lock();
        }
        if (now == n_items) break;
      }
    }
  }  // joins
  if (failure) std::rethrow_exception(failure);
}

}  // namespace dermasim::numerics
