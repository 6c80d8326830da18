// docs/benchmarks.md problems A and B against their reference values of Q(t) at 1, 2, 4, 8, 12,
// 24 h (worst relative error over the six outputs; problem A also its steady flux and lag).

#include <fmt/format.h>
#include <gtest/gtest.h>

#include "transport/reference_problems.hpp"

namespace dermasim::transport {
namespace {

TEST(BenchmarkProblems, ProblemAMatchesTheTransferMatrixReferenceWithinPointOnePercent) {
  TransportModel model(reference::problem_a_skin(), Fidelity::full,
                       GridResolution{.finest_cell = micrometres(0.25),
                                      .growth = 1.25,
                                      .min_cells_per_segment = 3,
                                      .largest_cell_fraction = 0.05,
                                      .barrier_largest_cell_fraction = 0.025},
                       SolverOptions{1e-6, 1e-8});
  auto state = model.initial_state();

  const auto result = model.apply(state, reference::constant_donor_application());

  const auto outflow = reference::outflow_at_output_hours(result);
  EXPECT_LT(reference::worst_relative_error(outflow, reference::problem_a_mg_per_cm2), 1e-3);
  RecordProperty("worst_relative_error",
                 std::to_string(reference::worst_relative_error(outflow, reference::problem_a_mg_per_cm2)));
  const double flux_mg_cm2_s = result.samples.back().outflow.si() / units::milligram_per_square_centimetre.si();
  EXPECT_NEAR(flux_mg_cm2_s / reference::problem_a_steady_flux_mg_per_cm2_s, 1.0, 1e-3);
}

TEST(BenchmarkProblems, ProblemBMatchesTheExtrapolatedReferenceWithinOnePercent) {
  TransportModel model(reference::problem_b_skin(), Fidelity::full,
                       GridResolution{.finest_cell = micrometres(0.5),
                                      .growth = 1.3,
                                      .min_cells_per_segment = 3,
                                      .finest_radial = micrometres(0.5)},
                       SolverOptions{1e-5, 1e-8});
  auto state = model.initial_state();

  const auto result = model.apply(state, reference::constant_donor_application());

  const auto outflow = reference::outflow_at_output_hours(result);
  EXPECT_LT(reference::worst_relative_error(outflow, reference::problem_b_mg_per_cm2), 1e-2);
  RecordProperty("worst_relative_error",
                 std::to_string(reference::worst_relative_error(outflow, reference::problem_b_mg_per_cm2)));
  RecordProperty("cells", std::to_string(model.n_cells()));
}

}  // namespace
}  // namespace dermasim::transport
