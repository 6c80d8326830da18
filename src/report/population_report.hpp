#pragma once
// The outputs of `dermasim population` (docs/file-formats.md, population.json; docs/population.md):
// population.json (percentiles of outcomes and safety figures, adverse-event probabilities,
// sensitivity rankings), population.html (the same with an SVG histogram per figure), and
// the terminal text.

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "population/population_summary.hpp"
#include "regimen/finding.hpp"
#include "regimen/regimen.hpp"
#include "transport/transport_model.hpp"

namespace dermasim::report {

/// What every population output describes besides the summary.
struct PopulationContext {
  const regimen::Regimen& regimen;
  transport::Fidelity fidelity;
  const std::vector<regimen::Finding>& findings;
  bool forced = false;  // simulated despite error findings
};

/// population.json: n, seed, n_simulated (the people whose model ran; every figure is over
/// them), failures ([{person, reason}] for the others), outcomes, safety ({name: {p5, p25, p50, p75, p95, mean}}),
/// adverse_event_probability, sensitivity ({output: [{parameter, index, rank_correlation}]},
/// largest first-order Sobol index first; rank_correlation is Spearman's, for the direction),
/// plus scenario, days, fidelity, forced, sensitivity_method, parameters, not_sampled,
/// findings and notice. Values rounded to 4 significant digits, sensitivities to 3.
[[nodiscard]] nlohmann::json population_json(const PopulationContext& context,
                                             const population::PopulationSummary& summary);

/// The self-contained HTML page: tables, one histogram per figure (p5, p50, p95 marked),
/// adverse events, the top drivers of each figure (index as a bar, rank correlation), the
/// sampled parameters.
[[nodiscard]] std::string population_html(const PopulationContext& context,
                                          const population::PopulationSummary& summary,
                                          const std::vector<population::OutputSamples>& samples);

/// A few lines for the terminal: percentiles, adverse events, top three drivers, the notice.
[[nodiscard]] std::string population_text(const PopulationContext& context,
                                          const population::PopulationSummary& summary);

/// An SVG histogram of `values` in `n_bins` equal bins between their extremes, with the
/// 5th, 50th and 95th percentiles drawn as vertical lines. @pre !values.empty(), n_bins >= 1.
[[nodiscard]] std::string histogram_svg(const std::string& title, const std::vector<double>& values, int n_bins = 20);

}  // namespace dermasim::report
