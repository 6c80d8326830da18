#include "transport/axisymmetric_cell.hpp"

#include <gtest/gtest.h>

namespace dermasim::transport {
namespace {

const std::vector<Layer> layers{
    {Compartment::stratum_corneum, micrometres(15), {square_centimetres_per_second(1e-9), 10.0, 1.0}},
    {Compartment::viable_epidermis, micrometres(60), {square_centimetres_per_second(6e-6), 1.0, 2.0}},
    {Compartment::dermis, micrometres(400), {square_centimetres_per_second(6e-6), 1.0, 2.0}}};
const ChannelArray channels{245.0, micrometres(200), micrometres(35), {square_centimetres_per_second(6e-6), 1.0, 1.0}};

TEST(AxisymmetricCell, UnitCellRadiusGivesOneChannelPerEqualArea) {
  EXPECT_NEAR(channels.unit_cell_radius().in(units::micrometre), 360.5, 0.5);
  EXPECT_NEAR(channels.open_area_fraction(), std::pow(35.0 / 360.5, 2), 1e-4);
}

TEST(AxisymmetricCell, CellCountMatchesTheGridAndVolumesFillTheUnitCell) {
  const GridResolution resolution;
  const auto grid = axisymmetric_grid(layers, channels, resolution);

  const auto system = build_axisymmetric_cell(layers, channels, Receptor::sink, resolution);

  EXPECT_EQ(system.n_cells(), grid.n_cells() + 1);  // plus the vehicle
  double channel = 0.0, barrier = 0.0;
  for (const auto& cell : system.cells()) {
    if (cell.is_channel) channel += cell.capacity;
    if (cell.compartment == Compartment::stratum_corneum && !cell.is_channel) barrier += cell.capacity;
  }
  // The channel wall r = a is a grid line: the channel holds exactly φ·depth of fluid.
  EXPECT_NEAR(channel / (channels.open_area_fraction() * 200e-6), 1.0, 1e-9);
  EXPECT_NEAR(barrier / ((1.0 - channels.open_area_fraction()) * 10.0 * 15e-6), 1.0, 1e-9);
}

TEST(AxisymmetricCell, GridIsFinestAtTheChannelWall) {
  const GridResolution resolution{.finest_radial = micrometres(0.5)};

  const auto grid = axisymmetric_grid(layers, channels, resolution);

  const auto& r = grid.radial_faces;
  const auto wall = std::find_if(r.begin(), r.end(), [](double x) { return std::abs(x - 35e-6) < 1e-12; });
  ASSERT_NE(wall, r.end());
  EXPECT_LE(*wall - *(wall - 1), 0.5e-6 + 1e-15);
  EXPECT_LE(*(wall + 1) - *wall, 0.5e-6 + 1e-15);
}

}  // namespace
}  // namespace dermasim::transport
