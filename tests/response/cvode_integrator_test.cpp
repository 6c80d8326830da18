// Tests of the response layer's CVODE wrapper (MODEL.md §2; STYLE.md §3, §7).
#include "response/cvode_integrator.hpp"

#include <array>
#include <cmath>

#include <gtest/gtest.h>

#include "core/error.hpp"

namespace dermasim::response {
namespace {

constexpr double rate = 2.0;

CvodeIntegrator::RightHandSide decay() {
  return [](double, std::span<const double> y, std::span<double> dydt) {
    dydt[0] = -rate * y[0];
    return RhsStatus::ok;
  };
}

TEST(CvodeIntegrator, IntegratesExponentialDecayWithinTheRequestedTolerance) {
  std::array<double, 1> y{1.0};
  CvodeIntegrator integrator(1, decay(), {1e-8, 1e-12, NewtonLinearSolver::dense}, 0.0, y);

  integrator.advance(1.5, y);

  EXPECT_NEAR(y[0] / std::exp(-rate * 1.5), 1.0, 1e-6);  // relative error
  EXPECT_DOUBLE_EQ(integrator.time(), 1.5);
}

TEST(CvodeIntegrator, StopsAtTheStopTimeAndContinuesFromAJumpAfterReinitialization) {
  std::array<double, 1> y{1.0};
  CvodeIntegrator integrator(1, decay(), {1e-8, 1e-12, NewtonLinearSolver::dense}, 0.0, y);

  integrator.set_stop_time(0.5);
  integrator.advance(0.5, y);
  y[0] += 1.0;  // the event
  integrator.reinitialize(0.5, y);
  integrator.advance(1.0, y);

  const double expected = (std::exp(-rate * 0.5) + 1.0) * std::exp(-rate * 0.5);
  EXPECT_NEAR(y[0] / expected, 1.0, 1e-6);
  EXPECT_EQ(integrator.statistics().reinitializations, 1);
  EXPECT_GT(integrator.statistics().steps, 0);
}

TEST(CvodeIntegrator, DiagonalNewtonSolverIntegratesAStiffSystemLikeTheDenseOne) {
  // y0' = −1000 y0 + y1, y1' = −y1: stiff, with the stiffness on the diagonal.
  auto stiff = [](double, std::span<const double> y, std::span<double> dydt) {
    dydt[0] = -1000.0 * y[0] + y[1];
    dydt[1] = -y[1];
    return RhsStatus::ok;
  };
  std::array<double, 2> dense_y{1.0, 1.0};
  std::array<double, 2> diagonal_y{1.0, 1.0};
  CvodeIntegrator dense(2, stiff, {1e-8, 1e-12, NewtonLinearSolver::dense}, 0.0, dense_y);
  CvodeIntegrator diagonal(2, stiff, {1e-8, 1e-12, NewtonLinearSolver::diagonal}, 0.0, diagonal_y);

  dense.advance(2.0, dense_y);
  diagonal.advance(2.0, diagonal_y);

  const double exact_y1 = std::exp(-2.0);
  const double exact_y0 = exact_y1 / 999.0 + (1.0 - 1.0 / 999.0) * std::exp(-2000.0);
  EXPECT_NEAR(diagonal_y[1] / exact_y1, 1.0, 1e-6);
  EXPECT_NEAR(diagonal_y[0] / exact_y0, 1.0, 1e-5);
  EXPECT_NEAR(dense_y[0] / exact_y0, 1.0, 1e-5);
}

TEST(CvodeIntegrator, TurnsAnUnrecoverableRightHandSideFailureIntoSolverError) {
  std::array<double, 1> y{1.0};
  CvodeIntegrator integrator(
      1, [](double, std::span<const double>, std::span<double>) { return RhsStatus::unrecoverable_failure; },
      {1e-6, 1e-9, NewtonLinearSolver::dense}, 0.0, y);

  EXPECT_THROW(integrator.advance(1.0, y), SolverError);
}

TEST(CvodeIntegrator, RejectsIntegratingBackwards) {
  std::array<double, 1> y{1.0};
  CvodeIntegrator integrator(1, decay(), {1e-6, 1e-9, NewtonLinearSolver::dense}, 1.0, y);

  EXPECT_THROW(integrator.advance(0.5, y), InternalError);
}

}  // namespace
}  // namespace dermasim::response
