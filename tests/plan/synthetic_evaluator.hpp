#pragma once
// A cheap, deterministic stand-in for the coupled model, for tests of the search and of the
// planner's safety properties (which must hold whatever the evaluator predicts): improvement
// grows with sessions, depth and retinoid exposure with diminishing returns; redness and
// downtime grow with depth; PIH risk with depth in darker skin.

#include <algorithm>
#include <cmath>

#include "plan/evaluation.hpp"
#include "regimen/application_schedule.hpp"

namespace dermasim::plan::testing {

inline Evaluation synthetic_evaluation(const regimen::Regimen& regimen) {
  double needle_sum = 0.0, deepest = 0.0;
  for (const auto& session : regimen.sessions) {
    needle_sum += session.needle_mm;
    deepest = std::max(deepest, session.needle_mm);
  }
  double retinoid_dose = 0.0;
  for (const auto& application : regimen::application_schedule(regimen)) {
    const auto& product = regimen.products[application.product_index];
    if (regimen::is_retinoid(product.active))
      retinoid_dose +=
          product.strength_percent.value_or(0.0) * (product.active == regimen::Active::retinol ? 0.05 : 1.0);
  }
  Evaluation evaluation;
  auto& o = evaluation.outcomes;
  o.collagen_change_percent = 10.0 * (1.0 - std::exp(-needle_sum / 3.0)) + 20.0 * retinoid_dose / (retinoid_dose + 5.0);
  o.improvement_percent = {1.5 * o.collagen_change_percent, o.collagen_change_percent,       4.0 * retinoid_dose,
                           o.collagen_change_percent,       0.5 * o.collagen_change_percent, 2.0 * retinoid_dose};
  o.peak_erythema = std::min(4.0, 1.6 * deepest + 0.02 * retinoid_dose);
  o.days_erythema_ge_2 = static_cast<int>(regimen.sessions.size()) * (deepest >= 1.25 ? 2 : 0);
  o.peak_irritation = std::min(4.0, 0.05 * retinoid_dose);
  o.pih_risk = regimen.person.fitzpatrick >= 4
                   ? std::min(1.0, 0.08 * deepest * static_cast<double>(regimen.sessions.size()))
                   : 0.01;
  for (const auto& session : regimen.sessions) {
    response::SessionResponse response;
    response.peak_erythema = 1.6 * session.needle_mm;
    response.downtime_days = session.needle_mm >= 1.25 ? 2 : 0;
    response.days_to_erythema_below_1 = 1;
    o.per_session.push_back(response);
  }
  return evaluation;
}

}  // namespace dermasim::plan::testing
