#pragma once
// report.html of `dermasim simulate`: one self-contained file (inline CSS and SVG, no
// scripts, no network) with the daily series, sessions and pauses marked, the outcomes, the
// safety figures, the check's findings and the not-medical-advice notice.

#include <string>
#include <vector>

#include "regimen/finding.hpp"
#include "regimen/regimen.hpp"
#include "simulate/regimen_simulation.hpp"

namespace dermasim::report {

[[nodiscard]] std::string simulation_html(const regimen::Regimen& regimen, const simulate::SimulationResult& result,
                                          const std::vector<regimen::Finding>& findings, bool forced);

}  // namespace dermasim::report
