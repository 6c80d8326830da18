#include "plan/feasibility.hpp"

#include <algorithm>

namespace dermasim::plan {

std::optional<regimen::Finding> blocking_finding(const regimen::Profile& profile, const regimen::RuleTable& rules,
                                                 const std::vector<regimen::Finding>& findings) {
  for (const auto& finding : findings) {
    if (finding.severity == regimen::Severity::error) return finding;
    if (!profile.goals.accepts(finding.rule) && !rules.is_person_level_warning(finding.rule)) return finding;
  }
  return std::nullopt;
}

std::vector<LimitBreach> limit_breaches(const regimen::Profile& profile, const regimen::RuleTable& rules,
                                        const response::ResponseOutcomes& outcomes) {
  std::vector<LimitBreach> breaches;
  const auto& goals = profile.goals;
  if (goals.max_erythema && outcomes.peak_erythema > *goals.max_erythema)
    breaches.push_back({"max_erythema", *goals.max_erythema, outcomes.peak_erythema});
  if (goals.max_downtime_days) {
    int worst = 0;
    for (const auto& session : outcomes.per_session) worst = std::max(worst, session.downtime_days);
    if (worst > *goals.max_downtime_days)
      breaches.push_back(
          {"max_downtime_days", static_cast<double>(*goals.max_downtime_days), static_cast<double>(worst)});
  }
  const auto& pih = rules.pih_deep_needles;
  if (profile.person.fitzpatrick >= pih.min_fitzpatrick && outcomes.pih_risk > pih.max_planned_pih_risk)
    breaches.push_back({"max_pih_risk", pih.max_planned_pih_risk, outcomes.pih_risk});
  return breaches;
}

}  // namespace dermasim::plan
