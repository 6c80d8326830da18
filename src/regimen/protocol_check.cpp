#include "regimen/protocol_check.hpp"

#include <fmt/format.h>

#include "regimen/rule_checks.hpp"

namespace dermasim::regimen {

namespace detail {

std::string day_count(int days) { return fmt::format("{} day{}", days, days == 1 ? "" : "s"); }

std::string mm(double millimetres) {
  const double tenths = millimetres * 10.0;
  return tenths == static_cast<double>(static_cast<long>(tenths)) ? fmt::format("{:.1f}", millimetres)
                                                                  : fmt::format("{:g}", millimetres);
}

std::string describe(const Product& product) {
  if (product.strength_percent)
    return fmt::format("{} ({} {:g} %)", product.id, active_names.name(product.active), *product.strength_percent);
  return fmt::format("{} ({})", product.id, active_names.name(product.active));
}

}  // namespace detail

std::vector<Finding> check_protocol(const Regimen& regimen, const RuleTable& rules) {
  const detail::CheckContext context{regimen, rules, application_schedule(regimen)};
  std::vector<Finding> findings;
  detail::check_retinoid_timing(context, findings);
  detail::check_product_use(context, findings);
  detail::check_session_plan(context, findings);
  detail::check_person(context, findings);
  // A rule switched off in the table (enabled = false, with its reason) raises nothing.
  std::erase_if(findings, [&](const Finding& finding) { return !rules.text(finding.rule).enabled; });
  sort_findings(findings);
  return findings;
}

}  // namespace dermasim::regimen
