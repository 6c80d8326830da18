#pragma once
// Which sampled parameters drive an output (MODEL.md §5): Spearman's rank correlation between
// each parameter's samples and the output's, from the same Latin hypercube population that
// gives the percentiles (no extra runs). Ranked by magnitude; the sign gives the direction.
// A global, monotone measure: it misses effects that rise and fall within a range.

#include <span>
#include <string>
#include <vector>

namespace dermasim::population {

struct SensitivityEntry {
  std::string parameter;
  double index = 0.0;  // Spearman rank correlation, −1 … 1
};

/// Ranks 1 … n of `values`, ties sharing their mean rank.
[[nodiscard]] std::vector<double> ranks_of(std::span<const double> values);

/// Spearman's rank correlation of two equally long samples; 0 when either is constant.
/// @pre x.size() == y.size() >= 2.
[[nodiscard]] double rank_correlation(std::span<const double> x, std::span<const double> y);

/// Every parameter with its rank correlation to `output`, largest |index| first (ties by
/// name, so the order is deterministic). @pre names.size() == columns.size(), each column as
/// long as `output`.
[[nodiscard]] std::vector<SensitivityEntry> rank_sensitivity(const std::vector<std::string>& names,
                                                             const std::vector<std::vector<double>>& columns,
                                                             std::span<const double> output);

}  // namespace dermasim::population
