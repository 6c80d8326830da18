#include "plan/planner.hpp"

#include <algorithm>
#include <map>
#include <set>

#include <fmt/format.h>

#include "plan/search_space.hpp"
#include "regimen/protocol_check.hpp"

namespace dermasim::plan {

using namespace regimen;

namespace {

/// Findings that forbid every plan: a condition that contraindicates sessions (exit 1, no plan).
std::vector<Finding> plan_contraindications(const Profile& profile, const SearchSpace& space, Date start,
                                            const Catalogue& catalogue) {
  const CandidateDesign probe = space.single_session();
  Profile probe_profile = profile;
  probe_profile.goals.horizon_days = std::max(profile.goals.horizon_days, probe.first_session_day + 1);
  const auto findings = check_protocol(build_regimen(probe_profile, probe, start, catalogue), catalogue.rules);
  std::vector<Finding> contraindications;
  for (const auto& finding : findings)
    if (finding.rule == catalogue.rules.session_contraindication.id) contraindications.push_back(finding);
  return contraindications;
}

/// Stage 1: the ramps alone; stage 2: sessions of every depth and count on the best ramp and
/// without retinoid (so that "sessions alone" is always a known alternative); stage 3:
/// coordinate descent from the two best, one variable at a time.
void search(CandidatePool& pool, const SearchSpace& space) {
  const auto ramps = space.ramps();
  pool.add(ramps);
  const auto ranked_ramps = pool.ranked();
  const CandidateDesign& no_retinoid = ramps.front();
  const CandidateDesign best_ramp = ranked_ramps.empty() ? no_retinoid : ranked_ramps.front()->design;
  pool.add(space.sessions_on(best_ramp));
  if (best_ramp != no_retinoid) pool.add(space.sessions_on(no_retinoid));
  std::set<CandidateDesign> expanded;
  constexpr int max_rounds = 12;
  constexpr int starts_per_round = 2;
  for (int round = 0; round < max_rounds && pool.has_budget(); ++round) {
    std::vector<CandidateDesign> batch;
    int starts = 0;
    for (const auto* candidate : pool.ranked()) {
      if (starts++ == starts_per_round) break;
      if (!expanded.insert(candidate->design).second) continue;
      for (const auto& next : space.neighbours(candidate->design)) batch.push_back(next);
    }
    if (batch.empty()) break;
    pool.add(batch);
  }
}

/// Judges the best feasible candidates again with the robust evaluator (the best half, then
/// the best of each other kind, and the baseline), so that gentler plans are there when the
/// best ones fail at the percentile. Returns the feasible ones, best first.
std::vector<ScoredCandidate> robust_finalists(const std::vector<const ScoredCandidate*>& ranked,
                                              const ScoredCandidate* baseline, const Profile& profile,
                                              const RuleTable& rules, const Evaluator& robust,
                                              const PlannerOptions& options) {
  std::vector<ScoredCandidate> finalists;
  std::set<PlanKind> kinds;
  const auto limit = static_cast<std::size_t>(options.robust_finalists);
  for (const auto* candidate : ranked) {
    if (finalists.size() == limit / 2) break;
    finalists.push_back(*candidate);
    kinds.insert(kind_of(*candidate));
  }
  for (const auto* candidate : ranked) {
    if (finalists.size() == limit) break;
    if (kinds.insert(kind_of(*candidate)).second) finalists.push_back(*candidate);
  }
  if (baseline && std::ranges::none_of(finalists, [&](const auto& c) { return c.design == baseline->design; }))
    finalists.push_back(*baseline);
  std::vector<ScoredCandidate*> to_score;
  for (auto& finalist : finalists) to_score.push_back(&finalist);
  score_all(to_score, robust, profile, rules, options.threads);
  std::erase_if(finalists, [](const ScoredCandidate& c) { return !c.is_feasible(); });
  std::ranges::stable_sort(finalists, ranks_before);
  return finalists;
}

/// Limits that rejected a candidate the objective preferred, and limits the chosen plan meets
/// exactly (session count, the home depth).
std::vector<LimitBreach> binding_constraints(const CandidatePool& pool, const ScoredCandidate& chosen,
                                             const Profile& profile) {
  std::map<std::string, LimitBreach> binding;
  std::map<std::string, double> binding_objective;
  for (const auto& [design, candidate] : pool.all()) {
    if (candidate.blocked_by || !candidate.evaluation || candidate.objective <= chosen.objective) continue;
    for (const auto& breach : candidate.breaches)
      if (!binding_objective.contains(breach.name) || candidate.objective > binding_objective[breach.name]) {
        binding[breach.name] = breach;
        binding_objective[breach.name] = candidate.objective;
      }
  }
  std::vector<LimitBreach> result;
  for (const auto& [name, breach] : binding) result.push_back(breach);
  const auto sessions = static_cast<int>(chosen.regimen.sessions.size());
  if (profile.goals.max_sessions && sessions == *profile.goals.max_sessions && sessions > 0)
    result.push_back({"max_sessions", static_cast<double>(sessions), static_cast<double>(sessions)});
  if (profile.goals.setting == Setting::home && sessions > 0 && chosen.design.needle_mm >= home_max_needle_mm)
    result.push_back({"setting_home_max_needle_mm", home_max_needle_mm, chosen.design.needle_mm});
  return result;
}

/// Why whole kinds of plan are missing: the rules that kept candidates out.
std::vector<std::string> explanations(const CandidatePool& pool, const ScoredCandidate& chosen, const Profile& profile,
                                      const RuleTable& rules) {
  std::vector<std::string> result;
  std::map<std::string, std::string> reasons;
  for (const auto& [design, candidate] : pool.all())
    if (candidate.blocked_by && (design.retinoid != RetinoidChoice::none || design.n_sessions > 0))
      reasons.try_emplace(candidate.blocked_by->rule, rules.text(candidate.blocked_by->rule).message);
  if (chosen.design.retinoid == RetinoidChoice::none && profile.goals.retinoid != RetinoidChoice::none)
    result.push_back(fmt::format("No {} in this plan: every plan with it broke a rule or a limit.",
                                 retinoid_choice_names.name(profile.goals.retinoid)));
  if (chosen.regimen.sessions.empty())
    result.push_back(
        "No micro-needling sessions in this plan: every plan with sessions broke a rule or a limit "
        "(see the binding constraints and rules below).");
  for (const auto& [rule, message] : reasons)
    result.push_back(fmt::format("Rule {} kept some candidates out: {}", rule, message));
  return result;
}

}  // namespace

PlanOutcome plan_regimen(const Profile& profile, Date start, const Catalogue& catalogue, const Evaluator& evaluator,
                         const PlannerOptions& options, const Evaluator* robust) {
  PlanOutcome outcome;
  const SearchSpace space(profile, catalogue.rules, start, options);
  outcome.contraindications = plan_contraindications(profile, space, start, catalogue);
  if (!outcome.contraindications.empty()) return outcome;

  CandidatePool pool(profile, start, catalogue, evaluator, options);
  search(pool, space);

  std::vector<ScoredCandidate> robust_ranked;
  std::vector<const ScoredCandidate*> ranked = pool.ranked();
  std::string robust_note;
  if (robust) {
    const ScoredCandidate* baseline = pool.find(space.ramps().front());
    robust_ranked = robust_finalists(ranked, baseline && baseline->evaluation ? baseline : nullptr, profile,
                                     catalogue.rules, *robust, options);
    ranked.clear();
    for (const auto& candidate : robust_ranked) ranked.push_back(&candidate);
    robust_note = fmt::format(
        "Chosen by the robust evaluator among {} finalists: the best candidates for the median "
        "person and the best of each other kind (and the plan without sessions or retinoid).",
        options.robust_finalists);
  }
  if (ranked.empty()) {  // not even "nothing but sunscreen" is feasible: report why
    outcome.contraindications = pool.all().begin()->second.findings;
    return outcome;
  }
  PlanResult result;
  result.chosen = *ranked.front();
  if (!robust_note.empty()) result.explanations.push_back(robust_note);
  result.alternatives = choose_alternatives(ranked, result.chosen, static_cast<std::size_t>(options.max_alternatives));
  result.binding_constraints = binding_constraints(pool, result.chosen, profile);
  for (auto& text : explanations(pool, result.chosen, profile, catalogue.rules))
    result.explanations.push_back(std::move(text));
  result.n_checked = pool.n_checked();
  result.n_evaluated = pool.n_evaluated();
  outcome.plan = std::move(result);
  return outcome;
}

}  // namespace dermasim::plan
