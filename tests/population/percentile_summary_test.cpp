// Percentiles and means, model-free: exact order statistics of a small sample, and the known
// quantiles of an output that is linear in one Latin-hypercube-sampled parameter.

#include "population/percentile_summary.hpp"

#include <cmath>

#include <gtest/gtest.h>

#include "population/population_design.hpp"

namespace dermasim::population {
namespace {

Dimension dimension(std::string name, double low, double high) {
  return {std::move(name), low, {low, high}, scale_for({low, high}), [](PersonInputs&, double) {}};
}

TEST(PercentileSummary, InterpolatesLinearlyBetweenOrderStatistics) {
  const std::vector<double> values{4.0, 1.0, 3.0, 2.0, 5.0};

  const auto summary = summarize(values);

  EXPECT_NEAR(summary.p5, 1.2, 1e-12);  // position 0.05 × 4 = 0.2
  EXPECT_NEAR(summary.p25, 2.0, 1e-12);
  EXPECT_NEAR(summary.p50, 3.0, 1e-12);
  EXPECT_NEAR(summary.p75, 4.0, 1e-12);
  EXPECT_NEAR(summary.p95, 4.8, 1e-12);
  EXPECT_NEAR(summary.mean, 3.0, 1e-12);
}

TEST(PercentileSummary, GivesTheOnlyValueOfASingleSample) {
  const auto summary = summarize(std::vector<double>{7.5});

  EXPECT_DOUBLE_EQ(summary.p5, 7.5);
  EXPECT_DOUBLE_EQ(summary.p95, 7.5);
  EXPECT_DOUBLE_EQ(summary.mean, 7.5);
}

TEST(PercentileSummary, RecoversTheQuantilesOfAnOutputLinearInOneSampledParameter) {
  // x uniform on [2, 6] by LHS, y = 3x + 1: the p-quantile of y is 3(2 + 4p) + 1. Each order
  // statistic of an LHS sample lies in its own stratum of width 4/n, so a type-7 percentile
  // is within 2 strata of the exact quantile, and the mean within half a stratum.
  constexpr int n_people = 40;
  const auto design = design_population({dimension("x", 2.0, 6.0)}, n_people, 1);
  std::vector<double> output;
  for (const double x : design.columns[0]) output.push_back(3.0 * x + 1.0);

  const auto summary = summarize(output);

  const double stratum_in_y = 3.0 * 4.0 / n_people;
  auto exact = [](double p) { return 3.0 * (2.0 + 4.0 * p) + 1.0; };
  EXPECT_NEAR(summary.p5, exact(0.05), 2.0 * stratum_in_y);
  EXPECT_NEAR(summary.p25, exact(0.25), 2.0 * stratum_in_y);
  EXPECT_NEAR(summary.p50, exact(0.50), 2.0 * stratum_in_y);
  EXPECT_NEAR(summary.p75, exact(0.75), 2.0 * stratum_in_y);
  EXPECT_NEAR(summary.p95, exact(0.95), 2.0 * stratum_in_y);
  EXPECT_NEAR(summary.mean, 13.0, 0.5 * stratum_in_y);
}

TEST(PercentileSummary, RecoversTheQuantilesOfALogUniformParameter) {
  // A range spanning two decades is sampled uniformly in log10: the p-quantile is 10^(2p).
  constexpr int n_people = 40;
  const auto design = design_population({dimension("x", 1.0, 100.0)}, n_people, 9);
  std::vector<double> log_x;
  for (const double x : design.columns[0]) log_x.push_back(std::log10(x));

  const auto summary = summarize(log_x);

  const double stratum = 2.0 / n_people;
  EXPECT_NEAR(summary.p5, 0.10, 2.0 * stratum);
  EXPECT_NEAR(summary.p50, 1.00, 2.0 * stratum);
  EXPECT_NEAR(summary.p95, 1.90, 2.0 * stratum);
}

}  // namespace
}  // namespace dermasim::population
