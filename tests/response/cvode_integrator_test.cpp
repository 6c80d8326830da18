// Tests of the response layer's CVODE wrapper (docs/model-response.md): accuracy, stops and
// restarts, and failures that become SolverError.
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
  CvodeIntegrator integrator(1, decay(), {1e-8, 1e-12}, 0.0, y);

  integrator.advance(1.5, y);

  EXPECT_NEAR(y[0] / std::exp(-rate * 1.5), 1.0, 1e-6);  // relative error
  EXPECT_DOUBLE_EQ(integrator.time(), 1.5);
}

TEST(CvodeIntegrator, StopsAtTheStopTimeAndContinuesFromAJumpAfterReinitialization) {
  std::array<double, 1> y{1.0};
  CvodeIntegrator integrator(1, decay(), {1e-8, 1e-12}, 0.0, y);

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

TEST(CvodeIntegrator, TurnsAnUnrecoverableRightHandSideFailureIntoSolverError) {
  std::array<double, 1> y{1.0};
  CvodeIntegrator integrator(
      1, [](double, std::span<const double>, std::span<double>) { return RhsStatus::unrecoverable_failure; },
      {1e-6, 1e-9}, 0.0, y);

  EXPECT_THROW(integrator.advance(1.0, y), SolverError);
}

TEST(CvodeIntegrator, RejectsIntegratingBackwards) {
  std::array<double, 1> y{1.0};
  CvodeIntegrator integrator(1, decay(), {1e-6, 1e-9}, 1.0, y);

  EXPECT_THROW(integrator.advance(0.5, y), InternalError);
}

}  // namespace
}  // namespace dermasim::response
