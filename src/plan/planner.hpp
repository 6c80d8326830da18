#pragma once
// The search for the best safe regimen for a profile (docs/planner.md): a discrete search over
// the decision variables of CandidateDesign with local refinement (coordinate descent from
// the best starts), every candidate checked against the rules before it is simulated, limits
// applied to the predictions, batches evaluated in parallel, ties broken deterministically.

#include <optional>
#include <string>
#include <vector>

#include "plan/candidate_design.hpp"
#include "plan/evaluation.hpp"
#include "plan/feasibility.hpp"

namespace dermasim::plan {

struct PlannerOptions {
  int threads = 2;
  int robust_finalists = 8;    // with a robust evaluator: how many of the best are re-judged
  int max_evaluations = 400;   // simulations, not rule checks
  std::vector<double> needle_options_mm = {0.25, 0.5, 0.75, 1.0, 1.5, 2.0};
};

struct ScoredCandidate {
  CandidateDesign design;
  regimen::Regimen regimen;
  std::vector<regimen::Finding> findings;        // of the rule check
  std::optional<regimen::Finding> blocked_by;    // the first finding that forbids it
  std::optional<Evaluation> evaluation;          // when it passed the rules
  double objective = 0.0;
  std::vector<LimitBreach> breaches;

  [[nodiscard]] bool is_feasible() const { return !blocked_by && evaluation && breaches.empty(); }
};

struct PlanResult {
  ScoredCandidate chosen;
  std::vector<ScoredCandidate> alternatives;     // runners-up, best first
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
/// sessions or retinoid are judged again by `robust`
/// — objective and limits both — and the best of those is chosen: a population evaluation
/// costs hundreds of simulations, too many for every candidate.
[[nodiscard]] PlanOutcome plan_regimen(const regimen::Profile& profile, Date start,
                                       const regimen::Catalogue& catalogue, const Evaluator& evaluator,
                                       const PlannerOptions& options = {}, const Evaluator* robust = nullptr);

/// What an alternative trades against the chosen plan, in words ("+3.2 % collagen, …").
[[nodiscard]] std::string trade_against(const ScoredCandidate& alternative, const ScoredCandidate& chosen);

}  // namespace dermasim::plan
