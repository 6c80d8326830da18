#pragma once
// What a caller needs from a time integrator of an OdeSystem (CVODE or the fixed-step BDF2):
// integrate to an output time without passing the next event, then restart after the event
// changed the state or the operator (events are stops, not special cases in the stepper).

#include <span>
#include <string>

namespace dermasim::numerics {

/// Counters of one integrator; the fields an integrator does not have stay 0.
struct IntegratorStatistics {
  long steps = 0;
  long rhs_evaluations = 0;
  long jacobian_evaluations = 0;
  long linear_setups = 0;
  long nonlinear_iterations = 0;
  long error_test_failures = 0;
  long nonlinear_convergence_failures = 0;
  long reinitializations = 0;
  IntegratorStatistics& operator+=(const IntegratorStatistics& other);
  /// One line for error messages and reports.
  [[nodiscard]] std::string summary() const;
};

class TimeIntegrator {
 public:
  virtual ~TimeIntegrator() = default;
  /// Restarts from (t0, y0): after construction and after every event that changes the state
  /// or the system. @pre y0.size() == n_states.
  virtual void reinitialize(double t0, std::span<const double> y0) = 0;
  /// @pre one absolute tolerance per state, or one for all; each > 0; 0 < relative < 1.
  /// Applies to the steps that follow. Integrators without error control ignore it.
  virtual void set_tolerances(double relative_tolerance, std::span<const double> absolute_tolerance) = 0;
  /// Integrates to t_out without stepping past t_stop (>= t_out) and writes y(t_out) into y.
  /// Throws SolverError (with the statistics in its message) when the integrator fails.
  virtual void advance(double t_out, double t_stop, std::span<double> y) = 0;
  /// Since the last reinitialize() (reinitializations: 0).
  [[nodiscard]] virtual IntegratorStatistics statistics() const = 0;
  /// Since construction, with the number of reinitialize() calls after the first start.
  [[nodiscard]] virtual IntegratorStatistics total_statistics() const = 0;
};

}  // namespace dermasim::numerics
