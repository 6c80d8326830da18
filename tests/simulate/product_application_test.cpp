// The one place a product becomes a transport application: the vehicle rule (the calibrated
// cream partition, or K_v = 1 for aqueous bases), finite film or constant donor, wash-off.
#include "simulate/product_application.hpp"

#include <gtest/gtest.h>

#include "transport/compound.hpp"

namespace dermasim::simulate {
namespace {

using regimen::Vehicle;

const transport::Compound tretinoin{
    "tretinoin", 300.44, 6.3, 6.0, transport::Ionization::acid, 6.3e-5 * units::milligram_per_millilitre, std::nullopt};

struct ApplicationFixture : ::testing::Test {
  transport::TransportParameters parameters;
  transport::CompoundProperties properties = transport::derive_properties(tretinoin, parameters.properties);
  double cream_partition =
      properties.stratum_corneum_water_partition / parameters.cream_stratum_corneum_vehicle_partition;

  static regimen::VehicleSpec vehicle_spec(Vehicle vehicle, double density_g_per_cm3, double removal_h) {
    regimen::VehicleSpec spec;
    spec.vehicle = vehicle;
    spec.density_g_per_cm3.value = density_g_per_cm3;
    spec.default_amount_mg_per_cm2.value = 2.0;
    spec.removal_after_hours.value = removal_h;
    return spec;
  }

  static regimen::Product tretinoin_product(Vehicle vehicle, double amount_mg_per_cm2) {
    regimen::Product product;
    product.active = regimen::Active::tretinoin;
    product.vehicle = vehicle;
    product.strength_percent = 0.05;
    product.amount_mg_per_cm2 = amount_mg_per_cm2;
    return product;
  }
};

TEST_F(ApplicationFixture, ByTheVehiclesBaseEmulsionsGetTheCalibratedCreamPartitionAndAqueousBasesOne) {
  const auto rule = VehicleRule::by_vehicle_base;

  EXPECT_NEAR(vehicle_partition(Vehicle::cream, rule, properties, parameters), cream_partition,
              1e-12 * cream_partition);
  EXPECT_NEAR(vehicle_partition(Vehicle::lotion, rule, properties, parameters), cream_partition,
              1e-12 * cream_partition);
  for (const Vehicle aqueous : {Vehicle::gel, Vehicle::microsphere_gel, Vehicle::serum})
    EXPECT_NEAR(vehicle_partition(aqueous, rule, properties, parameters), 1.0, 1e-15);
}

TEST_F(ApplicationFixture, ARegimensGelGetsTheCalibratedCreamPartitionToo) {
  const regimen::Product gel = tretinoin_product(Vehicle::gel, 2.0);

  const auto application = regimen_application(gel, vehicle_spec(Vehicle::gel, 1.0, 10.0), tretinoin, properties,
                                               parameters, 1.0, hours(24));

  EXPECT_NEAR(application.vehicle_partition, cream_partition, 1e-12 * cream_partition);
  EXPECT_GT(cream_partition, 100.0);  // the two rules differ: the choice matters for a gel
}

TEST_F(ApplicationFixture, ARegimensProductIsAFilmWashedOffAfterTheVehiclesRemovalTimeWithItsBarrierClamped) {
  const regimen::Product cream = tretinoin_product(Vehicle::cream, 1.5);
  const auto spec = vehicle_spec(Vehicle::cream, 0.98, 10.0);

  const auto day = regimen_application(cream, spec, tretinoin, properties, parameters, 0.01, hours(24));
  const auto short_interval = regimen_application(cream, spec, tretinoin, properties, parameters, 1.0, hours(8));

  EXPECT_NEAR(day.formulation_dose.in(units::milligram_per_square_centimetre), 1.5, 1e-12);
  EXPECT_NEAR(day.drug_mass_fraction, 5e-4, 1e-16);
  EXPECT_NEAR(day.vehicle_density.in(units::gram_per_cubic_centimetre), 0.98, 1e-12);
  EXPECT_FALSE(day.constant_donor.has_value());
  ASSERT_TRUE(day.wash_off_after.has_value());
  EXPECT_NEAR(day.wash_off_after->in(units::hour), 10.0, 1e-12);
  EXPECT_NEAR(day.barrier, 0.05, 1e-15);
  EXPECT_FALSE(short_interval.wash_off_after.has_value());  // the next application comes first
}

TEST_F(ApplicationFixture, AnInfiniteDoseKeepsTheVehicleAtStrengthTimesDensity) {
  ProductApplication product;
  product.vehicle = Vehicle::gel;
  product.strength_percent = 2.0;
  product.duration = hours(48);

  const auto application = assemble_application(product, vehicle_spec(Vehicle::gel, 1.0, 10.0), tretinoin, properties,
                                                parameters, VehicleRule::by_vehicle_base);

  ASSERT_TRUE(application.constant_donor.has_value());
  EXPECT_NEAR(application.constant_donor->in(units::milligram_per_millilitre), 20.0, 1e-12);
  EXPECT_FALSE(application.wash_off_after.has_value());
  EXPECT_NEAR(application.vehicle_partition, 1.0, 1e-15);
  ASSERT_TRUE(application.water_solubility.has_value());
  EXPECT_NEAR(application.water_solubility->in(units::milligram_per_millilitre), 6.3e-5, 1e-18);
}

}  // namespace
}  // namespace dermasim::simulate
