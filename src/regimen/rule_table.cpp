#include "regimen/rule_table.hpp"

#include <algorithm>

#include "core/error.hpp"

namespace dermasim::regimen {

double Rule::number(std::string_view name) const {
  const auto found = numbers.find(name);
  expects(found != numbers.end(), "Rule::number: the loader did not check this rule's schema");
  return found->second;
}

const std::vector<std::string>& Rule::list(std::string_view name) const {
  const auto found = lists.find(name);
  expects(found != lists.end(), "Rule::list: the loader did not check this rule's schema");
  return found->second;
}

const std::vector<RuleSchema>& rule_schemas() {
  static const std::vector<RuleSchema> schemas = {
      {"tretinoin-washout", {"min_days"}, {}},
      {"tretinoin-washout-short", {"recommended_days"}, {}},
      {"retinol-washout", {"min_days"}, {}},
      {"retinoid-resume", {"min_days"}, {}},
      {"retinoid-resume-deep", {"min_days", "min_needle_mm"}, {}},
      {"into-channels", {}, {"after_actives", "same_day_actives"}},
      {"session-spacing",
       {"deep_from_mm", "deep_min_days", "medium_from_mm", "medium_min_days", "shallow_min_days"},
       {}},
      {"site-depth",
       {"max_needle_mm.forehead", "max_needle_mm.cheek", "max_needle_mm.nose",
        "max_needle_mm.chin", "max_needle_mm.periorbital", "max_needle_mm.perioral",
        "max_needle_mm.neck"},
       {}},
      {"strength-ramp", {"min_days"}, {}},
      {"sunscreen", {"days_after_session"}, {}},
      {"pregnancy-retinoid", {}, {}},
      {"pregnancy-session", {}, {}},
      {"breastfeeding-tretinoin", {}, {}},
      {"breastfeeding-retinol", {}, {}},
      {"session-contraindication", {}, {"conditions"}},
      {"isotretinoin-6-months", {"min_days"}, {}},
      {"keloid-history", {}, {"conditions"}},
      {"herpes-history", {}, {"conditions"}},
      {"bleeding-risk", {}, {"conditions"}},
      {"pih-deep-needles", {"min_fitzpatrick", "min_needle_mm"}, {}},
  };
  return schemas;
}

RuleTable::RuleTable(std::vector<Rule> rules) : rules_(std::move(rules)) {}

const Rule& RuleTable::rule(std::string_view id) const {
  const auto found = std::ranges::find(rules_, id, &Rule::id);
  expects(found != rules_.end(), "RuleTable::rule: rule id missing from the table");
  return *found;
}

Finding make_finding(const Rule& rule, Date date, std::string subject,
                     const std::string& details) {
  return Finding{rule.id, rule.severity, date, std::nullopt, std::move(subject),
                 details + " " + rule.message, rule.source};
}

}  // namespace dermasim::regimen
