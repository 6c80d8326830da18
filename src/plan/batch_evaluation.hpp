#pragma once
// Evaluates a batch of regimens on several threads. Results are stored by index, so the
// outcome is the same whatever the thread count (docs/architecture.md: plan is deterministic).

#include <vector>

#include "plan/evaluation.hpp"

namespace dermasim::plan {

/// evaluator(regimens[i]) for every i, on up to `threads` threads. The evaluator must be
/// safe to call concurrently. The first exception thrown by any call is rethrown here.
[[nodiscard]] std::vector<Evaluation> evaluate_all(const std::vector<regimen::Regimen>& regimens,
                                                   const Evaluator& evaluator, int threads);

}  // namespace dermasim::plan
