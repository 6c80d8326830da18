#pragma once
// Which sampled parameters drive an output (docs/population.md), from the same Latin hypercube
// population that gives the percentiles (no extra runs): ranked by the first-order Sobol index
// (sobol_given_data.hpp), which also sees effects that rise and fall within a range, with
// Spearman's rank correlation beside it for the direction of a monotone effect.

#include <span>
#include <string>
#include <vector>

namespace dermasim::population {

struct SensitivityEntry {
  std::string parameter;
  double index = 0.0;             // first-order Sobol index from the given samples, 0 … 1
  double rank_correlation = 0.0;  // Spearman, −1 … 1: the direction (near 0 for a rise-and-fall effect)
};

/// Ranks 1 … n of `values`, ties sharing their mean rank.
[[nodiscard]] std::vector<double> ranks_of(std::span<const double> values);

/// Spearman's rank correlation of two equally long samples; 0 when either is constant.
/// @pre x.size() == y.size() >= 2.
[[nodiscard]] double rank_correlation(std::span<const double> x, std::span<const double> y);

/// Every parameter with its first-order Sobol index and rank correlation to `output`, largest
/// index first, equal indices by name: the order depends only on the values, not on the order
/// of the columns. @pre names.size() == columns.size(), names distinct, each column as long as
/// `output`, output.size() >= 2 and finite.
[[nodiscard]] std::vector<SensitivityEntry> rank_sensitivity(const std::vector<std::string>& names,
                                                             const std::vector<std::vector<double>>& columns,
                                                             std::span<const double> output);

}  // namespace dermasim::population
