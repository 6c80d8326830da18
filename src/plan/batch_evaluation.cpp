#include "plan/batch_evaluation.hpp"

#include <algorithm>

#include "numerics/parallel_for.hpp"

namespace dermasim::plan {

namespace {
// Upper bound on the worker threads of one batch, whatever the --threads value.
constexpr int most_threads = 64;
}  // namespace

std::vector<Evaluation> evaluate_all(const std::vector<regimen::Regimen>& regimens, const Evaluator& evaluator,
                                     int threads) {
  std::vector<Evaluation> results(regimens.size());
  numerics::parallel_for(static_cast<int>(regimens.size()), std::clamp(threads, 1, most_threads), [&](int index, int) {
    const auto slot = static_cast<std::size_t>(index);
    results[slot] = evaluator(regimens[slot]);
  });
  return results;
}

}  // namespace dermasim::plan
