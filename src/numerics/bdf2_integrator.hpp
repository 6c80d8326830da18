#pragma once
// A hand-written alternative to CVODE for linear systems dy/dt = J(t) y with the symmetric
// structure OdeSystem::symmetric_weights() describes (the transport operator,
// docs/transport.md, "Time integration"; the `fast` default): variable-step BDF2 with a geometric start-up, each
// linear system factorized once per distinct (h, ω) and operator and reused for every step.
// No error control: the caller chooses the step schedule (docs/transport.md compares schemes).

#include <memory>
#include <span>
#include <vector>

#include "numerics/ode_system.hpp"
#include "numerics/time_integrator.hpp"

namespace dermasim::numerics {

/// The step sequence after each restart: backward Euler at step / 2^startup_halvings, BDF2
/// steps doubling to `step`, then — with a positive `growth` — doubling again whenever the
/// time since the restart exceeds step / growth, up to `max_step`. A diffusive transient
/// after an event varies on the scale of the time elapsed since it, so steps in proportion
/// to that time keep the error per step even; whole doublings keep the number of distinct
/// (h, ω) — factorizations — to two per level.
struct Bdf2Schedule {
  double step_s = 300.0;
  int startup_halvings = 4;
  double max_step_s = 0.0;  // 0: step_s (no growth)
  double growth = 0.0;      // step ≤ growth × time since the restart; 0: fixed step
};

/// With the weights W of the weighted ("free") unknowns each step solves
///   W (a0 I − h J) y_{n+1} = W [(1 + ω) y_n − ω²/(1 + ω) y_{n−1}],  a0 = (1 + 2ω)/(1 + ω),
/// symmetric positive definite: by a band LDLᵀ (banded_ldlt.hpp) when the free unknowns form a
/// narrow band in their natural order (the 1-D columns), else by CHOLMOD's sparse LDLᵀ
/// (sparse_ldlt.hpp), ordered once per set of free unknowns. The unweighted unknowns are solved
/// before (those the free rows reference, uncoupled themselves: a fixed vehicle; a constant one
/// is kept exactly) or after (the accumulated amounts) by substitution in the same formula, so
/// a linear invariant (the total amount) is conserved to round-off. A new operator costs only
/// numeric factorizations. Steps keep their length across output times (CVODE's "normal"
/// mode): an output inside a step is the linear interpolation of its two ends — second order
/// like the scheme, and exact for the linear invariants — so outputs cost no factorizations.
/// Steps never pass t_stop (an event) and land on it exactly. When the system is time
/// dependent (healing channels), J is taken at t_{n+1} each step and refactorized while an
/// entry still changes by more than 1e-3 of its row's largest entry.
class Bdf2Integrator final : public TimeIntegrator {
 public:
  /// @pre schedule.step_s > 0; the system has a Jacobian, is linear (f = J(t) y) and has
  /// symmetric weights. The system must outlive the integrator and change only between
  /// intervals, each change followed by reinitialize().
  Bdf2Integrator(const OdeSystem& system, Bdf2Schedule schedule);
  ~Bdf2Integrator() override;

  void reinitialize(double t0, std::span<const double> y0) override;
  void set_tolerances(double, std::span<const double>) override {}
  /// Throws IntegrationError (integration_error.hpp) when a step's matrix cannot be factorized.
  void advance(double t_out, double t_stop, std::span<double> y) override;
  [[nodiscard]] IntegratorStatistics statistics() const override { return statistics_; }
  [[nodiscard]] IntegratorStatistics total_statistics() const override;

 private:
  struct Factorization;
  struct Structure;
  Factorization& factorization(double step, double ratio);
  Structure& structure_for(const std::vector<double>& weights);
  void step(double step, double ratio);
  void refresh_operator(double t);
  void check_known_rows() const;

  const OdeSystem& system_;
  double target_step_;
  int startup_halvings_;
  double max_step_;
  double growth_;
  double start_time_ = 0.0;                             // of the last restart
  std::vector<std::unique_ptr<Structure>> structures_;  // one per set of free unknowns seen
  Structure* structure_ = nullptr;                      // the current one
  std::vector<double> weights_;                         // of the current interval
  long operator_version_ = 0;                           // counts operator changes; factorizations carry theirs
  long use_counter_ = 0;
  std::vector<double> current_, previous_, jacobian_values_, candidate_values_, history_, next_;
  double time_ = 0.0;
  double last_step_ = 0.0;  // 0 before the first step
  std::size_t steps_since_start_ = 0;
  bool started_ = false;
  IntegratorStatistics statistics_;
  IntegratorStatistics before_restart_;
};

}  // namespace dermasim::numerics
