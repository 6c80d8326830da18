#include "population/sobol_given_data.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <vector>

#include "core/error.hpp"

namespace dermasim::population {

int sensitivity_bin_count(std::size_t n_samples) {
  expects(n_samples >= 2, "sensitivity_bin_count: needs 2 or more samples");
  const auto square_root_rule = static_cast<int>(std::lround(std::sqrt(static_cast<double>(n_samples))));
  const int bins = std::clamp(square_root_rule, min_sensitivity_bins, max_sensitivity_bins);
  return static_cast<int>(std::min(static_cast<std::size_t>(bins), n_samples - 1));
}

double sensitivity_noise_level(std::size_t n_samples) {
  expects(n_samples >= 3, "sensitivity_noise_level: needs 3 or more samples");
  const auto n_bins = static_cast<double>(sensitivity_bin_count(n_samples));
  return 3.0 * std::sqrt(2.0 * (n_bins - 1.0)) / (static_cast<double>(n_samples) - n_bins);
}

double first_order_index(std::span<const double> parameter, std::span<const double> output) {
  expects(parameter.size() == output.size() && output.size() >= 2,
          "first_order_index: needs two equally long samples of 2 or more");
  expects(std::ranges::all_of(output, [](double value) { return std::isfinite(value); }),
          "first_order_index: an output sample is not finite");
  // Exactly constant (e.g. no one reaches erythema 2): no variance to apportion, and the ratio
  // below would be 0/0 or round-off over round-off.
  const auto [lowest, highest] = std::ranges::minmax(output);
  if (lowest == highest) return 0.0;

  const std::size_t n = output.size();
  const double mean = std::accumulate(output.begin(), output.end(), 0.0) / static_cast<double>(n);
  double total_sum_of_squares = 0.0;
  for (const double value : output) total_sum_of_squares += (value - mean) * (value - mean);
  if (total_sum_of_squares == 0.0) return 0.0;  // differences so small that their squares underflow

  // Bins of consecutive samples in parameter order. A stable sort keeps tied parameter values
  // in sample order, so the bins (and the index) are the same on every run and platform.
  std::vector<std::size_t> order(n);
  std::iota(order.begin(), order.end(), std::size_t{0});
  std::ranges::stable_sort(order, [&](std::size_t a, std::size_t b) { return parameter[a] < parameter[b]; });
  const auto n_bins = static_cast<std::size_t>(sensitivity_bin_count(n));
  double within_sum_of_squares = 0.0;
  for (std::size_t bin = 0; bin < n_bins; ++bin) {
    const std::size_t first = bin * n / n_bins;  // bin sizes differ by at most one
    const std::size_t last = (bin + 1) * n / n_bins;
    double bin_mean = 0.0;
    for (std::size_t k = first; k < last; ++k) bin_mean += output[order[k]];
    bin_mean /= static_cast<double>(last - first);
    for (std::size_t k = first; k < last; ++k)
      within_sum_of_squares += (output[order[k]] - bin_mean) * (output[order[k]] - bin_mean);
  }

  // Mean squares instead of sums: the within-bin one has n − M degrees of freedom and the total
  // n − 1, which removes the (M − 1)/(n − 1) upward bias of the plain correlation ratio.
  const double within_mean_square = within_sum_of_squares / static_cast<double>(n - n_bins);
  const double total_mean_square = total_sum_of_squares / static_cast<double>(n - 1);
  // Sampling noise can push the adjusted ratio slightly below 0 for a parameter without effect.
  return std::clamp(1.0 - within_mean_square / total_mean_square, 0.0, 1.0);
}

}  // namespace dermasim::population
