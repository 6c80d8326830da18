#pragma once
// Evaluates a batch of regimens on several threads. Results are stored by index, so the
// outcome is the same whatever the thread count (`dermasim plan` is deterministic);
// so is a failure, by numerics::parallel_for's rule.

#include <vector>

#include "plan/evaluation.hpp"

namespace dermasim::plan {

/// evaluator(regimens[i]) for every i, on up to `threads` threads (clamped to 1 … 64). The
/// evaluator must be safe to call concurrently. Every regimen is evaluated even when some
/// calls throw; then the exception of the lowest failing index is rethrown.
[[nodiscard]] std::vector<Evaluation> evaluate_all(const std::vector<regimen::Regimen>& regimens,
                                                   const Evaluator& evaluator, int threads);

}  // namespace dermasim::plan
