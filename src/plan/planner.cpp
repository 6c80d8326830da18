#include "plan/planner.hpp"

#include <algorithm>
#include <map>
#include <set>

#include <fmt/format.h>

#include "plan/batch_evaluation.hpp"
#include "regimen/protocol_check.hpp"

namespace dermasim::plan {

using namespace regimen;

namespace {

/// Candidates evaluated so far, by design; each design is checked and simulated once.
class CandidatePool {
 public:
  CandidatePool(const Profile& profile, Date start, const Catalogue& catalogue, const Evaluator& evaluator,
                const PlannerOptions& options)
      : profile_(profile), start_(start), catalogue_(catalogue), evaluator_(evaluator), options_(options) {}

  /// Checks every new design, simulates those the rules allow (in parallel, within budget).
  void score(const std::vector<CandidateDesign>& designs) {
    std::vector<CandidateDesign> to_simulate;
    std::vector<Regimen> regimens;
    for (const auto& design : designs) {
      if (scored_.contains(design)) continue;
      ScoredCandidate candidate;
      candidate.design = design;
      candidate.regimen = build_regimen(profile_, design, start_, catalogue_);
      candidate.findings = check_protocol(candidate.regimen, catalogue_.rules);
      candidate.blocked_by = blocking_finding(profile_, candidate.findings);
      ++n_checked_;
      const bool simulate = !candidate.blocked_by && n_evaluated_ + static_cast<int>(regimens.size()) < options_.max_evaluations;
      if (simulate) {
        to_simulate.push_back(design);
        regimens.push_back(candidate.regimen);
      }
      scored_.emplace(design, std::move(candidate));
    }
    const auto evaluations = evaluate_all(regimens, evaluator_, options_.threads);
    for (std::size_t index = 0; index < to_simulate.size(); ++index) {
      auto& candidate = scored_.at(to_simulate[index]);
      candidate.evaluation = evaluations[index];
      candidate.objective = objective(profile_, evaluations[index].outcomes);
      candidate.breaches = limit_breaches(profile_, evaluations[index].outcomes);
    }
    n_evaluated_ += static_cast<int>(to_simulate.size());
  }

  /// Feasible candidates, best first; ties: fewer sessions, then design order.
  [[nodiscard]] std::vector<const ScoredCandidate*> ranked() const {
    std::vector<const ScoredCandidate*> feasible;
    for (const auto& [design, candidate] : scored_)
      if (candidate.is_feasible()) feasible.push_back(&candidate);
    std::ranges::stable_sort(feasible, [](const ScoredCandidate* a, const ScoredCandidate* b) {
      if (a->objective != b->objective) return a->objective > b->objective;
      if (a->regimen.sessions.size() != b->regimen.sessions.size())
        return a->regimen.sessions.size() < b->regimen.sessions.size();
      return a->design < b->design;
    });
    return feasible;
  }

  [[nodiscard]] const std::map<CandidateDesign, ScoredCandidate>& all() const { return scored_; }
  [[nodiscard]] int n_checked() const { return n_checked_; }
  [[nodiscard]] int n_evaluated() const { return n_evaluated_; }
  [[nodiscard]] bool has_budget() const { return n_evaluated_ < options_.max_evaluations; }

