// The first-order Sobol index from given samples, model-free: the bin rule, outputs whose
// indices are known in closed form (linear, rise-and-fall, constant, piecewise constant), and
// the bias correction for a parameter without effect.

#include "population/sobol_given_data.hpp"

#include <cmath>

#include <gtest/gtest.h>

#include "population/population_design.hpp"
#include "population/rank_sensitivity.hpp"

namespace dermasim::population {
namespace {

Dimension unit_dimension(std::string name) {
  return {std::move(name), 0.5, {0.0, 1.0}, Scale::linear, [](PersonInputs&, double) {}};
}

/// Latin hypercube samples of x1, x2 and a third column for noise, each uniform on (0, 1).
PopulationDesign unit_design(int n_people, std::uint64_t seed) {
  return design_population({unit_dimension("x1"), unit_dimension("x2"), unit_dimension("noise")}, n_people, seed);
}

TEST(SobolGivenData, UsesTheRoundedSquareRootOfTheSampleCountAsBinsWithinTwoAndFifty) {
  EXPECT_EQ(sensitivity_bin_count(2), 1);  // n − 1: the within-bin variance keeps a degree of freedom
  EXPECT_EQ(sensitivity_bin_count(3), 2);
  EXPECT_EQ(sensitivity_bin_count(40), 6);
  EXPECT_EQ(sensitivity_bin_count(100), 10);
  EXPECT_EQ(sensitivity_bin_count(200), 14);
  EXPECT_EQ(sensitivity_bin_count(2500), 50);
  EXPECT_EQ(sensitivity_bin_count(1'000'000), 50);
}

TEST(SobolGivenData, RecoversTheIndicesOfALinearOutput) {
  // y = 10·x1 + x2 (+ 1e-3 noise): S1 = 100/101, S2 = 1/101 (Var(a·U(0,1)) = a²/12).
  constexpr int n = 400;  // 20 bins of 20
  const auto design = unit_design(n, 3);
  std::vector<double> output;
  for (int person = 0; person < n; ++person) {
    const auto x = design.person(person);
    output.push_back(10.0 * x[0] + x[1] + 1e-3 * (x[2] - 0.5));
  }

  const double x1_index = first_order_index(design.columns[0], output);
  const double x2_index = first_order_index(design.columns[1], output);

  // LHS puts one sample per 1/n stratum, so M equal-count bins are M equal-width bins of x1 and
  // a linear effect loses exactly its within-bin share 1/M² = 0.0025; the noise from x2 is
  // (1/101)·√(2/(n − M)) ≈ 0.0007. 0.005 covers the loss plus three times the noise.
  EXPECT_NEAR(x1_index, 100.0 / 101.0, 0.005);
  // x2's 1/101 is below the noise level of 400 samples (0.049): only bounded.
  EXPECT_LT(x2_index, 1.0 / 101.0 + sensitivity_noise_level(n));
}

TEST(SobolGivenData, SeesARiseAndFallEffectThatRankCorrelationMisses) {
  // y = (x1 − 0.5)² + 0.1·x2: Var of the first term 1/80 − 1/144 = 1/180, of the second 0.01/12,
  // so S1 = (1/180) / (1/180 + 1/1200) = 0.870; x1's rank correlation is 0 by symmetry.
  constexpr int n = 400;
  const auto design = unit_design(n, 7);
  std::vector<double> output;
  for (int person = 0; person < n; ++person) {
    const auto x = design.person(person);
    output.push_back((x[0] - 0.5) * (x[0] - 0.5) + 0.1 * x[1]);
  }

  const double index = first_order_index(design.columns[0], output);
  const double correlation = rank_correlation(design.columns[0], output);

  // The discretisation loss of a curved effect is Var within bins of (x1 − 0.5)², about
  // E[(2(x1 − 0.5))²] / (12·M²) / Var(y) = 0.011 at M = 20; 0.03 adds three times the noise.
  EXPECT_NEAR(index, 0.870, 0.03);
  EXPECT_LT(std::fabs(correlation), 0.15);  // the standard deviation of a zero rank correlation is 1/√n = 0.05
}

TEST(SobolGivenData, IsZeroNotNanForAConstantOutput) {
  const auto design = unit_design(50, 1);
  const std::vector<double> output(50, 0.1);  // a mean of 0.1s that is not exactly 0.1 must not matter

  const double index = first_order_index(design.columns[0], output);

  EXPECT_FALSE(std::isnan(index));
  EXPECT_EQ(index, 0.0);
}

TEST(SobolGivenData, IsOneForAnOutputThatIsConstantWithinEachBin) {
  // 100 samples, 10 bins of 10: an output that only says which tenth of x1 a sample is in has
  // no within-bin variance, so every bit of its variance is first order.
  const auto design = unit_design(100, 2);
  std::vector<double> output;
  for (const double x1 : design.columns[0]) output.push_back(std::floor(10.0 * x1));

  EXPECT_NEAR(first_order_index(design.columns[0], output), 1.0, 1e-12);
}

TEST(SobolGivenData, CorrectsTheUpwardBiasForAParameterWithoutEffect) {
  // The output depends on x1 only; x2 has no effect. The plain correlation ratio would average
  // (M − 1)/(n − 1) = 13/199 = 0.065 at n = 200; the adjusted one averages 0 before clipping,
  // so its clipped mean is about 0.4 standard deviations (0.4 × 0.027 = 0.011).
  constexpr int n = 200;
  constexpr int n_seeds = 40;
  double sum = 0.0;
  int above_noise = 0;
  for (int seed = 1; seed <= n_seeds; ++seed) {
    const auto design = unit_design(n, static_cast<std::uint64_t>(seed));
    std::vector<double> output;
    for (const double x1 : design.columns[0]) output.push_back(std::exp(3.0 * x1));
    const double index = first_order_index(design.columns[1], output);
    sum += index;
    above_noise += index > sensitivity_noise_level(n) ? 1 : 0;
  }

  EXPECT_LT(sum / n_seeds, 0.02);
  EXPECT_LE(above_noise, 2);  // about 1 % of parameters without effect exceed the level
}

}  // namespace
}  // namespace dermasim::population
