// docs/validation.md T3: Potts–Guy permeability, log kp [cm/h] = −2.7437 + 0.71 log Kow − 0.0061 MW
// (Potts RO, Guy RH, Pharm Res 1992;9:663): testosterone (MW 288.43, log Kow 3.32)
// 71.4e-4 cm/h and 2-butoxyethanol (118.18, 0.83) 13.3e-4 cm/h, within 1 %; and the
// homogeneous stratum corneum built from the derived K_sc and D_sc transmits that kp.

#include <gtest/gtest.h>

#include "transport/compound.hpp"
#include "transport/transport_model.hpp"

namespace dermasim::transport {
namespace {

TEST(TransportT3, PottsGuyGivesThePublishedTestosteroneAndButoxyethanolPermeabilities) {
  const double testosterone = potts_guy_permeability(288.43, 3.32).in(units::centimetre_per_hour);
  const double butoxyethanol = potts_guy_permeability(118.18, 0.83).in(units::centimetre_per_hour);

  EXPECT_NEAR(testosterone / 71.4e-4, 1.0, 0.01);
  EXPECT_NEAR(butoxyethanol / 13.3e-4, 1.0, 0.01);
}

TEST(TransportT3, StratumCorneumFromDerivedPropertiesTransmitsThePottsGuyPermeability) {
  const Compound testosterone{"testosterone",      288.43,       3.32,        std::nullopt,
                              Ionization::neutral, std::nullopt, std::nullopt};
  const PropertyParameters parameters;
  const auto properties = derive_properties(testosterone, parameters);
  SkinModel skin;
  skin.layers = {{Compartment::stratum_corneum, parameters.reference_stratum_corneum,
                  Material{properties.stratum_corneum_diffusivity, properties.stratum_corneum_water_partition, 1.0}}};
  TransportModel model(skin, Fidelity::fast);
  Application application;
  application.constant_donor = 1.0 * units::milligram_per_millilitre;  // aqueous donor, K_v = 1
  application.duration = hours(48);                                    // > 10 lag times

  auto state = model.initial_state();
  const auto result = model.apply(state, application);

  const double kp = result.samples.back().outflow.si() / application.constant_donor->si();
  EXPECT_NEAR(kp / properties.potts_guy_kp.si(), 1.0, 0.01);
  RecordProperty("model_kp_over_potts_guy", std::to_string(kp / properties.potts_guy_kp.si()));
  EXPECT_NEAR(properties.potts_guy_kp.in(units::centimetre_per_hour) / 71.4e-4, 1.0, 0.01);
}

}  // namespace
}  // namespace dermasim::transport
