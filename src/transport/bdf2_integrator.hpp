#pragma once
// A hand-written alternative to CVODE for the linear transport operator (MODEL.md §1,
// "Discretization"; the `fast` default): variable-step BDF2 with a geometric
// start-up (backward Euler at h/2^k, then steps doubling to h), each linear system
//   C (a0 I − h J) y_{n+1} = C [(1 + ω) y_n − ω²/(1 + ω) y_{n−1}],  a0 = (1 + 2ω)/(1 + ω),
// symmetric positive definite after scaling by the capacities C, factorized once per distinct
// (h, ω) by a sparse LDLᵀ (Eigen, AMD ordering) and reused for every step. The accumulated
// amounts follow the same BDF2 formula, so the total amount is conserved to round-off.
// When channels heal, J is taken at t_{n+1} each step and refactorized while an entry still
// changes by more than 1e-3 of its row's largest entry. No error control: the caller chooses the step
// (BENCHMARKS.md compares schemes at equal error).

#include <memory>
#include <span>
#include <vector>

#include "transport/cvode_integrator.hpp"
#include "transport/finite_volume_system.hpp"

namespace dermasim::transport {

class Bdf2Integrator final : public TimeIntegrator {
 public:
  /// @pre step_s > 0. The system must outlive the integrator.
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
  void refresh_operator(double t);

  const FiniteVolumeSystem& system_;
  double target_step_;
  int startup_halvings_;
  std::vector<std::unique_ptr<Factorization>> factorizations_;
  std::unique_ptr<Ordering> ordering_;
  int ordering_mode_ = -1;  // the vehicle mode the ordering was computed for
  std::vector<double> current_, previous_, jacobian_values_;
  double time_ = 0.0;
  double last_step_ = 0.0;   // 0 before the first step
  std::size_t steps_since_start_ = 0;
  IntegratorStatistics statistics_;
};

}  // namespace dermasim::transport
