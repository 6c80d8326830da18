// docs/validation.md T5–T9: the catalogue and transport-model values the transport runs on.
//  T5 effective channel depth and width: 600 µm pressed array → ≈ 460 µm (PMC3016610);
//     770 µm roller → 152 µm deep, 71 µm wide (Kalluri 2011); a perpendicular pen reaches a
//     larger fraction of its needle than a roller.
//  T6 roller density ≈ 250 holes/cm² after 15 passes (Doddaballapur 2009).
//  T7 non-occluded closure e-folding time within 0.3–6 h; T8 occluded within 25–45 h.
//  T9 SC and epidermis thickness: forearm SC 18.3 µm and cellular epidermis 56.6 µm
//     (Sandby-Møller 2003); face epidermis 29.6–62.6 µm and dermis 758.9–1969.2 µm (Chopra 2015).

#include <string>

#include <gtest/gtest.h>
#include <toml++/toml.h>

#include "transport/skin_model_builder.hpp"

namespace dermasim::transport {
namespace {

toml::table load(const std::string& name) {
  return toml::parse_file(std::string(DERMASIM_SOURCE_DIR) + "/data/" + name);
}

double value_of(const toml::table& table, const std::string& array, const std::string& id, const std::string& key) {
  for (const auto& node : *table[array].as_array()) {
    const auto& entry = *node.as_table();
    if (entry["id"].value<std::string>() == id) {
      return entry[key]["value"].value<double>().value();
    }
  }
  ADD_FAILURE() << array << " " << id << " not found";
  return 0.0;
}

TEST(TransportT5, DeviceDepthFractionsAndWidthsReproduceTheMeasuredChannels) {
  const auto devices = load("devices.toml");

  const double pen = value_of(devices, "device", "pen", "depth_fraction");
  const double roller = value_of(devices, "device", "roller", "depth_fraction");

  EXPECT_NEAR(pen * 600.0, 460.0, 0.05 * 460.0);
  EXPECT_NEAR(roller * 770.0, 152.5, 0.05 * 152.5);
  EXPECT_NEAR(value_of(devices, "device", "roller", "channel_surface_diameter_um"), 70.7, 1.0);
  EXPECT_GT(pen, roller);
}

TEST(TransportT6, RollerDefaultSessionMakesAboutTwoHundredFiftyHolesPerSquareCentimetre) {
  const auto devices = load("devices.toml");

  const double holes = value_of(devices, "device", "roller", "channels_per_cm2_per_pass") *
                       value_of(devices, "device", "roller", "default_passes");

  EXPECT_NEAR(holes, 250.0, 0.05 * 250.0);
}

TEST(TransportT7AndT8, ClosureTimeConstantsLieInTheirPublishedRanges) {
  const auto transport = load("transport.toml");
  const TransportParameters defaults;

  const double open_h = transport["closure"]["time_constant_open_h"]["value"].value<double>().value();
  const double occluded_h = transport["closure"]["time_constant_occluded_h"]["value"].value<double>().value();

  EXPECT_GE(open_h, 0.3);
  EXPECT_LE(open_h, 6.0);
  EXPECT_GE(occluded_h, 25.0);
  EXPECT_LE(occluded_h, 45.0);
  EXPECT_DOUBLE_EQ(defaults.closure_time_open.in(units::hour), open_h);
  EXPECT_DOUBLE_EQ(defaults.closure_time_occluded.in(units::hour), occluded_h);
}

TEST(TransportT9, SiteLayerThicknessesLieWithinTheMeasuredRanges) {
  const auto sites = load("sites.toml");

  EXPECT_NEAR(value_of(sites, "site", "forearm", "stratum_corneum_um"), 18.3, 0.05);
  EXPECT_NEAR(value_of(sites, "site", "forearm", "viable_epidermis_um"), 56.6, 0.05);
  for (const std::string face : {"forehead", "cheek", "nose", "chin", "periorbital", "perioral"}) {
    const double epidermis = value_of(sites, "site", face, "viable_epidermis_um");
    const double dermis = value_of(sites, "site", face, "dermis_um");
    EXPECT_GE(epidermis, 29.6) << face;
    EXPECT_LE(epidermis, 62.6) << face;
    EXPECT_GE(dermis, 758.9) << face;
    EXPECT_LE(dermis, 1969.2) << face;
    const double stratum_corneum = value_of(sites, "site", face, "stratum_corneum_um");
    EXPECT_GE(stratum_corneum, 11.0 * 0.5) << face;  // thinner than the shoulder's 11.0 at most by half
    EXPECT_LE(stratum_corneum, 18.3) << face;        // no thicker than the forearm's
  }
}

}  // namespace
}  // namespace dermasim::transport
