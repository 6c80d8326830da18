#pragma once
// Percentiles and mean of a population's samples of one output (docs/population.md;
// docs/file-formats.md population.json `{p5, p25, p50, p75, p95, mean}`). Percentiles interpolate
// linearly between order statistics (Hyndman & Fan 1996 type 7, the default of R and NumPy).

#include <span>

namespace dermasim::population {

struct PercentileSummary {
  double p5 = 0.0;
  double p25 = 0.0;
  double p50 = 0.0;
  double p75 = 0.0;
  double p95 = 0.0;
  double mean = 0.0;
};

/// The `percent`-th percentile of `sorted` (ascending). @pre !sorted.empty(), 0 <= percent <= 100.
[[nodiscard]] double percentile_of_sorted(std::span<const double> sorted, double percent);

/// The `percent`-th percentile of `values` in any order. @pre !values.empty().
[[nodiscard]] double percentile(std::span<const double> values, double percent);

/// p5, p25, p50, p75, p95 and the mean (summed in the given order, so the same samples in the
/// same order give the same bits). @pre !values.empty().
[[nodiscard]] PercentileSummary summarize(std::span<const double> values);

}  // namespace dermasim::population