 private:
  const Profile& profile_;
  Date start_;
  const Catalogue& catalogue_;
  const Evaluator& evaluator_;
  const PlannerOptions& options_;
  std::map<CandidateDesign, ScoredCandidate> scored_;
  int n_checked_ = 0;
  int n_evaluated_ = 0;
};

int default_washout(RetinoidChoice retinoid) { return retinoid == RetinoidChoice::retinol ? 3 : 7; }

/// The first day a session may be without the isotretinoin warning (unless accepted).
int earliest_session_day(const Profile& profile, Date start) {
  int day = 14;
  const auto& last_dose = profile.person.isotretinoin_last_dose;
  if (last_dose && !profile.goals.accepts("isotretinoin-6-months"))
    day = std::max(day, days_between(start, *last_dose + Days{183}));
  return day;
}

std::vector<CandidateDesign> ramp_designs(const Profile& profile) {
  std::vector<CandidateDesign> designs;
  CandidateDesign none;
  designs.push_back(none);
  const auto retinoid = profile.goals.retinoid;
  const auto ladder = strength_ladder(retinoid, profile.goals.max_strength_percent);
  if (retinoid == RetinoidChoice::none || ladder.empty()) return designs;
  for (const auto start_schedule : {Schedule::every_third_night, Schedule::every_other_night})
    for (const int step_days : {28, 42})
      for (int steps = 1; steps <= static_cast<int>(ladder.size()); ++steps) {
        CandidateDesign design;
        design.retinoid = retinoid;
        design.start_schedule = start_schedule;
        design.step_days = step_days;
        design.strength_steps = steps;
        design.washout_days = default_washout(retinoid);
        designs.push_back(design);
      }
  return designs;
}

std::vector<CandidateDesign> session_designs(const Profile& profile, const CandidateDesign& ramp, Date start,
                                             const PlannerOptions& options) {
  std::vector<CandidateDesign> designs;
  const int max_sessions = std::min(profile.goals.max_sessions.value_or(6), 6);
  const int first_day = std::max(28, earliest_session_day(profile, start));
  for (const double needle : options.needle_options_mm) {
    if (profile.goals.setting == Setting::home && needle > home_max_needle_mm) continue;
    for (int count = 1; count <= max_sessions; ++count) {
      CandidateDesign design = ramp;
      design.n_sessions = count;
      design.needle_mm = needle;
      design.first_session_day = first_day;
      design.spacing_days = needle >= 1.0 ? 28 : needle >= 0.5 ? 21 : 14;
      design.resume_days = needle >= 1.5 ? 5 : 3;
      if (first_day + (count - 1) * design.spacing_days < profile.goals.horizon_days) designs.push_back(design);
    }
  }
  return designs;
}

/// Designs one step away from `design` in one variable.
std::vector<CandidateDesign> neighbours(const CandidateDesign& design, const Profile& profile, Date start,
                                        const PlannerOptions& options) {
  std::vector<CandidateDesign> result;
  auto vary = [&](auto member, auto values) {
    for (const auto value : values) {
      CandidateDesign next = design;
      next.*member = value;
      if (next != design) result.push_back(next);
    }
  };
  const int earliest = earliest_session_day(profile, start);
  std::vector<int> first_days;
  for (const int day : {14, 28, 42, 56, earliest})
    if (day >= earliest) first_days.push_back(day);
  if (design.n_sessions > 0) {
    vary(&CandidateDesign::first_session_day, first_days);
    vary(&CandidateDesign::spacing_days, std::vector{14, 21, 28, 35, 42, 56});
    vary(&CandidateDesign::resume_days, std::vector{3, 5, 7});
    vary(&CandidateDesign::n_sessions, std::vector{design.n_sessions - 1, design.n_sessions + 1});
    const auto& needles = options.needle_options_mm;
    const auto at = std::ranges::find(needles, design.needle_mm);
    if (at != needles.end()) {
      if (at != needles.begin()) vary(&CandidateDesign::needle_mm, std::vector{*(at - 1)});
      if (at + 1 != needles.end()) vary(&CandidateDesign::needle_mm, std::vector{*(at + 1)});
    }
  }
  if (design.retinoid != RetinoidChoice::none) {
    const int washout = default_washout(design.retinoid);
    vary(&CandidateDesign::washout_days, std::vector{washout, washout + 3});
    vary(&CandidateDesign::start_schedule, std::vector{Schedule::every_third_night, Schedule::every_other_night});
    vary(&CandidateDesign::step_days, std::vector{28, 42});
    vary(&CandidateDesign::strength_steps, std::vector{design.strength_steps - 1, design.strength_steps + 1});
  }
  const int max_sessions = std::min(profile.goals.max_sessions.value_or(6), 6);
  std::erase_if(result, [&](const CandidateDesign& d) {
    return d.n_sessions < 0 || d.n_sessions > max_sessions || d.strength_steps < 1 ||
           (profile.goals.setting == Setting::home && d.needle_mm > home_max_needle_mm);
  });
  return result;
}

/// Findings that forbid every plan: a condition that contraindicates sessions (docs/rules.md,
/// session-contraindication) — docs/file-formats.md: exit 1 and no plan.
std::vector<Finding> plan_contraindications(const Profile& profile, Date start, const Catalogue& catalogue) {
  CandidateDesign probe;
  probe.n_sessions = 1;
  probe.first_session_day = std::max(28, earliest_session_day(profile, start));
  Profile probe_profile = profile;
  probe_profile.goals.horizon_days = std::max(profile.goals.horizon_days, probe.first_session_day + 1);
  const auto findings = check_protocol(build_regimen(probe_profile, probe, start, catalogue), catalogue.rules);
  std::vector<Finding> contraindications;
  for (const auto& finding : findings)
    if (finding.rule == "session-contraindication") contraindications.push_back(finding);
  return contraindications;
}

}  // namespace

std::string trade_against(const ScoredCandidate& alternative, const ScoredCandidate& chosen) {
  const auto& a = alternative.evaluation->outcomes;
  const auto& c = chosen.evaluation->outcomes;
  std::vector<std::string> parts;
  parts.push_back(fmt::format("{:+.1f} points of weighted improvement", alternative.objective - chosen.objective));
  parts.push_back(fmt::format("{:+.1f} % collagen", a.collagen_change_percent - c.collagen_change_percent));
  if (alternative.regimen.sessions.size() != chosen.regimen.sessions.size())
    parts.push_back(fmt::format("{} session(s) instead of {}", alternative.regimen.sessions.size(),
                                chosen.regimen.sessions.size()));
  parts.push_back(fmt::format("peak erythema {:.1f} instead of {:.1f}", a.peak_erythema, c.peak_erythema));
  parts.push_back(fmt::format("{} day(s) of erythema ≥ 2 instead of {}", a.days_erythema_ge_2, c.days_erythema_ge_2));
  std::string text;
  for (std::size_t index = 0; index < parts.size(); ++index) text += (index ? ", " : "") + parts[index];
  return text;
}

namespace {

/// Judges the best feasible candidates again with the robust evaluator; returns them re-scored
/// (objective and limit breaches from the robust outcomes), in the same order.
std::vector<ScoredCandidate> robust_finalists(const std::vector<const ScoredCandidate*>& ranked,
                                              const ScoredCandidate* baseline, const Profile& profile,
                                              const Evaluator& robust, const PlannerOptions& options) {
  // Finalists: the best few, then the best of each other kind (retinoid, session count,
  // needle), so that gentler plans are there when the best ones fail at the percentile.
  std::vector<ScoredCandidate> finalists;
  std::set<std::tuple<RetinoidChoice, std::size_t, double>> kinds;
  auto kind_of = [](const ScoredCandidate& c) {
    return std::make_tuple(c.design.retinoid, c.regimen.sessions.size(), c.regimen.sessions.empty() ? 0.0 : c.design.needle_mm);
  };
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
  std::vector<Regimen> regimens;
  for (const auto& finalist : finalists) regimens.push_back(finalist.regimen);
  const auto evaluations = evaluate_all(regimens, robust, options.threads);
  for (std::size_t index = 0; index < finalists.size(); ++index) {
    finalists[index].evaluation = evaluations[index];
    finalists[index].objective = objective(profile, evaluations[index].outcomes);
    finalists[index].breaches = limit_breaches(profile, evaluations[index].outcomes);
  }
  std::erase_if(finalists, [](const ScoredCandidate& c) { return !c.is_feasible(); });
  std::ranges::stable_sort(finalists, [](const ScoredCandidate& a, const ScoredCandidate& b) {
    if (a.objective != b.objective) return a.objective > b.objective;
    return a.regimen.sessions.size() < b.regimen.sessions.size();
  });
  return finalists;
}

}  // namespace

PlanOutcome plan_regimen(const Profile& profile, Date start, const Catalogue& catalogue, const Evaluator& evaluator,
                         const PlannerOptions& options, const Evaluator* robust) {
  PlanOutcome outcome;
  outcome.contraindications = plan_contraindications(profile, start, catalogue);
  if (!outcome.contraindications.empty()) return outcome;

  CandidatePool pool(profile, start, catalogue, evaluator, options);
  std::string result_note;
  // Stage 1: the retinoid ramps alone.
  const auto ramps = ramp_designs(profile);
  pool.score(ramps);
  const auto ranked_ramps = pool.ranked();
  const CandidateDesign best_ramp = ranked_ramps.empty() ? CandidateDesign{} : ranked_ramps.front()->design;
  // Stage 2: sessions of every depth and count on the best ramp.
  pool.score(session_designs(profile, best_ramp, start, options));
  // Stage 3: coordinate descent from the two best, one variable at a time.
  std::set<CandidateDesign> expanded;
  for (int round = 0; round < 12 && pool.has_budget(); ++round) {
    std::vector<CandidateDesign> batch;
    int starts = 0;
    for (const auto* candidate : pool.ranked()) {
      if (starts == 2) break;
      ++starts;
      if (!expanded.insert(candidate->design).second) continue;
      for (const auto& next : neighbours(candidate->design, profile, start, options)) batch.push_back(next);
    }
    if (batch.empty()) break;
    pool.score(batch);
  }

  std::vector<ScoredCandidate> robust_ranked;
  std::vector<const ScoredCandidate*> ranked = pool.ranked();
  if (robust) {
    const auto baseline = pool.all().find(CandidateDesign{});
    robust_ranked = robust_finalists(ranked, baseline == pool.all().end() || !baseline->second.evaluation ? nullptr
                                                                                                        : &baseline->second,
                                     profile, *robust, options);
    ranked.clear();
    for (const auto& candidate : robust_ranked) ranked.push_back(&candidate);
    if (!ranked.empty())
      result_note = fmt::format("Chosen by the robust evaluator among {} finalists: the best candidates for the median "
                                "person and the best of each other kind (and the plan without sessions or retinoid).",
                                options.robust_finalists);
  }
  if (ranked.empty()) {  // not even "nothing but sunscreen" is feasible: report why
    outcome.contraindications = pool.all().begin()->second.findings;
    return outcome;
  }
  PlanResult result;
  result.chosen = *ranked.front();
  if (!result_note.empty()) result.explanations.push_back(result_note);
  // Runners-up that differ in kind (retinoid, session count or needle), best first.
  std::set<std::tuple<RetinoidChoice, std::size_t, double>> kinds = {
      {result.chosen.design.retinoid, result.chosen.regimen.sessions.size(), result.chosen.design.needle_mm}};
  for (const auto* candidate : ranked) {
    if (result.alternatives.size() == 3) break;
    const auto kind = std::make_tuple(candidate->design.retinoid, candidate->regimen.sessions.size(),
                                      candidate->regimen.sessions.empty() ? 0.0 : candidate->design.needle_mm);
    if (!kinds.insert(kind).second) continue;
    result.alternatives.push_back(*candidate);
  }
  // Binding constraints: limits that rejected a candidate the objective preferred.
  std::map<std::string, LimitBreach> binding;
  std::map<std::string, double> binding_objective;
  for (const auto& [design, candidate] : pool.all()) {
    if (candidate.blocked_by || !candidate.evaluation || candidate.objective <= result.chosen.objective) continue;
    for (const auto& breach : candidate.breaches)
      if (!binding_objective.contains(breach.name) || candidate.objective > binding_objective[breach.name]) {
        binding[breach.name] = breach;
        binding_objective[breach.name] = candidate.objective;
      }
  }
  for (const auto& [name, breach] : binding) result.binding_constraints.push_back(breach);
  const auto sessions = static_cast<int>(result.chosen.regimen.sessions.size());
  if (profile.goals.max_sessions && sessions == *profile.goals.max_sessions && sessions > 0)
    result.binding_constraints.push_back({"max_sessions", static_cast<double>(sessions), static_cast<double>(sessions)});
  if (profile.goals.setting == Setting::home && sessions > 0 && result.chosen.design.needle_mm >= home_max_needle_mm)
    result.binding_constraints.push_back({"setting_home_max_needle_mm", home_max_needle_mm, result.chosen.design.needle_mm});

  // Explanations: rules that ruled out whole kinds of plan.
  std::map<std::string, std::string> reasons;
  for (const auto& [design, candidate] : pool.all())
    if (candidate.blocked_by && (design.retinoid != RetinoidChoice::none || design.n_sessions > 0))
      reasons.try_emplace(candidate.blocked_by->rule, catalogue.rules.rule(candidate.blocked_by->rule).message);
  if (result.chosen.design.retinoid == RetinoidChoice::none && profile.goals.retinoid != RetinoidChoice::none)
    result.explanations.push_back(fmt::format("No {} in this plan: every plan with it broke a rule or a limit.",
                                              retinoid_choice_names.name(profile.goals.retinoid)));
  if (sessions == 0)
    result.explanations.push_back("No micro-needling sessions in this plan: every plan with sessions broke a rule or "
                                  "a limit (see the binding constraints and rules below).");
  for (const auto& [rule, message] : reasons)
    result.explanations.push_back(fmt::format("Rule {} kept some candidates out: {}", rule, message));
  result.n_checked = pool.n_checked();
  result.n_evaluated = pool.n_evaluated();
  outcome.plan = std::move(result);
  return outcome;
}


}  // namespace dermasim::plan
