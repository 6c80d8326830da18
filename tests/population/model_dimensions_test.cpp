// Which numbers a regimen's population samples, with the shipped data/ catalogues.

#include "population/model_dimensions.hpp"

#include <algorithm>

#include <gtest/gtest.h>

#include "simulate/model_inputs.hpp"
#include "support/population_test_support.hpp"

namespace dermasim::population {
namespace {

std::vector<std::string> names_of(const ModelDimensions& dimensions) {
  std::vector<std::string> names;
  for (const auto& dimension : dimensions.dimensions) names.push_back(dimension.name);
  return names;
}

bool contains(const std::vector<std::string>& names, const std::string& name) {
  return std::ranges::find(names, name) != names.end();
}

bool any_starts_with(const std::vector<std::string>& names, const std::string& prefix) {
  return std::ranges::any_of(names, [&](const std::string& name) { return name.starts_with(prefix); });
}

const Dimension& find(const ModelDimensions& dimensions, const std::string& name) {
  const auto found = std::ranges::find(dimensions.dimensions, name, &Dimension::name);
  EXPECT_NE(found, dimensions.dimensions.end()) << name;
  return *found;
}

class ModelDimensionsTest : public ::testing::Test {
 protected:
  ModelData data = testing::shipped_model_data();
  regimen::Regimen short_session = testing::scenario("short-session", data.catalogue);
};

TEST_F(ModelDimensionsTest, CanSetEveryRangedTransportNumberOfTheShippedData) {
  const auto dimensions = model_dimensions(short_session, data);

  EXPECT_TRUE(dimensions.not_sampled.empty()) << dimensions.not_sampled.front();
}

TEST_F(ModelDimensionsTest, ReportsARangeThatNamesNoParameterOfItsTable) {
  data.transport_ranges["closure.no_such_key_h"] = {1.0, 2.0};

  const auto dimensions = model_dimensions(short_session, data);

  ASSERT_EQ(dimensions.not_sampled.size(), 1u);
  EXPECT_EQ(dimensions.not_sampled.front(), "transport.closure.no_such_key_h");
}

// By construction: every field of both tables gets a range here, as a new field would in its
// data file, and each one the run reads is sampled and set through the table alone.
TEST_F(ModelDimensionsTest, SamplesEveryTableFieldWithARangeThatTheRunReads) {
  for (const auto& field : transport::transport_parameter_fields())
    data.transport_ranges[field.name()] = {field.min, field.max};
  for (const auto& field : response::response_parameter_fields())
    data.response_ranges[std::string(field.key)] = {field.min, field.max};
  const auto response_use = simulate::response_use_of(short_session);

  const auto dimensions = model_dimensions(short_session, data);
  PersonInputs inputs{short_session, data.catalogue, data.parameters};

  for (const auto& field : transport::transport_parameter_fields()) {  // a retinoid and a session: all read
    const double midpoint = 0.5 * (field.min + field.max);
    find(dimensions, "transport." + field.name()).set(inputs, midpoint);
    EXPECT_NEAR(transport::parameter_value(inputs.parameters.transport, field), midpoint, 1e-12 * midpoint);
  }
  std::size_t n_read = 0;
  for (const auto& field : response::response_parameter_fields()) {
    const std::string name = "response." + std::string(field.key);
    if (!response::is_read(field, response_use)) {
      EXPECT_FALSE(contains(names_of(dimensions), name)) << name;
      continue;
    }
    ++n_read;
    const double midpoint = 0.5 * (field.min + field.max);
    find(dimensions, name).set(inputs, midpoint);
    EXPECT_NEAR(response::parameter_value(inputs.parameters.response, field), midpoint, 1e-12 * midpoint) << name;
  }
  EXPECT_GT(n_read, 40u);
}

TEST_F(ModelDimensionsTest, SamplesThePersonsSiteTheRetinoidItsVehicleTheDeviceAndTheModels) {
  const auto names = names_of(model_dimensions(short_session, data));

  for (const char* expected :
       {"site.cheek.stratum_corneum_um", "site.cheek.viable_epidermis_um", "active.tretinoin.log_p",
        "active.tretinoin.pka", "vehicle.cream.removal_after_hours", "vehicle.cream.default_amount_mg_per_cm2",
        "device.pen.depth_fraction", "device.pen.channels_per_cm2_per_pass", "transport.closure.time_constant_open_h",
        "transport.calibration.cream_stratum_corneum_vehicle_partition", "response.inflammation_half_life_h",
        "response.irritation_gain"})
    EXPECT_TRUE(contains(names, expected)) << expected;
}

TEST_F(ModelDimensionsTest, LeavesOutNumbersTheRegimenNeverReads) {
  const auto names = names_of(model_dimensions(short_session, data));

  EXPECT_FALSE(any_starts_with(names, "site.forehead."));
  EXPECT_FALSE(any_starts_with(names, "vehicle.lotion."));  // sunscreen does not go through transport
  EXPECT_FALSE(any_starts_with(names, "device.roller."));
  EXPECT_FALSE(any_starts_with(names, "active.retinol."));
  EXPECT_FALSE(contains(names, "active.tretinoin.potency_relative_to_tretinoin"));
}

TEST_F(ModelDimensionsTest, SamplesOnlyThePersonsOwnSensitivityClassAndFitzpatrickType) {
  const auto sunscreen_only = testing::scenario("sunscreen-only", data.catalogue);

  const auto names = names_of(model_dimensions(sunscreen_only, data));

  EXPECT_TRUE(contains(names, "response.sensitivity_factor_high"));
  EXPECT_FALSE(contains(names, "response.sensitivity_factor_low"));
  EXPECT_TRUE(contains(names, "response.pih_reactivity_type_2"));
  EXPECT_FALSE(contains(names, "response.pih_reactivity_type_3"));
}

TEST_F(ModelDimensionsTest, SamplesClinicalScoreCoefficientsOnlyForThePersonsConcerns) {
  const auto names = names_of(model_dimensions(short_session, data));  // acne scars and texture

  EXPECT_TRUE(contains(names, "response.scar_improvement_per_collagen_percent"));
  EXPECT_TRUE(contains(names, "response.texture_per_turnover_percent"));
  EXPECT_FALSE(contains(names, "response.fine_lines_per_collagen_percent"));
  EXPECT_FALSE(contains(names, "response.pores_per_acne_percent"));
  EXPECT_FALSE(contains(names, "response.purge_per_activation"));
  EXPECT_FALSE(contains(names, "response.retinol_potency_ratio"));  // tretinoin only
}

TEST_F(ModelDimensionsTest, SamplesNoTransportOrDeviceNumberWithoutARetinoidOrASession) {
  const auto sunscreen_only = testing::scenario("sunscreen-only", data.catalogue);

  const auto names = names_of(model_dimensions(sunscreen_only, data));

  EXPECT_TRUE(contains(names, "site.forehead.dermis_um"));
  EXPECT_FALSE(any_starts_with(names, "transport."));
  EXPECT_FALSE(any_starts_with(names, "device."));
  EXPECT_FALSE(any_starts_with(names, "active."));
}

TEST_F(ModelDimensionsTest, SetsASampledValueIntoThePersonsInputsInFileUnits) {
  const auto dimensions = model_dimensions(short_session, data);
  PersonInputs inputs{short_session, data.catalogue, data.parameters};

  find(dimensions, "response.inflammation_half_life_h").set(inputs, 25.0);
  find(dimensions, "transport.closure.time_constant_open_h").set(inputs, 2.0);
  find(dimensions, "site.cheek.dermis_um").set(inputs, 1500.0);
  find(dimensions, "device.pen.depth_fraction").set(inputs, 0.5);

  EXPECT_NEAR(inputs.parameters.response.inflammation_half_life.si(), 25.0 * 3600.0, 1e-9);
  EXPECT_NEAR(inputs.parameters.transport.closure_time_open.si(), 2.0 * 3600.0, 1e-9);
  EXPECT_DOUBLE_EQ(inputs.catalogue.find_site("cheek")->dermis_um.value, 1500.0);
  EXPECT_DOUBLE_EQ(inputs.catalogue.device(regimen::Device::pen).depth_fraction.value, 0.5);
}

TEST_F(ModelDimensionsTest, SetsASampledApplicationAmountIntoProductsThatTookTheDefault) {
  const auto dimensions = model_dimensions(short_session, data);
  PersonInputs inputs{short_session, data.catalogue, data.parameters};

  find(dimensions, "vehicle.cream.default_amount_mg_per_cm2").set(inputs, 0.8);

  const auto* tretinoin = inputs.regimen.find_product("tret");
  ASSERT_NE(tretinoin, nullptr);
  EXPECT_DOUBLE_EQ(tretinoin->amount_mg_per_cm2, 0.8);
  EXPECT_DOUBLE_EQ(inputs.regimen.find_product("spf")->amount_mg_per_cm2,
                   short_session.find_product("spf")->amount_mg_per_cm2);
}

}  // namespace
}  // namespace dermasim::population
