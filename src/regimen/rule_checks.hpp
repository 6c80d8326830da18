#pragma once
// Internal to the checker: the rules grouped by what they look at. Each appends its findings.

#include <vector>

#include "regimen/application_schedule.hpp"
#include "regimen/finding.hpp"
#include "regimen/regimen.hpp"
#include "regimen/rule_table.hpp"

namespace dermasim::regimen::detail {

struct CheckContext {
  const Regimen& regimen;
  const RuleTable& rules;
  std::vector<Application> applications;

  [[nodiscard]] const Product& product_of(const Application& a) const { return regimen.products[a.product_index]; }
};

/// tretinoin-washout(-short), retinol-washout, retinoid-resume(-deep).
void check_retinoid_timing(const CheckContext& context, std::vector<Finding>& findings);
/// into-channels, strength-ramp, sunscreen.
void check_product_use(const CheckContext& context, std::vector<Finding>& findings);
/// same-day-sessions, session-spacing, site-depth, pih-deep-needles, isotretinoin-6-months.
void check_session_plan(const CheckContext& context, std::vector<Finding>& findings);
/// pregnancy-*, breastfeeding-*, session-contraindication, keloid/herpes-history, bleeding-risk.
void check_person(const CheckContext& context, std::vector<Finding>& findings);

/// "1 day", "3 days".
[[nodiscard]] std::string day_count(int days);
/// A needle length for messages: "1.0", "0.25".
[[nodiscard]] std::string mm(double millimetres);
/// "tret-full (tretinoin 0.05 %)".
[[nodiscard]] std::string describe(const Product& product);

}  // namespace dermasim::regimen::detail
