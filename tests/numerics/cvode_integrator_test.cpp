// The one CVODE wrapper with each of its linear solvers: KLU for a system
// with a sparse Jacobian, dense difference quotients for one without; stops, restarts,
// statistics, and failures turned into exceptions.
#include "numerics/cvode_integrator.hpp"

#include <array>
#include <cmath>
#include <limits>
#include <stdexcept>
#include <vector>

#include <gtest/gtest.h>

#include "core/error.hpp"
#include "numerics/integration_error.hpp"

namespace dermasim::numerics {
namespace {

constexpr double rate = 2.0;

// dy/dt = −λ·y for one state, with its Jacobian (or NaN, to make CVODE fail).
class SparseDecay final : public OdeSystem {
 public:
  explicit SparseDecay(double lambda, bool broken = false) : lambda_(lambda), broken_(broken) {
    pattern_.row_start = {0, 1};
    pattern_.column_index = {0};
  }
  std::size_t n_states() const override { return 1; }
  RhsStatus rhs(double, std::span<const double> y, std::span<double> ydot) const override {
    ydot[0] = broken_ ? std::numeric_limits<double>::quiet_NaN() : -lambda_ * y[0];
    return RhsStatus::ok;
  }
  const SparsityPattern& jacobian_pattern() const override { return pattern_; }
  void jacobian(double, std::span<double> values) const override { values[0] = -lambda_; }

 private:
  double lambda_;
  bool broken_;
  SparsityPattern pattern_;
};

// The same decay without a Jacobian (CVODE differentiates it), or a right-hand side that
// fails or throws as told.
class DenseDecay final : public OdeSystem {
 public:
  enum class Failure { none, unrecoverable, throws };
  explicit DenseDecay(Failure failure = Failure::none) : failure_(failure) {}
  std::size_t n_states() const override { return 1; }
  RhsStatus rhs(double, std::span<const double> y, std::span<double> ydot) const override {
    if (failure_ == Failure::throws) throw std::domain_error("the drive is undefined");
    ydot[0] = -rate * y[0];
    return failure_ == Failure::unrecoverable ? RhsStatus::unrecoverable_failure : RhsStatus::ok;
  }

 private:
  Failure failure_;
};

TEST(CvodeIntegrator, ExponentialDecayWithASparseJacobianMatchesTheExactSolutionWithinTenTimesTolerance) {
  const SparseDecay decay(0.5);
  const std::vector<double> absolute{1e-12};
  CvodeIntegrator integrator(decay, 1e-8, absolute);
  std::vector<double> y{1.0};
  integrator.reinitialize(0.0, y);

  integrator.advance(4.0, 4.0, y);

  EXPECT_NEAR(y[0], std::exp(-2.0), 10 * 1e-8 * std::exp(-2.0));
  EXPECT_GT(integrator.statistics().steps, 0);
  EXPECT_GT(integrator.statistics().jacobian_evaluations, 0);
}

// y' = -rate y from y(0) = 1, integrated by CVODE with a tight tolerance.
class CvodeDecay : public ::testing::Test {
 protected:
  void SetUp() override { integrator.reinitialize(0.0, y); }
  const DenseDecay decay;
  CvodeIntegrator integrator{decay, {1e-8, 1e-12}};
  std::array<double, 1> y{1.0};
};

TEST_F(CvodeDecay, ExponentialDecayWithoutAJacobianMatchesTheExactSolutionWithinTheTolerance) {
  integrator.advance(1.5, 1.5, y);

  EXPECT_NEAR(y[0] / std::exp(-rate * 1.5), 1.0, 1e-6);  // relative error
  EXPECT_DOUBLE_EQ(integrator.time(), 1.5);
}

TEST_F(CvodeDecay, StopsAtTheStopTimeAndContinuesFromAJumpAfterReinitialization) {
  integrator.advance(0.5, 0.5, y);
  const long steps_before_event = integrator.statistics().steps;
  y[0] += 1.0;  // the event
  integrator.reinitialize(0.5, y);
  integrator.advance(1.0, 1.0, y);

  const double expected = (std::exp(-rate * 0.5) + 1.0) * std::exp(-rate * 0.5);
  EXPECT_NEAR(y[0] / expected, 1.0, 1e-6);
  EXPECT_EQ(integrator.total_statistics().reinitializations, 1);
  EXPECT_EQ(integrator.statistics().reinitializations, 0);
  EXPECT_EQ(integrator.total_statistics().steps, steps_before_event + integrator.statistics().steps);
}

TEST(CvodeIntegrator, TurnsANonFiniteRightHandSideIntoASolverErrorWithStatistics) {
  const SparseDecay broken(0.5, true);
  const std::vector<double> absolute{1e-12};
  CvodeIntegrator integrator(broken, 1e-6, absolute);
  std::vector<double> y{1.0};
  integrator.reinitialize(0.0, y);

  try {
    integrator.advance(1.0, 1.0, y);
    FAIL() << "expected an IntegrationError";
  } catch (const IntegrationError& error) {
    EXPECT_GT(error.statistics().rhs_evaluations, 0);
    EXPECT_NE(std::string(error.what()).find("rhs evaluations"), std::string::npos) << error.what();
  }
}

TEST(CvodeIntegrator, TurnsAnUnrecoverableRightHandSideFailureIntoASolverError) {
  const DenseDecay failing(DenseDecay::Failure::unrecoverable);
  CvodeIntegrator integrator(failing, {1e-6, 1e-9});
  std::array<double, 1> y{1.0};
  integrator.reinitialize(0.0, y);

  EXPECT_THROW(integrator.advance(1.0, 1.0, y), SolverError);
}

TEST(CvodeIntegrator, PassesAnExceptionOfTheRightHandSideThroughUnchanged) {
  const DenseDecay throwing(DenseDecay::Failure::throws);
  CvodeIntegrator integrator(throwing, {1e-6, 1e-9});
  std::array<double, 1> y{1.0};
  integrator.reinitialize(0.0, y);

  EXPECT_THROW(integrator.advance(1.0, 1.0, y), std::domain_error);
}

TEST(CvodeIntegrator, RejectsIntegratingBackwards) {
  const DenseDecay decay;
  CvodeIntegrator integrator(decay, {1e-6, 1e-9});
  std::array<double, 1> y{1.0};
  integrator.reinitialize(1.0, y);

  EXPECT_THROW(integrator.advance(0.5, 0.5, y), InternalError);
}

TEST(CvodeIntegrator, RejectsAdvancingBeforeTheFirstStart) {
  const DenseDecay decay;
  CvodeIntegrator integrator(decay, {1e-6, 1e-9});
  std::array<double, 1> y{1.0};

  EXPECT_THROW(integrator.advance(1.0, 1.0, y), InternalError);
}

}  // namespace
}  // namespace dermasim::numerics
