// Contraindications that come from the person (docs/rules.md): pregnancy, breastfeeding, skin
// conditions present on session days, and histories that call for a precaution.

#include <algorithm>
#include <map>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "regimen/rule_checks.hpp"

namespace dermasim::regimen::detail {

namespace {

/// One finding per product of `active` that is applied at all, spanning its first to last use.
void check_retinoid_use(const CheckContext& context, const RuleText& rule, Active active, std::string_view state,
                        std::vector<Finding>& findings) {
  std::map<std::size_t, std::pair<Date, Date>> span;  // product index -> first, last application
  for (const Application& application : context.applications) {
    if (context.product_of(application).active != active) continue;
    auto [entry, inserted] = span.try_emplace(application.product_index, application.date, application.date);
    if (!inserted) entry->second.second = application.date;
  }
  for (const auto& [index, dates] : span) {
    const Product& product = context.regimen.products[index];
    Finding finding = make_finding(rule, dates.first, product.id,
                                   fmt::format("{} is applied from {} to {} while {}.", describe(product),
                                               iso(dates.first), iso(dates.second), state));
    if (dates.second != dates.first) finding.until = dates.second;
    findings.push_back(std::move(finding));
  }
}

/// The person's conditions that the rule lists, by name.
std::vector<std::string_view> listed_conditions(const CheckContext& context, const ConditionRule& rule) {
  std::vector<std::string_view> present;
  for (const Condition condition : rule.conditions)
    if (context.regimen.person.has(condition)) present.push_back(condition_names.name(condition));
  return present;
}

void check_session_conditions(const CheckContext& context, const ConditionRule& rule, std::vector<Finding>& findings) {
  const auto present = listed_conditions(context, rule);
  if (present.empty()) return;
  for (const Session& session : context.regimen.sessions)
    findings.push_back(
        make_finding(rule, session.date, session.subject(),
                     fmt::format("A session on {} with {}.", iso(session.date), fmt::join(present, ", "))));
}

}  // namespace

void check_person(const CheckContext& context, std::vector<Finding>& findings) {
  const Person& person = context.regimen.person;
  if (person.pregnant) {
    for (const Active active : {Active::tretinoin, Active::retinol})
      check_retinoid_use(context, context.rules.pregnancy_retinoid, active, "pregnant", findings);
    const RuleText& rule = context.rules.pregnancy_session;
    for (const Session& session : context.regimen.sessions)
      findings.push_back(make_finding(rule, session.date, session.subject(),
                                      fmt::format("A session on {} while pregnant.", iso(session.date))));
  }
  if (person.breastfeeding) {
    check_retinoid_use(context, context.rules.breastfeeding_tretinoin, Active::tretinoin, "breastfeeding", findings);
    check_retinoid_use(context, context.rules.breastfeeding_retinol, Active::retinol, "breastfeeding", findings);
  }
  const RuleTable& rules = context.rules;
  for (const ConditionRule* rule :
       {&rules.session_contraindication, &rules.keloid_history, &rules.herpes_history, &rules.bleeding_risk})
    check_session_conditions(context, *rule, findings);
}

}  // namespace dermasim::regimen::detail
