#include "population/percentile_summary.hpp"

#include <algorithm>
#include <cmath>
#include <vector>

#include "core/error.hpp"

namespace dermasim::population {

double percentile_of_sorted(std::span<const double> sorted, double percent) {
  expects(!sorted.empty(), "percentile_of_sorted: no samples");
  expects(percent >= 0.0 && percent <= 100.0, "percentile_of_sorted: percent outside 0 .. 100");
  const double position = percent / 100.0 * static_cast<double>(sorted.size() - 1);
  const auto below = static_cast<std::size_t>(std::floor(position));
  const std::size_t above = std::min(below + 1, sorted.size() - 1);
  const double fraction = position - static_cast<double>(below);
  return sorted[below] + fraction * (sorted[above] - sorted[below]);
}

double percentile(std::span<const double> values, double percent) {
  std::vector<double> sorted(values.begin(), values.end());
  std::ranges::sort(sorted);
  return percentile_of_sorted(sorted, percent);
}

PercentileSummary summarize(std::span<const double> values) {
  expects(!values.empty(), "summarize: no samples");
  std::vector<double> sorted(values.begin(), values.end());
  std::ranges::sort(sorted);
  double sum = 0.0;
  for (const double value : values) sum += value;
  return {percentile_of_sorted(sorted, 5.0),  percentile_of_sorted(sorted, 25.0),
          percentile_of_sorted(sorted, 50.0), percentile_of_sorted(sorted, 75.0),
          percentile_of_sorted(sorted, 95.0), sum / static_cast<double>(values.size())};
}

}  // namespace dermasim::population
