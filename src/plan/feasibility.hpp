#pragma once
// The planner's constraints (docs/planner.md): every `error` rule is hard; a warning is hard
// unless the profile accepts it or it fires for every possible session of this person
// (keloid-history, herpes-history, bleeding-risk); the profile's limits on predicted peak
// erythema and per-session downtime; and a limit on post-inflammatory hyperpigmentation risk
// for darker skin types.

#include <optional>
#include <string>
#include <vector>

#include "plan/evaluation.hpp"
#include "regimen/finding.hpp"
#include "regimen/profile.hpp"
#include "regimen/rule_table.hpp"

namespace dermasim::plan {

/// The first rule finding that makes the regimen inadmissible, if any: an error, or a warning
/// the profile does not accept and that is not a person-level precaution
/// (RuleTable::is_person_level_warning), which stays in the plan instead.
[[nodiscard]] std::optional<regimen::Finding> blocking_finding(const regimen::Profile& profile,
                                                               const regimen::RuleTable& rules,
                                                               const std::vector<regimen::Finding>& findings);

/// A limit the predictions break: its name (e.g. "max_erythema"), the limit and the value.
struct LimitBreach {
  std::string name;
  double limit = 0.0;
  double value = 0.0;
};

/// Every profile limit the predicted outcomes break, and the PIH risk the pih-deep-needles rule
/// allows a plan for the skin types it covers (`max_planned_pih_risk`).
[[nodiscard]] std::vector<LimitBreach> limit_breaches(const regimen::Profile& profile, const regimen::RuleTable& rules,
                                                      const response::ResponseOutcomes& outcomes);

}  // namespace dermasim::plan
