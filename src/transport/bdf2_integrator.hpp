#pragma once
// A hand-written alternative to CVODE for the linear, time-independent transport operator
// (Franz cell; intact skin; channels that do not heal): variable-step BDF2 with a geometric
// start-up (backward Euler at h/2^k, then steps doubling to h), each linear system
//   C (a0 I − h J) y_{n+1} = C [(1 + ω) y_n − ω²/(1 + ω) y_{n−1}],  a0 = (1 + 2ω)/(1 + ω),
// symmetric positive definite after scaling by the capacities C, factorized once per distinct
// (h, ω) by a sparse LDLᵀ (Eigen, AMD ordering) and reused for every step. The accumulated
// amounts follow the same BDF2 formula, so the total amount is conserved to round-off.
// No error control: the step is chosen by the caller (BENCHMARKS.md compares at equal error).

#include <memory>
#include <span>
#include <vector>

#include "transport/cvode_integrator.hpp"
#include "transport/finite_volume_system.hpp"

namespace dermasim::transport {

class Bdf2Integrator final : public TimeIntegrator {
 public:
  /// @pre step_s > 0; the system's operator does not change with time between events
  /// (checked: no healing channels). The system must outlive the integrator.
  Bdf2Integrator(const FiniteVolumeSystem& system, double step_s, int startup_halvings = 4);
  ~Bdf2Integrator() override;

  void reinitialize(double t0, std::span<const double> y0) override;
  void set_tolerances(double, std::span<const double>) override {}
  /// Steps of at most the target step to exactly t_out (t_stop is not needed: every step
  /// lands on or before t_out).
  void advance(double t_out, double t_stop, std::span<double> y) override;
  [[nodiscard]] IntegratorStatistics statistics() const override { return statistics_; }

 private:
  struct Factorization;
  struct Ordering;
  Factorization& factorization(double step, double ratio);
  void step(double step, double ratio);

  const FiniteVolumeSystem& system_;
  double target_step_;
  int startup_halvings_;
  std::vector<std::unique_ptr<Factorization>> factorizations_;
  std::unique_ptr<Ordering> ordering_;
  std::vector<double> current_, previous_, jacobian_values_;
  double time_ = 0.0;
  double last_step_ = 0.0;   // 0 before the first step
  std::size_t steps_since_start_ = 0;
  IntegratorStatistics statistics_;
};

}  // namespace dermasim::transport
