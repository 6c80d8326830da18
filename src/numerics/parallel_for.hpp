#pragma once
// Independent work items on several threads (the people of a virtual population and the
// planner's candidates are independent runs). Items are handed out one at a time from a shared counter, so uneven items
// balance; each item writes only its own slot, so results do not depend on the thread count
// or the schedule. The one failure rule, for every caller: every item runs, even after some
// have thrown; once all workers have joined, the exception of the lowest failing item (by
// index, not by time) is rethrown. A failure is therefore the same whatever the thread count.

#include <functional>

namespace dermasim::numerics {

/// Called on the calling thread as items finish: (items done, items in all).
using ProgressObserver = std::function<void(int n_done, int n_items)>;

/// Calls work(item, worker) for every item in 0 … n_items − 1 on min(threads, n_items)
/// threads; `worker` in 0 … threads − 1 names the calling thread (for per-thread scratch).
/// Failures follow the rule above. @pre n_items >= 0, threads >= 1; work safe to call
/// concurrently for distinct items.
void parallel_for(int n_items, int threads, const std::function<void(int item, int worker)>& work,
                  const ProgressObserver& progress = {});

}  // namespace dermasim::numerics
