#pragma once
// The outputs of `dermasim simulate` (docs/file-formats.md, Outputs): summary.json (outcomes for
// the person's concerns, safety figures, each session's redness, the check's findings) and
// timeseries.csv (one row a day).

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "regimen/finding.hpp"
#include "regimen/regimen.hpp"
#include "simulate/regimen_simulation.hpp"

namespace dermasim::report {

/// `outcomes`: collagen_change_percent and <concern>_improvement_percent per concern.
[[nodiscard]] nlohmann::json outcomes_json(const regimen::Person& person, const response::ResponseOutcomes& outcomes);
/// `safety`: peak_erythema, days_erythema_ge_1, days_erythema_ge_2, peak_irritation, pih_risk.
[[nodiscard]] nlohmann::json safety_json(const response::ResponseOutcomes& outcomes);

[[nodiscard]] nlohmann::json simulation_summary_json(const regimen::Regimen& regimen,
                                                     const simulate::SimulationResult& result,
                                                     const std::vector<regimen::Finding>& findings, bool forced);

/// Header `date,erythema,barrier,retinoid_activation,irritation,tolerance,
/// collagen_change_percent,pigment_index,acne_lesion_index,retinoid_ve_ng_per_cm2`, one row a day.
[[nodiscard]] std::string timeseries_csv(const simulate::SimulationResult& result);

/// A few lines for the terminal: outcomes, safety, sessions, the notice.
[[nodiscard]] std::string simulation_text(const regimen::Regimen& regimen, const simulate::SimulationResult& result,
                                          const std::vector<regimen::Finding>& findings, bool forced);

}  // namespace dermasim::report
