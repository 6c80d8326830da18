// Verification 4 (issue 4): the finite-volume discretization converges with order ≈ 2 on a
// smooth manufactured solution on graded grids, and the integrator meets its tolerance.
//  - Space: steady −D u'' + k u = 0 on (0, L), u(0) = 1 (donor), u(L) = 0 (sink), whose
//    solution u = sinh(m (L − x)) / sinh(m L), m = sqrt(k/D), is smooth; each grid halves
//    every cell of the previous one in the graded mapping (first cell / 2, growth^(1/2)).
//  - Time: the semi-discrete system dy/dt = J y is solved exactly with a matrix exponential
//    and compared with CVODE's solution.

#include <cmath>
#include <vector>

#include <fmt/format.h>
#include <gtest/gtest.h>
#include <Eigen/Dense>
#include <Eigen/SparseLU>
#include <unsupported/Eigen/MatrixFunctions>

#include "transport/layered_column.hpp"
#include "transport/transport_model.hpp"

namespace dermasim::transport {
namespace {

constexpr double thickness_m = 100e-6;
constexpr double diffusivity_m2_s = 1e-10;
constexpr double rate_per_s = 4e-2;  // m L = 2

Layer membrane() {
  return {Compartment::stratum_corneum, Length::from_si(thickness_m),
          Material{Diffusivity::from_si(diffusivity_m2_s), 1.0, 1.0, Rate::from_si(rate_per_s), Rate{}}};
}

Eigen::MatrixXd dense_jacobian(const FiniteVolumeSystem& system, double t) {
  const auto& pattern = system.jacobian_pattern();
  std::vector<double> values(pattern.n_nonzeros());
  system.jacobian(t, values);
  const auto n = static_cast<Eigen::Index>(system.n_states());
  Eigen::MatrixXd matrix = Eigen::MatrixXd::Zero(n, n);
  for (std::size_t row = 0; row + 1 < pattern.row_start.size(); ++row) {
    for (auto k = pattern.row_start[row]; k < pattern.row_start[row + 1]; ++k) {
      matrix(static_cast<Eigen::Index>(row), pattern.column_index[k]) += values[k];
    }
  }
  return matrix;
}

struct SteadyError {
  double max_value_error;
  double outflow_error;
};

SteadyError steady_error(double first_cell, double growth) {
  auto system = build_layered_column({membrane()}, Receptor::sink,
                                     GridResolution{.finest_cell = Length::from_si(first_cell),
                                                    .growth = growth,
                                                    .min_cells_per_segment = 1,
                                                    .largest_cell_fraction = 0.0,
                                                    .barrier_largest_cell_fraction = 0.0});
  system.set_vehicle(VehicleMode::reservoir, 0.0);
  const auto jacobian = dense_jacobian(system, 0.0);
  const auto n = static_cast<Eigen::Index>(system.n_cells()) - 1;
  const Eigen::MatrixXd cells = jacobian.block(1, 1, n, n);
  const Eigen::VectorXd right = -jacobian.block(1, 0, n, 1);  // u_vehicle = 1
  const Eigen::VectorXd u = cells.partialPivLu().solve(right);

  const double m = std::sqrt(rate_per_s / diffusivity_m2_s);
  const auto& faces = system.slab_faces();
  double worst = 0.0;
  for (Eigen::Index i = 0; i < n; ++i) {
    const double x = 0.5 * (faces[i] + faces[i + 1]);
    const double exact = std::sinh(m * (thickness_m - x)) / std::sinh(m * thickness_m);
    worst = std::max(worst, std::abs(u(i) - exact));
  }
  std::vector<double> y(system.n_states(), 0.0);
  y[0] = 1.0;
  for (Eigen::Index i = 0; i < n; ++i) y[i + 1] = u(i);
  const double bottom_flux = system.outflow_rate(0.0, y);
  const double exact_flux = diffusivity_m2_s * m / std::sinh(m * thickness_m);
  return {worst, std::abs(bottom_flux - exact_flux) / exact_flux};
}

TEST(ConvergenceOrder, SpatialOrderOnGradedGridsIsTwoWithinPointOne) {
  const auto coarse = steady_error(2e-6, 1.2);
  const auto medium = steady_error(1e-6, std::sqrt(1.2));
  const auto fine = steady_error(0.5e-6, std::sqrt(std::sqrt(1.2)));

  const double value_order = std::log2(medium.max_value_error / fine.max_value_error);
  const double flux_order = std::log2(medium.outflow_error / fine.outflow_error);

  RecordProperty("value_order", fmt::format("{:.4e}", value_order));
  RecordProperty("flux_order", fmt::format("{:.4e}", flux_order));
  EXPECT_NEAR(value_order, 2.0, 0.1) << coarse.max_value_error << " " << medium.max_value_error << " "
                                     << fine.max_value_error;
  EXPECT_NEAR(flux_order, 2.0, 0.1) << coarse.outflow_error << " " << medium.outflow_error << " " << fine.outflow_error;
}

double integrator_error(double relative_tolerance) {
  SkinModel skin;
  skin.layers = {membrane()};
  TransportModel model(skin, Fidelity::fast,
                       GridResolution{.finest_cell = micrometres(4),
                                      .growth = 1.2,
                                      .min_cells_per_segment = 1,
                                      .largest_cell_fraction = 0.0,
                                      .barrier_largest_cell_fraction = 0.0},
                       SolverOptions{relative_tolerance, 1e-3 * relative_tolerance, TimeScheme::cvode});
  Application application;
  application.constant_donor = 1.0 * units::milligram_per_millilitre;
  application.duration = Time::from_si(20.0);  // a transient: ~0.2 of L²/D
  application.n_samples = 4;
  auto state = model.initial_state();
  (void)model.apply(state, application);

  const auto jacobian = dense_jacobian(model.system(), 0.0);
  Eigen::VectorXd y0 = Eigen::VectorXd::Zero(jacobian.rows());
  y0(0) = 1.0;
  double worst = 0.0;
  const Eigen::VectorXd exact_end = (jacobian * application.duration.si()).exp() * y0;
  for (std::size_t i = 1; i < model.system().n_cells(); ++i) {
    worst = std::max(worst, std::abs(state.values[i] - exact_end(static_cast<Eigen::Index>(i))));
  }
  return worst;  // u is of order 1
}

TEST(ConvergenceOrder, IntegratorErrorStaysWithinTenTimesItsRelativeTolerance) {
  for (const double tolerance : {1e-5, 1e-7}) {
    const double error = integrator_error(tolerance);
    EXPECT_LT(error, 10.0 * tolerance) << "rtol " << tolerance;
    RecordProperty("error_at_rtol_" + std::to_string(tolerance), fmt::format("{:.4e}", error));
  }
}

}  // namespace
}  // namespace dermasim::transport
