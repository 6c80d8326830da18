#pragma once
// The candidates the planner has looked at, each checked against the rules once and, when the
// rules allow it, simulated once (in parallel batches, within a budget). One scoring and one
// ranking serve the search, the robust re-judging and the choice of alternatives.

#include <map>
#include <memory>
#include <optional>
#include <vector>

#include "plan/candidate_design.hpp"
#include "plan/evaluation.hpp"
#include "plan/feasibility.hpp"
#include "plan/planner_options.hpp"
#include "regimen/catalogue.hpp"

namespace dermasim::plan {

struct ScoredCandidate {
  CandidateDesign design;
  regimen::Regimen regimen;
  std::vector<regimen::Finding> findings;      // of the rule check
  std::optional<regimen::Finding> blocked_by;  // the first finding that forbids it
  std::optional<Evaluation> evaluation;        // when it passed the rules
  /// The one-person simulation behind the first evaluation, kept when a robust evaluator
  /// re-judges the candidate (reports show the median person's course).
  std::shared_ptr<const simulate::SimulationResult> simulation;
  double objective = 0.0;
  std::vector<LimitBreach> breaches;

  [[nodiscard]] bool is_feasible() const { return !blocked_by && evaluation && breaches.empty(); }
};

/// Sets the candidate's evaluation, objective and limit breaches (and its simulation, if the
/// evaluation carries one).
void score(ScoredCandidate& candidate, Evaluation evaluation, const regimen::Profile& profile,
           const regimen::RuleTable& rules);

/// The planner's one order: higher objective first; ties: fewer sessions, then design order.
[[nodiscard]] bool ranks_before(const ScoredCandidate& a, const ScoredCandidate& b);

/// Evaluates `candidates` with `evaluator` on `threads` threads and scores each.
void score_all(std::vector<ScoredCandidate*> candidates, const Evaluator& evaluator, const regimen::Profile& profile,
               const regimen::RuleTable& rules, int threads);

class CandidatePool {
 public:
  /// All references must outlive the pool.
  CandidatePool(const regimen::Profile& profile, Date start, const regimen::Catalogue& catalogue,
                const Evaluator& evaluator, const PlannerOptions& options);

  /// Checks every new design; simulates those the rules allow, within the budget.
  void add(const std::vector<CandidateDesign>& designs);

  /// Feasible candidates, best first (ranks_before).
  [[nodiscard]] std::vector<const ScoredCandidate*> ranked() const;
  [[nodiscard]] const ScoredCandidate* find(const CandidateDesign& design) const;
  [[nodiscard]] const std::map<CandidateDesign, ScoredCandidate>& all() const { return scored_; }
  [[nodiscard]] int n_checked() const { return n_checked_; }
  [[nodiscard]] int n_evaluated() const { return n_evaluated_; }
  [[nodiscard]] bool has_budget() const { return n_evaluated_ < options_.max_evaluations; }

 private:
  const regimen::Profile& profile_;
  Date start_;
  const regimen::Catalogue& catalogue_;
  const Evaluator& evaluator_;
  const PlannerOptions& options_;
  std::map<CandidateDesign, ScoredCandidate> scored_;
  int n_checked_ = 0;
  int n_evaluated_ = 0;
};

}  // namespace dermasim::plan
