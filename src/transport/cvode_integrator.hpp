#pragma once
// Implicit adaptive time integration of an OdeSystem (docs/transport.md §2): SUNDIALS
// CVODE, variable-order BDF with error control, Newton iteration with the system's exact sparse
// Jacobian factorized by KLU. This is the one file that talks to SUNDIALS; every failure
// status becomes a SolverError with the integrator's statistics, so the caller sees why.
// Linear-solution scaling is off so that a linear invariant of the system (the total amount)
// is preserved by each Newton correction to round-off.

#include <memory>
#include <span>
#include <string>
#include <vector>

#include "transport/ode_system.hpp"

namespace dermasim::transport {

struct IntegratorStatistics {
  long steps = 0;
  long rhs_evaluations = 0;
  long jacobian_evaluations = 0;
  long linear_setups = 0;
  long nonlinear_iterations = 0;
  long error_test_failures = 0;
  [[nodiscard]] std::string summary() const;
};

/// What the transport model needs from a time integrator (CVODE or the fixed-step BDF2).
class TimeIntegrator {
 public:
  virtual ~TimeIntegrator() = default;
  /// Restarts from (t0, y0): after construction and after every event that changes the state
  /// or the operator (events are stops: the integrator never steps across one).
  virtual void reinitialize(double t0, std::span<const double> y0) = 0;
  virtual void set_tolerances(double relative_tolerance, std::span<const double> absolute_tolerance) = 0;
  /// Integrates to t_out without stepping past t_stop (>= t_out); writes y(t_out) into y.
  virtual void advance(double t_out, double t_stop, std::span<double> y) = 0;
  /// Statistics accumulated since the last reinitialize().
  [[nodiscard]] virtual IntegratorStatistics statistics() const = 0;
};

class CvodeIntegrator final : public TimeIntegrator {
 public:
  /// @pre absolute_tolerance.size() == system.n_states(), all entries > 0; 0 < relative < 1.
  /// The system must outlive the integrator.
  CvodeIntegrator(const OdeSystem& system, double relative_tolerance,
                  std::span<const double> absolute_tolerance);
  ~CvodeIntegrator() override;
  CvodeIntegrator(const CvodeIntegrator&) = delete;
  CvodeIntegrator& operator=(const CvodeIntegrator&) = delete;
  CvodeIntegrator(CvodeIntegrator&&) noexcept;
  CvodeIntegrator& operator=(CvodeIntegrator&&) noexcept;

  void reinitialize(double t0, std::span<const double> y0) override;
  void set_tolerances(double relative_tolerance, std::span<const double> absolute_tolerance) override;
  /// Throws SolverError when CVODE fails.
  void advance(double t_out, double t_stop, std::span<double> y) override;
  [[nodiscard]] IntegratorStatistics statistics() const override;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace dermasim::transport
