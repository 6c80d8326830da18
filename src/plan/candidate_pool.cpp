#include "plan/candidate_pool.hpp"

#include <algorithm>

#include "plan/batch_evaluation.hpp"
#include "regimen/protocol_check.hpp"

namespace dermasim::plan {

using namespace regimen;

void score(ScoredCandidate& candidate, Evaluation evaluation, const Profile& profile, const RuleTable& rules) {
  if (evaluation.simulation) candidate.simulation = evaluation.simulation;
  candidate.objective = objective(profile, evaluation.outcomes);
  candidate.breaches = limit_breaches(profile, rules, evaluation.outcomes);
  candidate.evaluation = std::move(evaluation);
}

bool ranks_before(const ScoredCandidate& a, const ScoredCandidate& b) {
  if (a.objective != b.objective) return a.objective > b.objective;
  if (a.regimen.sessions.size() != b.regimen.sessions.size())
    return a.regimen.sessions.size() < b.regimen.sessions.size();
  return a.design < b.design;
}

void score_all(std::vector<ScoredCandidate*> candidates, const Evaluator& evaluator, const Profile& profile,
               const RuleTable& rules, int threads) {
  std::vector<Regimen> regimens;
  for (const auto* candidate : candidates) regimens.push_back(candidate->regimen);
  auto evaluations = evaluate_all(regimens, evaluator, threads);
  for (std::size_t index = 0; index < candidates.size(); ++index)
    score(*candidates[index], std::move(evaluations[index]), profile, rules);
}

CandidatePool::CandidatePool(const Profile& profile, Date start, const Catalogue& catalogue, const Evaluator& evaluator,
                             const PlannerOptions& options)
    : profile_(profile), start_(start), catalogue_(catalogue), evaluator_(evaluator), options_(options) {}

void CandidatePool::add(const std::vector<CandidateDesign>& designs) {
  std::vector<ScoredCandidate*> to_simulate;
  for (const auto& design : designs) {
    if (scored_.contains(design)) continue;
    ScoredCandidate candidate;
    candidate.design = design;
    candidate.regimen = build_regimen(profile_, design, start_, catalogue_);
    candidate.findings = check_protocol(candidate.regimen, catalogue_.rules);
    candidate.blocked_by = blocking_finding(profile_, catalogue_.rules, candidate.findings);
    ++n_checked_;
    auto& stored = scored_.emplace(design, std::move(candidate)).first->second;
    const bool within_budget = n_evaluated_ + static_cast<int>(to_simulate.size()) < options_.max_evaluations;
    if (!stored.blocked_by && within_budget) to_simulate.push_back(&stored);
  }
  score_all(to_simulate, evaluator_, profile_, catalogue_.rules, options_.threads);
  n_evaluated_ += static_cast<int>(to_simulate.size());
}

std::vector<const ScoredCandidate*> CandidatePool::ranked() const {
  std::vector<const ScoredCandidate*> feasible;
  for (const auto& [design, candidate] : scored_)
    if (candidate.is_feasible()) feasible.push_back(&candidate);
  std::ranges::stable_sort(feasible, [](const auto* a, const auto* b) { return ranks_before(*a, *b); });
  return feasible;
}

const ScoredCandidate* CandidatePool::find(const CandidateDesign& design) const {
  const auto found = scored_.find(design);
  return found == scored_.end() ? nullptr : &found->second;
}

}  // namespace dermasim::plan
