// docs/validation.md T4 (the one transport calibration): tretinoin 0.05 % cream on intact human
// skin in vivo, ≈ 2 % of the dose absorbed systemically (Latriano L et al., J Am Acad Dermatol
// 1997;36:S37). Predicted cleared + metabolized over 5 days must be within ×3 of 2 %. The
// vehicle/SC partition in data/transport.toml was calibrated here (docs/transport.md says so).
// Also the expected behaviour docs/validation.md asks to show (a prediction, not a fit): for a very
// lipophilic active micro-channels change where the drug goes more than how much crosses; for
// a hydrophilic one (caffeine) the channels dominate.

#include <gtest/gtest.h>

#include "transport/skin_model_builder.hpp"

namespace dermasim::transport {
namespace {

const Compound tretinoin{"tretinoin", 300.44, 6.3, 4.73, Ionization::acid, std::nullopt, std::nullopt};
const Compound caffeine{"caffeine", 194.19, -0.07, std::nullopt, Ionization::neutral, std::nullopt, std::nullopt};
const SiteLayers cheek{micrometres(13.6), micrometres(46.1), micrometres(982.0)};  // data/sites.toml

struct Outcome {
  double absorbed_fraction;  // (cleared + metabolized + receptor) / applied
  double viable_fraction;    // VE + dermis / applied
};

Outcome run(const Compound& compound, const std::optional<MicroneedleTreatment>& needles, Time duration) {
  const TransportParameters parameters;
  const auto properties = derive_properties(compound, parameters.properties);
  const auto skin = build_skin_model(properties, cheek, Receptor::clearance, needles, false, parameters);
  TransportModel model(skin, Fidelity::fast);
  Application application;
  application.vehicle_partition =
      vehicle_water_partition(properties, parameters.cream_stratum_corneum_vehicle_partition);
  application.formulation_dose = milligrams_per_square_centimetre(2.0);
  application.drug_mass_fraction = 5e-4;
  application.duration = duration;
  application.wash_off_after = hours(12);
  auto state = model.initial_state();
  const auto result = model.apply(state, application);
  const auto& a = result.final_amounts;
  return {(a.cleared + a.metabolized + a.receptor) / result.applied, (a.viable_epidermis + a.dermis) / result.applied};
}

TEST(TransportT4, TretinoinCreamAbsorptionOverFiveDaysIsWithinAFactorThreeOfTwoPercent) {
  const auto outcome = run(tretinoin, std::nullopt, hours(120));

  EXPECT_GT(outcome.absorbed_fraction, 0.02 / 3.0);
  EXPECT_LT(outcome.absorbed_fraction, 0.02 * 3.0);
  RecordProperty("absorbed_percent", std::to_string(100.0 * outcome.absorbed_fraction));
}

TEST(TransportPrediction, ChannelsRaiseAbsorptionOfAHydrophilicActiveFarMoreThanOfTretinoin) {
  const MicroneedleTreatment pen{900.0, millimetres(0.5), 0.77, micrometres(70.7), minutes(5)};

  const double tretinoin_ratio =
      run(tretinoin, pen, hours(24)).absorbed_fraction / run(tretinoin, std::nullopt, hours(24)).absorbed_fraction;
  const double caffeine_ratio =
      run(caffeine, pen, hours(24)).absorbed_fraction / run(caffeine, std::nullopt, hours(24)).absorbed_fraction;

  EXPECT_GT(caffeine_ratio, 3.0 * tretinoin_ratio);
  RecordProperty("tretinoin_enhancement", std::to_string(tretinoin_ratio));
  RecordProperty("caffeine_enhancement", std::to_string(caffeine_ratio));
}

}  // namespace
}  // namespace dermasim::transport
