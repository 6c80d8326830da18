#pragma once
// A regimen's predicted figures by their output names (collagen_change_percent, each concern's
// <concern>_improvement_percent, peak_erythema, days_erythema_ge_1, days_erythema_ge_2,
// peak_irritation, pih_risk): one list for every consumer that compares outcomes by name,
// e.g. the planner's fast-vs-full check.

#include <map>
#include <string>
#include <utility>
#include <vector>

#include "regimen/person.hpp"
#include "response/response_outcomes.hpp"

namespace dermasim::simulate {

struct NamedFigure {
  std::string name;
  double value = 0.0;
};

/// The outcome figures (collagen and the person's concerns), then the safety figures.
[[nodiscard]] std::vector<NamedFigure> outcome_figures(const regimen::Person& person,
                                                       const response::ResponseOutcomes& outcomes);

/// |a − b| / max(|a|, |b|, 1e-9) for every figure, by name, rounded to 4 decimals.
/// @pre both come from outcome_figures of the same person.
[[nodiscard]] std::map<std::string, double> relative_differences(const std::vector<NamedFigure>& a,
                                                                 const std::vector<NamedFigure>& b);

}  // namespace dermasim::simulate
