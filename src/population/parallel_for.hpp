#pragma once
// Independent work items on several threads (docs/population.md: runs are independent). Items are
// handed out one at a time from a shared counter, so uneven items balance; each item writes
// only its own slot, so the results do not depend on the thread count or the schedule.

#include <functional>

namespace dermasim::population {

/// Called on the calling thread as items finish: (items done, items in all).
using ProgressObserver = std::function<void(int n_done, int n_items)>;

/// Calls work(item, worker) for every item in 0 … n_items − 1 on min(threads, n_items)
/// threads; `worker` in 0 … threads − 1 names the calling thread (for per-thread scratch).
/// Every item runs even if some throw; afterwards the exception of the lowest failing item is
/// rethrown. @pre n_items >= 0, threads >= 1; work safe to call concurrently for distinct items.
void parallel_for(int n_items, int threads, const std::function<void(int item, int worker)>& work,
                  const ProgressObserver& progress = {});

}  // namespace dermasim::population
