#pragma once
// The designs the planner tries (docs/planner.md): retinoid ramps, session plans on a ramp
// and one-variable steps from a design. Every interval that a rule bounds (washout, resume,
// spacing, days at a ramp step, the isotretinoin wait) starts from the rules table's own
// value, so an edited table moves the search with it.

#include <vector>

#include "plan/candidate_design.hpp"
#include "plan/planner_options.hpp"
#include "regimen/profile.hpp"
#include "regimen/rule_table.hpp"

namespace dermasim::plan {

class SearchSpace {
 public:
  /// All references must outlive the search space.
  SearchSpace(const regimen::Profile& profile, const regimen::RuleTable& rules, Date start,
              const PlannerOptions& options);

  /// The plan with nothing but sunscreen, then every ramp of the profile's retinoid.
  [[nodiscard]] std::vector<CandidateDesign> ramps() const;
  /// Sessions of every allowed depth and count on `ramp`.
  [[nodiscard]] std::vector<CandidateDesign> sessions_on(const CandidateDesign& ramp) const;
  /// Designs one step away from `design` in one variable, each fitted to the rules.
  [[nodiscard]] std::vector<CandidateDesign> neighbours(const CandidateDesign& design) const;
  /// One session as early as the search allows: what the contraindication probe checks.
  [[nodiscard]] CandidateDesign single_session() const;
  /// Days from the start before the first session may take place without an unaccepted
  /// isotretinoin warning.
  [[nodiscard]] int earliest_session_day() const;

 private:
  /// `design` with washout, resume and spacing raised to the least the rules allow.
  [[nodiscard]] CandidateDesign fitted_to_rules(CandidateDesign design) const;
  [[nodiscard]] int max_sessions() const;
  [[nodiscard]] bool is_allowed(const CandidateDesign& design) const;
  [[nodiscard]] int min_washout_days(regimen::RetinoidChoice retinoid) const;
  [[nodiscard]] int min_step_days() const;

  const regimen::Profile& profile_;
  const regimen::RuleTable& rules_;
  Date start_;
  const PlannerOptions& options_;
};

}  // namespace dermasim::plan
