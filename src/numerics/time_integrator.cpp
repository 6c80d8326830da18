#include "numerics/time_integrator.hpp"

#include <fmt/format.h>

namespace dermasim::numerics {

IntegratorStatistics& IntegratorStatistics::operator+=(const IntegratorStatistics& other) {
  steps += other.steps;
  rhs_evaluations += other.rhs_evaluations;
  jacobian_evaluations += other.jacobian_evaluations;
  linear_setups += other.linear_setups;
  nonlinear_iterations += other.nonlinear_iterations;
  error_test_failures += other.error_test_failures;
  nonlinear_convergence_failures += other.nonlinear_convergence_failures;
  reinitializations += other.reinitializations;
  return *this;
}

std::string IntegratorStatistics::summary() const {
  // The first six always, as reports already show them; the others only when they happened.
  std::string text = fmt::format(
      "{} steps, {} rhs evaluations, {} Jacobians, {} linear setups, "
      "{} Newton iterations, {} error-test failures",
      steps, rhs_evaluations, jacobian_evaluations, linear_setups, nonlinear_iterations, error_test_failures);
  if (nonlinear_convergence_failures > 0) {
    text += fmt::format(", {} convergence failures", nonlinear_convergence_failures);
  }
  if (reinitializations > 0) text += fmt::format(", {} restarts", reinitializations);
  return text;
}

}  // namespace dermasim::numerics
