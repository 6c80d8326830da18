// Verification 5 (issue 4): with properties uniform in r (channel fluid identical to the
// tissue it crosses) the 2-D axisymmetric unit cell reproduces the 1-D column to 1e-6.

#include <algorithm>
#include <cmath>

#include <fmt/format.h>
#include <gtest/gtest.h>

#include "transport/reference_problems.hpp"
#include "transport/transport_model.hpp"

namespace dermasim::transport {
namespace {

TEST(AxisymmetricVsColumn, UniformPropertiesGiveTheOneDimensionalAmountsToOnePartPerMillion) {
  SkinModel column = reference::problem_a_skin();
  column.layers[0].material.diffusivity = square_centimetres_per_second(1e-8);
  SkinModel cell = column;
  ChannelArray channels;
  channels.channels_per_cm2 = 250;
  channels.radius = micrometres(35);
  channels.depth = micrometres(15);            // ends at the SC/VE interface: same z grid
  channels.fluid = column.layers[0].material;  // the "channel" is stratum corneum
  cell.channels = channels;
  const GridResolution resolution{
      .finest_cell = micrometres(1.0), .growth = 1.3, .min_cells_per_segment = 3, .finest_radial = micrometres(2.0)};
  const SolverOptions tight{1e-9, 1e-6};
  TransportModel one_d(column, Fidelity::full, resolution, tight);
  TransportModel two_d(cell, Fidelity::full, resolution, tight);
  ASSERT_EQ(two_d.n_cells() % one_d.n_cells(), 0u);
  const auto application = reference::constant_donor_application();

  auto state_1d = one_d.initial_state();
  auto state_2d = two_d.initial_state();
  const auto result_1d = one_d.apply(state_1d, application);
  const auto result_2d = two_d.apply(state_2d, application);

  ASSERT_EQ(result_1d.samples.size(), result_2d.samples.size());
  double worst = 0.0;
  for (std::size_t k = 1; k < result_1d.samples.size(); ++k) {
    worst =
        std::max(worst, std::abs(result_2d.samples[k].amounts.receptor / result_1d.samples[k].amounts.receptor - 1.0));
  }
  RecordProperty("worst_receptor_difference", fmt::format("{:.4e}", worst));
  for (std::size_t k = 1; k < result_1d.samples.size(); ++k) {
    const auto& a = result_1d.samples[k].amounts;
    const auto& b = result_2d.samples[k].amounts;
    EXPECT_NEAR(b.receptor / a.receptor, 1.0, 1e-6) << "sample " << k;
    EXPECT_NEAR(b.in_skin() / a.in_skin(), 1.0, 1e-6) << "sample " << k;
  }
}

}  // namespace
}  // namespace dermasim::transport
