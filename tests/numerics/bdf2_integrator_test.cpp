// BDF2 on ODE systems that are not the transport's finite volumes: a 2×2 linear system with
// an analytic solution (order 2 under step halving), and a small system with a fixed source,
// a free block and accumulated amounts (the total conserved to round-off).
#include "numerics/bdf2_integrator.hpp"

#include <cmath>
#include <vector>

#include <gtest/gtest.h>

#include "core/error.hpp"
#include "numerics/integration_error.hpp"

namespace dermasim::numerics {
namespace {

// dy/dt = J y for a constant matrix J (rows of `matrix`), its nonzeros as the pattern.
class LinearSystem final : public OdeSystem {
 public:
  LinearSystem(std::vector<std::vector<double>> matrix, std::vector<double> weights)
      : matrix_(std::move(matrix)), weights_(std::move(weights)) {
    pattern_.row_start.push_back(0);
    for (const auto& row : matrix_) {
      for (std::size_t column = 0; column < row.size(); ++column) {
        if (row[column] != 0.0) pattern_.column_index.push_back(static_cast<std::int64_t>(column));
      }
      pattern_.row_start.push_back(static_cast<std::int64_t>(pattern_.column_index.size()));
    }
  }
  std::size_t n_states() const override { return matrix_.size(); }
  RhsStatus rhs(double, std::span<const double> y, std::span<double> ydot) const override {
    for (std::size_t row = 0; row < matrix_.size(); ++row) {
      ydot[row] = 0.0;
      for (std::size_t column = 0; column < y.size(); ++column) ydot[row] += matrix_[row][column] * y[column];
    }
    return RhsStatus::ok;
  }
  const SparsityPattern& jacobian_pattern() const override { return pattern_; }
  void jacobian(double, std::span<double> values) const override {
    for (std::size_t row = 0; row < matrix_.size(); ++row) {
      for (auto k = pattern_.row_start[row]; k < pattern_.row_start[row + 1]; ++k) {
        values[static_cast<std::size_t>(k)] = matrix_[row][static_cast<std::size_t>(pattern_.column_index[k])];
      }
    }
  }
  bool is_time_dependent() const override { return false; }
  std::vector<double> symmetric_weights() const override { return weights_; }

