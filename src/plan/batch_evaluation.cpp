#include "plan/batch_evaluation.hpp"

#include <algorithm>
#include <atomic>
#include <exception>
#include <mutex>
#include <thread>

namespace dermasim::plan {

std::vector<Evaluation> evaluate_all(const std::vector<regimen::Regimen>& regimens, const Evaluator& evaluator,
                                     int threads) {
  std::vector<Evaluation> results(regimens.size());
  std::atomic<std::size_t> next{0};
  std::exception_ptr failure;
  std::mutex failure_mutex;
  auto work = [&] {
    for (std::size_t index = next++; index < regimens.size(); index = next++) {
      try {
        results[index] = evaluator(regimens[index]);
      } catch (...) {
        const std::lock_guard lock(failure_mutex);
        if (!failure) failure = std::current_exception();
        next = regimens.size();
      }
    }
  };
  const auto n_threads = static_cast<std::size_t>(std::clamp(threads, 1, 64));
  std::vector<std::thread> workers;
  for (std::size_t worker = 1; worker < std::min(n_threads, regimens.size()); ++worker) workers.emplace_back(work);
  work();
  for (auto& worker : workers) worker.join();
  if (failure) std::rethrow_exception(failure);
  return results;
}

}  // namespace dermasim::plan
