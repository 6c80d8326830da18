// Independent items on threads: each item exactly once, results by slot, the one failure rule
// (every item runs; the lowest failing index is rethrown), progress on the calling thread.

#include "numerics/parallel_for.hpp"

#include <algorithm>
#include <atomic>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

#include <gtest/gtest.h>

namespace dermasim::numerics {
namespace {

TEST(ParallelFor, RunsEveryItemExactlyOnceWhateverTheThreadCount) {
  for (const int threads : {1, 2, 5, 64}) {
    std::vector<int> runs(37, 0);

    parallel_for(37, threads, [&](int item, int) { ++runs[static_cast<std::size_t>(item)]; });

    EXPECT_EQ(runs, std::vector<int>(37, 1)) << threads << " threads";
  }
}

TEST(ParallelFor, NamesEachWorkerWithinTheThreadCount) {
  std::vector<int> workers(50, -1);

  parallel_for(50, 3, [&](int item, int worker) { workers[static_cast<std::size_t>(item)] = worker; });

  for (const int worker : workers) {
    EXPECT_GE(worker, 0);
    EXPECT_LT(worker, 3);
  }
}

TEST(ParallelFor, RethrowsTheLowestFailingItemAfterRunningEveryItem) {
  std::vector<int> runs(20, 0);
  auto work = [&](int item, int) {
    ++runs[static_cast<std::size_t>(item)];
    if (item == 7 || item == 13) throw std::runtime_error("item " + std::to_string(item));
  };

  try {
    parallel_for(20, 4, work);
    FAIL() << "expected the failure of item 7";
  } catch (const std::runtime_error& error) {
    EXPECT_EQ(std::string(error.what()), "item 7");
  }
  EXPECT_EQ(runs, std::vector<int>(20, 1));
}

TEST(ParallelFor, RethrowsTheLowestFailingIndexEvenWhenAHigherOneFailedFirst) {
  // Item 0 fails only after item 9 has failed, so "first in time" and "lowest index" differ.
  std::atomic<bool> nine_failed{false};
  std::atomic<int> n_run{0};
  auto work = [&](int item, int) {
    ++n_run;
    if (item == 9) {
      nine_failed = true;
      throw std::runtime_error("item 9");
    }
    if (item == 0) {
      while (!nine_failed) std::this_thread::yield();
      throw std::runtime_error("item 0");
    }
  };

  try {
    parallel_for(30, 2, work);
    FAIL() << "expected the failure of item 0";
  } catch (const std::runtime_error& error) {
    EXPECT_EQ(std::string(error.what()), "item 0");
  }
  EXPECT_EQ(n_run.load(), 30);
}

TEST(ParallelFor, ReportsProgressOnTheCallingThreadEndingWithAllItemsDone) {
  const auto caller = std::this_thread::get_id();
  std::vector<int> reported;
  bool always_on_caller = true;

  parallel_for(
      25, 2, [](int, int) {},
      [&](int n_done, int n_items) {
        EXPECT_EQ(n_items, 25);
        reported.push_back(n_done);
        always_on_caller = always_on_caller && std::this_thread::get_id() == caller;
      });

  ASSERT_FALSE(reported.empty());
  EXPECT_EQ(reported.back(), 25);
  EXPECT_TRUE(std::ranges::is_sorted(reported));
  EXPECT_TRUE(always_on_caller);
}

TEST(ParallelFor, DoesNothingForNoItems) {
  int runs = 0;

  parallel_for(0, 4, [&](int, int) { ++runs; });

  EXPECT_EQ(runs, 0);
}

}  // namespace
}  // namespace dermasim::numerics
