#pragma once
// The search for the best safe regimen for a profile (docs/planner.md): a discrete search over
// the decision variables of CandidateDesign with local refinement (coordinate descent from
// the best starts), every candidate checked against the rules before it is simulated, limits
// applied to the predictions, batches evaluated in parallel, ties broken deterministically.

#include <optional>
#include <string>
#include <vector>

#include "plan/alternatives.hpp"
#include "plan/candidate_pool.hpp"
#include "plan/planner_options.hpp"

namespace dermasim::plan {

struct PlanResult {
  ScoredCandidate chosen;
  std::vector<ScoredCandidate> alternatives;     // runners-up of other kinds, best first
  std::vector<LimitBreach> binding_constraints;  // limits that kept better candidates out
  std::vector<std::string> explanations;         // e.g. why there is no retinoid
  int n_checked = 0;
  int n_evaluated = 0;
};

/// Either a plan, or the contraindication findings that forbid any plan (exit 1).
struct PlanOutcome {
  std::optional<PlanResult> plan;
  std::vector<regimen::Finding> contraindications;
};

/// Plans `profile` from `start`. Deterministic for a given profile, start, catalogue and
/// evaluator, whatever options.threads is.
///
/// With a `robust` evaluator (`plan --robust P`, a percentile view over a virtual population)
/// the search runs on `evaluator` (the median person), then `robust_finalists` feasible
/// candidates (the best half, then the best of each other kind of plan) and the plan without
/// sessions or retinoid are judged again by `robust` — objective and limits both — and the
/// best of those is chosen: a population evaluation costs hundreds of simulations, too many
/// for every candidate.
[[nodiscard]] PlanOutcome plan_regimen(const regimen::Profile& profile, Date start, const regimen::Catalogue& catalogue,
                                       const Evaluator& evaluator, const PlannerOptions& options = {},
                                       const Evaluator* robust = nullptr);

}  // namespace dermasim::plan
