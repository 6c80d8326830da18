#include "transport/compound.hpp"

#include <cmath>

#include <gtest/gtest.h>

namespace dermasim::transport {
namespace {

const Compound tretinoin{"tretinoin", 300.44, 6.3, 4.73, Ionization::acid, std::nullopt, std::nullopt};

TEST(Compound, AqueousDiffusivityOfTretinoinIsTheDerivedValueOfParametersMd) {
  // docs/data.md: free D in VE/DE 1.69e-6 cm²/s for MW 300.44.
  EXPECT_NEAR(aqueous_diffusivity(300.44).in(units::square_centimetre_per_second), 1.69e-6, 0.01e-6);
}

TEST(Compound, IonizationFollowsHendersonHasselbalchForAcidsAndBases) {
  Compound base = tretinoin;
  base.ionization = Ionization::base;
  Compound neutral = tretinoin;
  neutral.ionization = Ionization::neutral;

  EXPECT_NEAR(unionized_fraction(tretinoin, 4.73), 0.5, 1e-12);
  EXPECT_NEAR(unionized_fraction(tretinoin, 5.73), 1.0 / 11.0, 1e-12);
  EXPECT_NEAR(unionized_fraction(base, 3.73), 1.0 / 11.0, 1e-12);
  EXPECT_EQ(unionized_fraction(neutral, 7.4), 1.0);
}

TEST(Compound, LipidPartitionOfUnionizedTretinoinIsTheDerivedValueOfParametersMd) {
  Compound unionized = tretinoin;
  unionized.pka.reset();

  const auto properties = derive_properties(unionized);

  // docs/data.md: K SC lipid/water ≈ 2.0e4 for log P 6.3.
  EXPECT_NEAR(properties.lipid_water_partition / 2.0e4, 1.0, 0.02);
  EXPECT_TRUE(properties.is_extrapolated);
}

TEST(Compound, EveryDerivedPropertyNamesItsCorrelation) {
  const auto properties = derive_properties(tretinoin);

  ASSERT_GE(properties.derived.size(), 8u);
  for (const auto& property : properties.derived) {
    EXPECT_FALSE(property.correlation.empty()) << property.name;
    EXPECT_TRUE(std::isfinite(property.value)) << property.name;
  }
}

TEST(Compound, StratumCorneumDiffusivityReproducesPottsGuyOverTheReferenceThickness) {
  const PropertyParameters parameters;
  const auto properties = derive_properties(tretinoin, parameters);

  const double kp = properties.stratum_corneum_diffusivity.si() * properties.stratum_corneum_water_partition /
                    parameters.reference_stratum_corneum.si();

  EXPECT_NEAR(kp / properties.potts_guy_kp.si(), 1.0, 1e-12);
}

}  // namespace
}  // namespace dermasim::transport
