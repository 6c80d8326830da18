// The `fast` (1-D two-pathway) model's error against `full` (2-D axisymmetric unit cell) on a
// grid of needle lengths, channel densities and times (docs/transport.md §5),
// printed as a Markdown table for docs/transport.md. Caffeine (hydrophilic, channel-dominated)
// and tretinoin (lipophilic) from a cream film of 2 mg/cm², Franz-cell sink (channels stay
// open, the case where they matter most), pen depth fraction 0.77, channel diameter 70.7 µm.
// Error = (fast − full) / full of the absorbed amount (receptor) at each time.

#include <chrono>
#include <cstdio>
#include <vector>

#include "transport/skin_model_builder.hpp"

using namespace dermasim;
using namespace dermasim::transport;

namespace {

std::vector<double> absorbed(const Compound& compound, double needle_mm, double density, Fidelity fidelity,
                             const std::vector<double>& hours_out, double& seconds_used, std::size_t& cells) {
  const TransportParameters parameters;
  const auto properties = derive_properties(compound, parameters.properties);
  const MicroneedleTreatment pen{density, millimetres(needle_mm), 0.77, micrometres(70.7), Time{}};
  const auto skin = build_skin_model(properties, {micrometres(13.6), micrometres(46.1), micrometres(982)},
                                     Receptor::sink, pen, false, parameters);
  const auto start = std::chrono::steady_clock::now();
  TransportModel model(skin, fidelity, GridResolution{}, SolverOptions{1e-6, 1e-8});
  Application application;
  application.vehicle_partition =
      vehicle_water_partition(properties, parameters.cream_stratum_corneum_vehicle_partition);
  application.formulation_dose = milligrams_per_square_centimetre(2.0);
  application.drug_mass_fraction = 5e-4;
  application.duration = hours(hours_out.back());
  application.n_samples = static_cast<std::size_t>(hours_out.back());
  auto state = model.initial_state();
  const auto result = model.apply(state, application);
  seconds_used = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  cells = model.n_cells();
  std::vector<double> out;
  for (const double h : hours_out) {
    for (const auto& sample : result.samples) {
      if (std::abs(sample.time.in(units::hour)-h) < 1e-9) out.push_back(sample.amounts.receptor / result.applied);
    }
  }
  return out;
}

}  // namespace

int main() {
  const std::vector<double> times{1, 4, 8, 24};
  const Compound compounds[] = {
      {"caffeine", 194.19, -0.07, std::nullopt, Ionization::neutral, std::nullopt, std::nullopt},
      {"tretinoin", 300.44, 6.3, 4.73, Ionization::acid, std::nullopt, std::nullopt}};
  std::printf(
      "| compound | needle mm | channels/cm² | full cells | absorbed at 24 h (full) | "
      "fast − full, 1 h | 4 h | 8 h | 24 h | time fast | time full |\n");
  std::printf("|---|---|---|---|---|---|---|---|---|---|---|\n");
  for (const auto& compound : compounds) {
    for (const double needle : {0.25, 0.5, 1.0, 1.5}) {
      for (const double density : {100.0, 300.0, 900.0}) {
        double fast_s = 0, full_s = 0;
        std::size_t fast_cells = 0, full_cells = 0;
        const auto fast = absorbed(compound, needle, density, Fidelity::fast, times, fast_s, fast_cells);
        const auto full = absorbed(compound, needle, density, Fidelity::full, times, full_s, full_cells);
        std::printf("| %s | %.2f | %.0f | %zu | %.3g %% |", compound.name.c_str(), needle, density, full_cells,
                    100.0 * full.back());
        for (std::size_t k = 0; k < times.size(); ++k) std::printf(" %+.1f %% |", 100.0 * (fast[k] / full[k] - 1.0));
        std::printf(" %.1f ms | %.0f ms |\n", 1e3 * fast_s, 1e3 * full_s);
        std::fflush(stdout);
      }
    }
  }
  return 0;
}
