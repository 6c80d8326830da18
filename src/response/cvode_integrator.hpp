#pragma once
// CVODE (SUNDIALS 6, BDF with a dense direct linear solver) wrapped once for the response
// layer (docs/model-response.md), apart from the problem it integrates: the problem is a
// right-hand side given as a function, events are stops (`set_stop_time`) followed by
// `reinitialize`, and every CVODE status that is not success becomes a SolverError carrying
// the integrator's statistics.

#include <cstddef>
#include <functional>
#include <memory>
#include <span>
#include <string>

namespace dermasim::response {

/// Outcome of one right-hand-side evaluation (SUNDIALS CVRhsFn convention): a recoverable
/// failure asks CVODE to retry with a smaller step.
enum class RhsStatus { ok, recoverable_failure, unrecoverable_failure };

/// Newton systems are solved by a dense LU of the difference-quotient Jacobian. (CVODE's
/// diagonal approximation, CVDiag, was tried: at relative tolerance 1e-4 it accepted a wrong
/// PIH peak, +36 %, because it ignores the injury → inflammation coupling.)
struct IntegratorOptions {
  double relative_tolerance = 1e-6;
  double absolute_tolerance = 1e-9;  // the same for every component (states are O(1))
};

struct IntegratorStatistics {
  long steps = 0;
  long rhs_evaluations = 0;
  long error_test_failures = 0;
  long nonlinear_convergence_failures = 0;
  long reinitializations = 0;
};

/// Integrates y' = f(t, y) with CVODE BDF. Time is in seconds (SI); the caller's state is
/// copied in and out, CVODE owns its own vectors.
/// Invariant: time() is the time of the last returned state.
class CvodeIntegrator {
 public:
  using RightHandSide =
      std::function<RhsStatus(double t, std::span<const double> y, std::span<double> ydot)>;

  /// @pre n_states > 0, rhs callable, tolerances positive, y0.size() == n_states.
  CvodeIntegrator(std::size_t n_states, RightHandSide rhs, IntegratorOptions options,
                  double t0, std::span<const double> y0);
  ~CvodeIntegrator();
  CvodeIntegrator(const CvodeIntegrator&) = delete;
  CvodeIntegrator& operator=(const CvodeIntegrator&) = delete;
  CvodeIntegrator(CvodeIntegrator&&) noexcept;
  CvodeIntegrator& operator=(CvodeIntegrator&&) noexcept;

  /// Restarts the integrator at (t, y) after an event changed the state or the right-hand
  /// side discontinuously. @pre y.size() == n_states().
  void reinitialize(double t, std::span<const double> y);

  /// CVODE never steps past `t_stop` (an event time). @pre t_stop > time().
  void set_stop_time(double t_stop);

  /// Advances to `t_out` (interpolating when CVODE stepped beyond it) and writes the state
  /// into `y`. @pre t_out >= time(), y.size() == n_states(); throws SolverError on failure.
  void advance(double t_out, std::span<double> y);

  [[nodiscard]] double time() const;
  [[nodiscard]] std::size_t n_states() const;
  [[nodiscard]] IntegratorStatistics statistics() const;

  struct Impl;  // CVODE's handles; public only so that the C callbacks can name it

 private:
  std::unique_ptr<Impl> impl_;
};

}  // namespace dermasim::response