 private:
  std::vector<std::vector<double>> matrix_;
  std::vector<double> weights_;
  SparsityPattern pattern_;
};

// y' = [[−2, 1], [1, −2]] y, y(0) = (1, 0): eigenvalues −1 and −3, so
// y(t) = ½e^(−t)(1, 1) + ½e^(−3t)(1, −1).
double error_at_two(double step_s) {
  const LinearSystem system({{-2.0, 1.0}, {1.0, -2.0}}, {1.0, 1.0});
  Bdf2Integrator integrator(system, Bdf2Schedule{.step_s = step_s});
  std::vector<double> y{1.0, 0.0};
  integrator.reinitialize(0.0, y);

  integrator.advance(2.0, 2.0, y);

  const double slow = 0.5 * std::exp(-2.0);
  const double fast = 0.5 * std::exp(-6.0);
  return std::hypot(y[0] - (slow + fast), y[1] - (slow - fast));
}

TEST(Bdf2Integrator, ErrorOnALinearSystemFallsWithOrderTwoWhenTheStepIsHalved) {
  const double e_h = error_at_two(0.02);
  const double e_h2 = error_at_two(0.01);
  const double e_h4 = error_at_two(0.005);

  EXPECT_NEAR(std::log2(e_h / e_h2), 2.0, 0.1) << e_h << " " << e_h2;
  EXPECT_NEAR(std::log2(e_h2 / e_h4), 2.0, 0.1) << e_h2 << " " << e_h4;
  EXPECT_LT(e_h4, 1e-4);
}

// A fixed source s (an unweighted state with a zero row) feeds a free pair u1, u2 that drains
// into an accumulator a; `supplied` counts what the source gave. States (s, u1, u2, a, supplied):
//   u1' = (s − u1) − (u1 − u2),  u2' = (u1 − u2) − u2,  a' = u2,  supplied' = s − u1,
// so u1 + u2 + a − supplied is constant, and u tends to (2s/3, s/3).
LinearSystem source_and_accumulators() {
  return LinearSystem({{0.0, 0.0, 0.0, 0.0, 0.0},
                       {1.0, -2.0, 1.0, 0.0, 0.0},
                       {0.0, 1.0, -2.0, 0.0, 0.0},
                       {0.0, 0.0, 1.0, 0.0, 0.0},
                       {1.0, -1.0, 0.0, 0.0, 0.0}},
                      {0.0, 1.0, 1.0, 0.0, 0.0});
}

TEST(Bdf2Integrator, KeepsAFixedSourceAndConservesTheTotalWithAccumulatedAmounts) {
  const LinearSystem system = source_and_accumulators();
  Bdf2Integrator integrator(system, Bdf2Schedule{.step_s = 0.1});
  std::vector<double> y{3.0, 0.0, 0.0, 0.0, 0.0};
  integrator.reinitialize(0.0, y);
  const auto total = [&] { return y[1] + y[2] + y[3] - y[4]; };

  double largest_drift = 0.0;
  for (int hour = 1; hour <= 40; ++hour) {
    integrator.advance(hour, 40.0, y);
    largest_drift = std::max(largest_drift, std::abs(total()));
  }

  EXPECT_EQ(y[0], 3.0);                    // the source is exactly constant
  EXPECT_LT(largest_drift, 1e-12 * y[4]);  // conservation to round-off
  EXPECT_NEAR(y[1], 2.0, 1e-9);            // steady state 2s/3
  EXPECT_NEAR(y[2], 1.0, 1e-9);            // s/3
  EXPECT_GT(integrator.statistics().steps, 0);
}

TEST(Bdf2Integrator, CountsRestartsInItsTotalStatistics) {
  const LinearSystem system = source_and_accumulators();
  Bdf2Integrator integrator(system, Bdf2Schedule{.step_s = 0.1});
  std::vector<double> y{3.0, 0.0, 0.0, 0.0, 0.0};

  integrator.reinitialize(0.0, y);
  integrator.advance(1.0, 1.0, y);
  integrator.reinitialize(1.0, y);
  integrator.advance(2.0, 2.0, y);

  EXPECT_EQ(integrator.total_statistics().reinitializations, 1);
  EXPECT_GT(integrator.total_statistics().steps, integrator.statistics().steps);
}

TEST(Bdf2Integrator, TurnsAMatrixThatIsNotPositiveDefiniteIntoAnIntegrationErrorWithStatistics) {
  // y' = 5y: a0 − 5h turns negative once the steps have doubled past h = 0.2.
  const LinearSystem growth({{5.0}}, {1.0});
  Bdf2Integrator integrator(growth, Bdf2Schedule{.step_s = 1.0});
  std::vector<double> y{1.0};
  integrator.reinitialize(0.0, y);

  try {
    integrator.advance(10.0, 10.0, y);
    FAIL() << "expected an IntegrationError";
  } catch (const IntegrationError& error) {
    EXPECT_GT(error.statistics().steps, 0);
  }
}

class NoJacobian final : public OdeSystem {
 public:
  std::size_t n_states() const override { return 1; }
  RhsStatus rhs(double, std::span<const double>, std::span<double> ydot) const override {
    ydot[0] = 0.0;
    return RhsStatus::ok;
  }
};

TEST(Bdf2Integrator, RejectsASystemWithoutAJacobian) {
  const NoJacobian system;

  EXPECT_THROW({ const Bdf2Integrator integrator(system, Bdf2Schedule{}); }, InternalError);
}

}  // namespace
}  // namespace dermasim::numerics
