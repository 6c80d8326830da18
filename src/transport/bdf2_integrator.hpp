#pragma once
// A hand-written alternative to CVODE for the linear transport operator (MODEL.md §1,
// "Discretization"; the `fast` default): variable-step BDF2 with a geometric
// start-up (backward Euler at h/2^k, then steps doubling to h), each linear system
//   C (a0 I − h J) y_{n+1} = C [(1 + ω) y_n − ω²/(1 + ω) y_{n−1}],  a0 = (1 + 2ω)/(1 + ω),
// symmetric positive definite after scaling by the capacities C, factorized once per distinct
// (h, ω) and reused for every step: by a band LDLᵀ (banded_ldlt.hpp) when the unknowns form a band
// in their natural order (the 1-D columns), else by a sparse LDLᵀ (Eigen). The ordering and
// where each Jacobian entry goes are worked out once per vehicle mode and kept across operator
// changes (a new barrier each application, a wash-off): a new operator costs only numeric
// factorizations. The accumulated amounts follow the same BDF2 formula, so the total amount is
// conserved to round-off.
// Steps keep their length across output times (CVODE's "normal" mode): an output inside a
// step is the linear interpolation of its two ends — second order like the scheme, and exact
// for the linear invariants (total amount) — so outputs cost no extra factorizations. Steps
// never pass t_stop (an event) and land on it exactly.
// When channels heal, J is taken at t_{n+1} each step and refactorized while an entry still
// changes by more than 1e-3 of its row's largest entry. No error control: the caller chooses the step
// (BENCHMARKS.md compares schemes at equal error).

#include <array>
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
  void advance(double t_out, double t_stop, std::span<double> y) override;
  [[nodiscard]] IntegratorStatistics statistics() const override { return statistics_; }

 private:
  struct Factorization;
  struct ModeStructure;
  Factorization& factorization(double step, double ratio);
  ModeStructure& structure();
  void sparse_structure(ModeStructure& s, int n) const;
  void step(double step, double ratio);
  void refresh_operator(double t);

  const FiniteVolumeSystem& system_;
  double target_step_;
  int startup_halvings_;
  std::vector<std::unique_ptr<Factorization>> factorizations_;  // for the current operator
  std::array<std::unique_ptr<ModeStructure>, 3> structures_;    // per VehicleMode
  std::vector<double> current_, previous_, jacobian_values_, history_, next_;
  double time_ = 0.0;
  double last_step_ = 0.0;   // 0 before the first step
  std::size_t steps_since_start_ = 0;
  IntegratorStatistics statistics_;
};

}  // namespace dermasim::transport
