#pragma once
// First-order Sobol indices from the given samples (docs/population.md): the share of an output's
// variance that one sampled parameter explains on its own, S_i = Var(E[Y | X_i]) / Var(Y)
// (Saltelli et al. 2008, "Global Sensitivity Analysis. The Primer"), estimated from the same
// Latin hypercube population as the percentiles — no extra runs — by partitioning each
// parameter's samples into equal-count bins (Plischke, Borgonovo, Smith 2013, EJOR 226:536).

#include <cstddef>
#include <span>

namespace dermasim::population {

inline constexpr int min_sensitivity_bins = 2;
inline constexpr int max_sensitivity_bins = 50;

/// The number of equal-count bins for `n_samples` samples: round(√n) clamped to 2 … 50, and at
/// most n − 1 so that the within-bin variance keeps a degree of freedom (1 bin for n = 2).
/// √n is the square-root rule of histograms, an assumption (docs/population.md): bins of √n
/// samples each keep both the discretisation loss (S_i / M² for a linear effect) and the
/// sampling noise (about √(2M) / n for a parameter without effect) small for n of 100 … 10 000.
/// @pre n_samples >= 2.
[[nodiscard]] int sensitivity_bin_count(std::size_t n_samples);

/// Three standard deviations of first_order_index() for a parameter without effect, each
/// √(2(M − 1)) / (n − M): the bins of an unrelated parameter split the output's samples at
/// random, so its between-bin sum of squares is that of a one-way analysis of variance with
/// M equal groups under the null hypothesis. Indices below it are indistinguishable from
/// sampling noise (0.14 at n = 100, 0.08 at 200, 0.02 at 1000); about 1 % of parameters
/// without effect exceed it (simulated for normal, skewed and mostly-zero outputs).
/// @pre n_samples >= 3.
[[nodiscard]] double sensitivity_noise_level(std::size_t n_samples);

/// The first-order Sobol index of `output` with respect to `parameter`, from given samples:
/// the samples sorted by `parameter` (ties in sample order) fall into
/// sensitivity_bin_count(n) bins of equal count, which for Latin hypercube samples are bins of
/// equal probability; the index is the bias-adjusted correlation ratio
///   1 − [SS_within / (n − M)] / [SS_total / (n − 1)],
/// clipped to 0 … 1. The plain ratio SS_between / SS_total overstates S_i by about
/// (M − 1)/(n − 1) even for a parameter without effect; the adjustment (epsilon squared) removes
/// that. A constant output gives 0. First order only: effects through interactions are not
/// counted, and the sum over parameters is at most about 1.
/// @pre parameter.size() == output.size() >= 2; every output finite.
/// @post 0 <= result <= 1.
[[nodiscard]] double first_order_index(std::span<const double> parameter, std::span<const double> output);

}  // namespace dermasim::population
