// The sensitivity ranking, model-free: ranks with ties, Spearman's coefficient, and the
// ranking by first-order Sobol index of constructed outputs (linear, rise-and-fall, constant),
// which must not depend on the order of the parameters.

#include "population/rank_sensitivity.hpp"

#include <algorithm>
#include <cmath>

#include <gtest/gtest.h>

#include "population/population_design.hpp"
#include "population/sobol_given_data.hpp"

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
  const auto design =
      design_population({dimension("a", 0.0, 1.0), dimension("b", 10.0, 20.0), dimension("c", 0.0, 1.0)}, 40, 1);
  std::vector<double> output;
  for (int person = 0; person < design.n_people; ++person) {
    const auto values = design.person(person);
    output.push_back(0.2 * values[0] - 5.0 * values[1] + 0.02 * values[2]);
  }

  const auto ranking = rank_sensitivity(design.names(), design.columns, output);

  ASSERT_EQ(ranking.size(), 3U);
  EXPECT_EQ(ranking[0].parameter, "b");
  EXPECT_GT(ranking[0].index, 0.9);              // b alone explains almost all of the variance …
  EXPECT_LT(ranking[0].rank_correlation, -0.9);  // … and the output falls as b rises
  EXPECT_LT(ranking[2].index, ranking[0].index);
}

TEST(RankSensitivity, RanksAParameterWithoutEffectBelowOneThatDrivesTheOutput) {
  const auto design = design_population({dimension("noise", 0.0, 1.0), dimension("driver", 1.0, 2.0)}, 40, 5);
  std::vector<double> output;
  for (const double driver : design.columns[1]) output.push_back(driver * driver);

  const auto ranking = rank_sensitivity(design.names(), design.columns, output);

  EXPECT_EQ(ranking[0].parameter, "driver");
  EXPECT_GT(ranking[0].index, 0.9);  // 40 samples in 6 bins keep ≈ 1 − 1/36 of a smooth effect
  EXPECT_NEAR(ranking[0].rank_correlation, 1.0, 1e-12);
  EXPECT_LT(ranking[1].index, sensitivity_noise_level(40));
}

/// y = f(x1, x2) over 400 Latin hypercube samples of x1, x2 uniform on (0, 1).
std::pair<PopulationDesign, std::vector<double>> constructed(double (*f)(double, double), std::uint64_t seed) {
  auto design = design_population({dimension("x1", 0.0, 1.0), dimension("x2", 0.0, 1.0)}, 400, seed);
  std::vector<double> output;
  for (int person = 0; person < design.n_people; ++person) {
    const auto x = design.person(person);
    output.push_back(f(x[0], x[1]));
  }
  return {std::move(design), std::move(output)};
}

TEST(RankSensitivity, RanksALinearOutputByItsFirstOrderIndices) {
  // y = 10·x1 + x2: S1 = 100/101; within 0.005 at n = 400 (sobol_given_data_test.cpp says why).
  const auto [design, output] = constructed([](double x1, double x2) { return 10.0 * x1 + x2; }, 11);

  const auto ranking = rank_sensitivity(design.names(), design.columns, output);

  ASSERT_EQ(ranking.size(), 2U);
  EXPECT_EQ(ranking[0].parameter, "x1");
  EXPECT_NEAR(ranking[0].index, 100.0 / 101.0, 0.005);
  EXPECT_GT(ranking[0].rank_correlation, 0.9);
  EXPECT_EQ(ranking[1].parameter, "x2");
}

TEST(RankSensitivity, RanksARiseAndFallDriverFirstThoughItsRankCorrelationIsNearZero) {
  // y = (x1 − 0.5)² + 0.1·x2: x1 explains 87 % of the variance, yet by |rank correlation| x2
  // would come first (x1's is 0 by symmetry, x2's about 0.3).
  const auto [design, output] = constructed([](double x1, double x2) { return (x1 - 0.5) * (x1 - 0.5) + 0.1 * x2; }, 7);

  const auto ranking = rank_sensitivity(design.names(), design.columns, output);

  ASSERT_EQ(ranking.size(), 2U);
  EXPECT_EQ(ranking[0].parameter, "x1");
  EXPECT_GT(ranking[0].index, 0.8);
  EXPECT_LT(std::fabs(ranking[0].rank_correlation), 0.15);  // 3 standard deviations of a zero correlation, 1/√400
  EXPECT_GT(ranking[1].rank_correlation, std::fabs(ranking[0].rank_correlation));
}

TEST(RankSensitivity, GivesEveryParameterZeroForAConstantOutputInNameOrder) {
  const auto design =
      design_population({dimension("c", 0.0, 1.0), dimension("a", 0.0, 1.0), dimension("b", 1.0, 2.0)}, 20, 4);
  const std::vector<double> output(20, 2.5);

  const auto ranking = rank_sensitivity(design.names(), design.columns, output);

  ASSERT_EQ(ranking.size(), 3U);
  for (const auto& entry : ranking) {
    EXPECT_EQ(entry.index, 0.0) << entry.parameter;  // exactly 0, not NaN
    EXPECT_EQ(entry.rank_correlation, 0.0) << entry.parameter;
  }
  EXPECT_EQ(ranking[0].parameter, "a");  // equal indices: by name
  EXPECT_EQ(ranking[1].parameter, "b");
  EXPECT_EQ(ranking[2].parameter, "c");
}

TEST(RankSensitivity, GivesTheSameRankingForTheSameSamplesWhateverTheParameterOrder) {
  const auto [design, output] = constructed([](double x1, double x2) { return std::sin(6.0 * x1) + x2 * x2; }, 5);
  auto reversed_names = design.names();
  auto reversed_columns = design.columns;
  std::ranges::reverse(reversed_names);
  std::ranges::reverse(reversed_columns);

  const auto first = rank_sensitivity(design.names(), design.columns, output);
  const auto again = rank_sensitivity(design.names(), design.columns, output);
  const auto reversed = rank_sensitivity(reversed_names, reversed_columns, output);

  // Bit-identical on purpose (not a tolerance): the files must be byte-identical run to run.
  ASSERT_EQ(first.size(), 2U);
  for (const auto* other : {&again, &reversed}) {
    ASSERT_EQ(other->size(), first.size());
    for (std::size_t place = 0; place < first.size(); ++place) {
      EXPECT_EQ((*other)[place].parameter, first[place].parameter);
      EXPECT_EQ((*other)[place].index, first[place].index);
      EXPECT_EQ((*other)[place].rank_correlation, first[place].rank_correlation);
    }
  }
}

}  // namespace
}  // namespace dermasim::population
