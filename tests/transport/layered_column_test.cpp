#include "transport/layered_column.hpp"

#include <cmath>

#include <gtest/gtest.h>

#include "transport/transport_model.hpp"

namespace dermasim::transport {
namespace {

const Material tissue{square_centimetres_per_second(6e-6), 0.6, 3.0};
const Material barrier{square_centimetres_per_second(1e-9), 20.0, 1.0};

std::vector<Layer> two_layers() {
  return {{Compartment::stratum_corneum, micrometres(15), barrier},
          {Compartment::viable_epidermis, micrometres(100), tissue}};
}

TEST(LayeredColumn, CellCapacitiesAddUpToEachLayersPartitionTimesThickness) {
  const auto system = build_layered_column(two_layers(), Receptor::sink, GridResolution{});

  double stratum_corneum = 0.0, viable = 0.0;
  for (const auto& cell : system.cells()) {
    if (cell.compartment == Compartment::stratum_corneum) stratum_corneum += cell.capacity;
    if (cell.compartment == Compartment::viable_epidermis) viable += cell.capacity;
  }

  EXPECT_NEAR(stratum_corneum / (20.0 * 15e-6), 1.0, 1e-12);
  EXPECT_NEAR(viable / (0.6 * 3.0 * 100e-6), 1.0, 1e-12);
}

TEST(LayeredColumn, AnnulusShapeFactorApproachesLogRatioMinusThreeQuartersForThinChannels) {
  // For a ≪ R, F → ln(R/a) − 3/4 (the Peaceman/Warren–Root shape factor).
  const double shape = annulus_shape_factor(1.0, 1e-4);

  EXPECT_NEAR(shape, std::log(1e4) - 0.75, 1e-6);
}

TEST(LayeredColumn, TwoPathwayColumnSplitsCapacityByTheOpenAreaFraction) {
  ChannelArray channels{250.0, micrometres(60), micrometres(35),
                        Material{square_centimetres_per_second(6e-6), 1.0, 1.0}};
  const auto system = build_two_pathway_column(two_layers(), channels, Receptor::sink, GridResolution{});

  double channel = 0.0, total = 0.0;
  for (const auto& cell : system.cells()) {
    total += cell.capacity;
    if (cell.is_channel) channel += cell.capacity;
  }
  // Channel cells above 60 µm hold fluid (K R = 1) over the open area φ.
  EXPECT_NEAR(channel / (channels.open_area_fraction() * 60e-6), 1.0, 1e-9);
  const double tissue_part = (1.0 - channels.open_area_fraction()) * (20.0 * 15e-6 + 1.8 * 100e-6) +
                             channels.open_area_fraction() * 1.8 * 55e-6;
  EXPECT_NEAR(total / (tissue_part + channels.open_area_fraction() * 60e-6), 1.0, 1e-9);
}

TEST(LayeredColumn, TwoPathwayWithTissueFilledChannelsEqualsTheIntactColumn) {
  ChannelArray channels{250.0, micrometres(15), micrometres(35), barrier};
  SkinModel intact{two_layers(), Receptor::sink, std::nullopt};
  SkinModel needled = intact;
  needled.channels = channels;
  TransportModel a(intact, Fidelity::fast), b(needled, Fidelity::fast);
  Application application;
  application.constant_donor = 1.0 * units::milligram_per_millilitre;
  application.duration = hours(6);
  auto state_a = a.initial_state();
  auto state_b = b.initial_state();

  const auto result_a = a.apply(state_a, application);
  const auto result_b = b.apply(state_b, application);

  EXPECT_NEAR(result_b.final_amounts.receptor / result_a.final_amounts.receptor, 1.0, 1e-5);
}

}  // namespace
}  // namespace dermasim::transport
