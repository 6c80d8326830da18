#pragma once
// SUNDIALS CVODE (variable-order BDF with error control) wrapped once for every layer; its .cpp
// is the only file that creates a CVODE instance. Every failure status becomes
// a SolverError carrying CVODE's flag, its own words and the statistics; events are stops:
// advance() never passes t_stop, and reinitialize() restarts after the event.

#include <memory>
#include <span>

#include "numerics/ode_system.hpp"
#include "numerics/time_integrator.hpp"

namespace dermasim::numerics {

struct CvodeOptions {
  double relative_tolerance = 1e-6;
  double absolute_tolerance = 1e-9;  // the same for every state; set_tolerances() for one per state
  long max_steps = 200000;           // CVODE's limit on steps between two outputs
};

/// The Newton systems I − γJ are solved by
///   - a sparse LDLᵀ of the weighted symmetric block when the system has a Jacobian and
///     symmetric weights (the transport operator; twice to several times cheaper than LU),
///   - KLU's sparse LU when it has a Jacobian only,
///   - a dense LU of difference quotients when it has none (the response equations: CVODE's
///     diagonal approximation, CVDiag, accepted a PIH peak 36 % too high at relative
///     tolerance 1e-4, because it ignores the injury → inflammation coupling).
/// With an exact Jacobian the linear-solution scaling is off, so that each Newton correction
/// preserves a linear invariant of the system (the transport's total amount) to round-off.
/// An exception thrown by the system reaches the caller of advance() unchanged.
/// Invariant: time() is the time of the last state returned (or of the last restart).
class CvodeIntegrator final : public TimeIntegrator {
 public:
  /// @pre system.n_states() > 0; a Jacobian pattern, if any, square with n_states rows;
  /// tolerances as set_tolerances() states. The system must outlive the integrator.
  /// reinitialize() must be called before the first advance().
  explicit CvodeIntegrator(const OdeSystem& system, CvodeOptions options = {});
  /// One absolute tolerance per state (or one for all), the other options at their defaults.
  CvodeIntegrator(const OdeSystem& system, double relative_tolerance, std::span<const double> absolute_tolerance);
  ~CvodeIntegrator() override;
  CvodeIntegrator(const CvodeIntegrator&) = delete;
  CvodeIntegrator& operator=(const CvodeIntegrator&) = delete;
  CvodeIntegrator(CvodeIntegrator&&) noexcept;
  CvodeIntegrator& operator=(CvodeIntegrator&&) noexcept;

  void reinitialize(double t0, std::span<const double> y0) override;
  void set_tolerances(double relative_tolerance, std::span<const double> absolute_tolerance) override;
  /// @pre time() <= t_out <= t_stop; y.size() == n_states(). Throws IntegrationError (a
  /// SolverError, integration_error.hpp) when CVODE fails.
  void advance(double t_out, double t_stop, std::span<double> y) override;
  [[nodiscard]] IntegratorStatistics statistics() const override;
  [[nodiscard]] IntegratorStatistics total_statistics() const override;

  [[nodiscard]] double time() const;
  [[nodiscard]] std::size_t n_states() const;

  struct Impl;  // CVODE's handles; public only so that the C callbacks can name it

 private:
  std::unique_ptr<Impl> impl_;
};

}  // namespace dermasim::numerics
