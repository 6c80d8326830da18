// The sensitivity ranking, model-free: ranks with ties, Spearman's coefficient, and the
// recovery of the dominant parameter of a constructed output.

#include "population/rank_sensitivity.hpp"

#include <cmath>

#include <gtest/gtest.h>

#include "population/population_design.hpp"

namespace dermasim::population {
namespace {

Dimension dimension(std::string name, double low, double high) {
  return {std::move(name), low, {low, high}, scale_for({low, high}), [](PersonInputs&, double) {}};
}

TEST(RankSensitivity, GivesTiedValuesTheirMeanRank) {
  const std::vector<double> values{10.0, 20.0, 10.0, 30.0};

  EXPECT_EQ(ranks_of(values), (std::vector<double>{1.5, 3.0, 1.5, 4.0}));
}

TEST(RankSensitivity, IsOneForAnyIncreasingFunctionAndMinusOneForADecreasingOne) {
  const std::vector<double> x{0.1, 0.7, 0.3, 0.9, 0.5};
  std::vector<double> rising;
  std::vector<double> falling;
  for (const double value : x) {
    rising.push_back(std::exp(5.0 * value));
    falling.push_back(-value * value * value);
  }

  EXPECT_NEAR(rank_correlation(x, rising), 1.0, 1e-12);
  EXPECT_NEAR(rank_correlation(x, falling), -1.0, 1e-12);
}

TEST(RankSensitivity, IsZeroWhenTheOutputIsConstant) {
  EXPECT_EQ(rank_correlation(std::vector<double>{1.0, 2.0, 3.0}, std::vector<double>{4.0, 4.0, 4.0}), 0.0);
}

TEST(RankSensitivity, RanksTheDominantParameterOfAConstructedOutputFirst) {
  // y = 0.2·a − 5·b + 0.02·c over LHS samples: b dominates (negatively), then a, then c.
  const auto design = design_population(
      {dimension("a", 0.0, 1.0), dimension("b", 10.0, 20.0), dimension("c", 0.0, 1.0)}, 40, 1);
  std::vector<double> output;
  for (int person = 0; person < design.n_people; ++person) {
    const auto values = design.person(person);
    output.push_back(0.2 * values[0] - 5.0 * values[1] + 0.02 * values[2]);
  }

  const auto ranking = rank_sensitivity(design.names(), design.columns, output);

  ASSERT_EQ(ranking.size(), 3U);
  EXPECT_EQ(ranking[0].parameter, "b");
  EXPECT_LT(ranking[0].index, -0.9);
  EXPECT_LT(std::fabs(ranking[2].index), std::fabs(ranking[0].index));
}

TEST(RankSensitivity, RanksAParameterWithoutEffectBelowOneThatDrivesTheOutput) {
  const auto design = design_population({dimension("noise", 0.0, 1.0), dimension("driver", 1.0, 2.0)}, 40, 5);
  std::vector<double> output;
  for (const double driver : design.columns[1]) output.push_back(driver * driver);

  const auto ranking = rank_sensitivity(design.names(), design.columns, output);

  EXPECT_EQ(ranking[0].parameter, "driver");
  EXPECT_NEAR(ranking[0].index, 1.0, 1e-12);
  EXPECT_LT(std::fabs(ranking[1].index), 0.5);
}

}  // namespace
}  // namespace dermasim::population
