#pragma once
// How the planner scores a candidate (docs/planner.md): an evaluator it is given
// (docs/architecture.md: `plan` never includes `population`, so `plan --robust` passes a population
// evaluator) turns a regimen into predicted outcomes; the objective weights the person's concerns.

#include <functional>

#include "regimen/profile.hpp"
#include "regimen/regimen.hpp"
#include "response/response_outcomes.hpp"

namespace dermasim::plan {

/// What an evaluator predicts for one regimen. For a population evaluator these are the
/// chosen percentiles (objective-relevant outcomes low, limits high).
struct Evaluation {
  response::ResponseOutcomes outcomes;
};

using Evaluator = std::function<Evaluation(const regimen::Regimen&)>;

/// Σ weight × improvement (%) over the person's concerns (weights default 1).
[[nodiscard]] double objective(const regimen::Profile& profile, const response::ResponseOutcomes& outcomes);

}  // namespace dermasim::plan
