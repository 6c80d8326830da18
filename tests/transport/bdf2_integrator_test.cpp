#include "transport/bdf2_integrator.hpp"

#include <cmath>

#include <gtest/gtest.h>

#include "transport/reference_problems.hpp"

namespace dermasim::transport {
namespace {

const GridResolution coarse{.finest_cell = micrometres(1), .growth = 1.3, .min_cells_per_segment = 3,
                            .largest_cell_fraction = 0.2, .barrier_largest_cell_fraction = 0.1};

double outflow_at_8h(TimeScheme scheme, double step_s, double rtol = 1e-10) {
  TransportModel model(reference::problem_a_skin(), Fidelity::fast, coarse,
                       SolverOptions{rtol, 1e-6 * rtol, scheme, seconds(step_s)});
  auto application = reference::constant_donor_application();
  application.duration = hours(8);
  auto state = model.initial_state();
  const auto result = model.apply(state, application);
  EXPECT_LT(result.mass_balance_relative_error, 1e-10);
  return result.final_amounts.receptor;
}

TEST(Bdf2Integrator, TimeErrorFallsWithOrderTwoWhenTheStepIsHalved) {
  const double reference = outflow_at_8h(TimeScheme::cvode, 0.0);

  const double e600 = std::abs(outflow_at_8h(TimeScheme::fixed_step_bdf2, 600) - reference);
  const double e300 = std::abs(outflow_at_8h(TimeScheme::fixed_step_bdf2, 300) - reference);
  const double e150 = std::abs(outflow_at_8h(TimeScheme::fixed_step_bdf2, 150) - reference);

  EXPECT_NEAR(std::log2(e300 / e150), 2.0, 0.15) << e600 << " " << e300 << " " << e150;
  EXPECT_LT(e150 / reference, 1e-3);
}

TEST(Bdf2Integrator, HealingChannelsFollowCvodeWithinHalfAPercent) {
  SkinModel skin = reference::problem_b_skin();
  skin.receptor = Receptor::clearance;  // in vivo: the channels heal (τ = 1 h)
  skin.layers[2].material.clearance = 0.5 * units::per_hour;
  skin.closure_time_constant = hours(1);
  const auto run = [&](SolverOptions options) {
    TransportModel model(skin, Fidelity::fast, coarse, options);
    auto application = reference::constant_donor_application();
    application.duration = hours(8);
    auto state = model.initial_state();
    return model.apply(state, application);
  };

  const auto adaptive = run(SolverOptions{1e-8, 1e-10, TimeScheme::cvode});
  const auto fixed = run(SolverOptions{1e-6, 1e-8, TimeScheme::fixed_step_bdf2, seconds(60)});

  EXPECT_NEAR(fixed.final_amounts.cleared / adaptive.final_amounts.cleared, 1.0, 5e-3);
  EXPECT_LT(fixed.mass_balance_relative_error, 1e-10);
}

}  // namespace
}  // namespace dermasim::transport
