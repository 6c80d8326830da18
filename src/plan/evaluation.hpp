#pragma once
// How the planner scores a candidate (docs/planner.md): an evaluator it is given (`plan`
// never includes `population`, so `plan --robust` passes a population evaluator) turns a
// regimen into predicted outcomes; the objective weights the person's concerns.

#include <functional>
#include <memory>

#include "regimen/profile.hpp"
#include "regimen/regimen.hpp"
#include "response/response_outcomes.hpp"
#include "simulate/regimen_simulation.hpp"

namespace dermasim::plan {

/// What an evaluator predicts for one regimen. For a population evaluator these are the
/// chosen percentiles (objective-relevant outcomes low, limits high).
struct Evaluation {
  response::ResponseOutcomes outcomes;
  /// The whole simulation when the evaluator ran one person through the model (kept so that
  /// the chosen plan is not simulated twice); null for population or synthetic evaluators.
  std::shared_ptr<const simulate::SimulationResult> simulation = nullptr;
};

using Evaluator = std::function<Evaluation(const regimen::Regimen&)>;

/// Σ weight × improvement (%) over the person's concerns (weights default 1).
[[nodiscard]] double objective(const regimen::Profile& profile, const response::ResponseOutcomes& outcomes);

}  // namespace dermasim::plan
