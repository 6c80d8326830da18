#include "transport/skin_model_builder.hpp"

#include <string>

#include <gtest/gtest.h>
#include <toml++/toml.h>

namespace dermasim::transport {
namespace {

const Compound caffeine{"caffeine", 194.19, -0.07, std::nullopt, Ionization::neutral, std::nullopt, std::nullopt};
const SiteLayers site{micrometres(15), micrometres(60), micrometres(1000)};
const MicroneedleTreatment pen{300.0, millimetres(1.0), 0.77, micrometres(70.7), minutes(10)};

TEST(SkinModelBuilder, ChannelDepthIsTheDepthFractionOfTheNeedleAndRadiusHalfTheDiameter) {
  const TransportParameters parameters;
  const auto skin = build_skin_model(derive_properties(caffeine), site, Receptor::clearance, pen, false, parameters);

  ASSERT_TRUE(skin.channels.has_value());
  EXPECT_NEAR(skin.channels->depth.in(units::micrometre), 770.0, 1e-9);
  EXPECT_NEAR(skin.channels->radius.in(units::micrometre), 35.35, 1e-9);
  EXPECT_NEAR(skin.channels_opened_at.in(units::minute), -10.0, 1e-9);
  EXPECT_EQ(skin.closure_time_constant, parameters.closure_time_open);
}

TEST(SkinModelBuilder, OcclusionLengthensClosureAndAFranzCellHasNoClearance) {
  const TransportParameters parameters;
  const auto occluded = build_skin_model(derive_properties(caffeine), site, Receptor::clearance, pen, true, parameters);
  const auto franz = build_skin_model(derive_properties(caffeine), site, Receptor::sink, pen, false, parameters);

  EXPECT_EQ(occluded.closure_time_constant, parameters.closure_time_occluded);
  EXPECT_GT(occluded.layers[2].material.clearance.si(), 0.0);
  EXPECT_EQ(franz.layers[2].material.clearance.si(), 0.0);
  EXPECT_EQ(franz.layers[1].material.metabolism.si(), 0.0);
}

TEST(SkinModelBuilder, DefaultsAgreeWithDataTransportToml) {
  const auto file = toml::parse_file(std::string(DERMASIM_SOURCE_DIR) + "/data/transport.toml");
  const auto value = [&](const char* section, const char* key) {
    return file[section][key]["value"].value<double>().value();
  };
  const TransportParameters defaults;

  EXPECT_DOUBLE_EQ(defaults.properties.stratum_corneum_surface_ph, value("properties", "stratum_corneum_surface_ph"));
  EXPECT_DOUBLE_EQ(defaults.properties.viable_tissue_ph, value("properties", "viable_tissue_ph"));
  EXPECT_DOUBLE_EQ(defaults.properties.lipid_volume_fraction, value("properties", "lipid_volume_fraction"));
  EXPECT_DOUBLE_EQ(defaults.properties.keratin_volume_fraction, value("properties", "keratin_volume_fraction"));
  EXPECT_DOUBLE_EQ(defaults.properties.tissue_water_fraction, value("properties", "tissue_water_fraction"));
  EXPECT_DOUBLE_EQ(defaults.properties.reference_stratum_corneum.in(units::micrometre),
                   value("properties", "reference_stratum_corneum_um"));
  EXPECT_DOUBLE_EQ(defaults.closure_time_open.in(units::hour), value("closure", "time_constant_open_h"));
  EXPECT_DOUBLE_EQ(defaults.closure_time_occluded.in(units::hour), value("closure", "time_constant_occluded_h"));
  EXPECT_NEAR(defaults.dermal_clearance.in(units::per_hour), value("clearance", "dermal_clearance_per_h"), 1e-12);
  EXPECT_NEAR(defaults.viable_epidermis_metabolism.in(units::per_hour),
              value("metabolism", "viable_epidermis_metabolism_per_h"), 1e-12);
  EXPECT_DOUBLE_EQ(defaults.cream_stratum_corneum_vehicle_partition,
                   value("calibration", "cream_stratum_corneum_vehicle_partition"));
}

}  // namespace
}  // namespace dermasim::transport

namespace dermasim::transport {
namespace {

TEST(SkinModelBuilder, EmulsionsUseTheCalibratedPartitionAndAqueousVehiclesWater) {
  const TransportParameters parameters;
  const auto properties = derive_properties(caffeine);

  const double emulsion = vehicle_water_partition(properties, VehicleBase::emulsion, parameters);
  const double aqueous = vehicle_water_partition(properties, VehicleBase::aqueous, parameters);

  EXPECT_NEAR(emulsion * parameters.cream_stratum_corneum_vehicle_partition, properties.stratum_corneum_water_partition,
              1e-12);
  EXPECT_EQ(aqueous, 1.0);
}

}  // namespace
}  // namespace dermasim::transport
