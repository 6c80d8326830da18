// The solubility cap of the vehicle (docs/transport.md): drug beyond what the film dissolves keeps
// it saturated, the film then acts as a constant donor at the saturated concentration until
// the excess has dissolved, and every amount stays accounted for.

#include <gtest/gtest.h>

#include "transport/transport_model.hpp"

namespace dermasim::transport {
namespace {

// An SC-limited compound that takes up about 1 µg/cm² an hour from a saturated film, so a
// 1 % film (20 µg/cm², 2 µg/cm² dissolved) stays saturated for most of a day.
SkinModel sink_skin() {
  SkinModel model;
  const Material sc{square_centimetres_per_second(2e-10), 2.0, 1.0};
  const Material viable{square_centimetres_per_second(5e-6), 0.6, 1.0};
  model.layers = {{Compartment::stratum_corneum, micrometres(15), sc},
                  {Compartment::viable_epidermis, micrometres(60), viable},
                  {Compartment::dermis, micrometres(500), viable}};
  model.receptor = Receptor::sink;
  return model;
}

// 2 mg/cm² of a 1 g/cm³ film (20 µm) with K_v = 1 holding `percent` of drug; water solubility
// 1 mg/mL = 1 kg/m³, so the film dissolves 2 µg/cm²: 0.1 % of the dose is at saturation.
Application film(double percent, bool capped, Time duration = hours(24)) {
  Application application;
  application.vehicle_partition = 1.0;
  application.formulation_dose = milligrams_per_square_centimetre(2.0);
  application.drug_mass_fraction = percent / 100.0;
  application.duration = duration;
  if (capped) application.water_solubility = 1.0 * units::milligram_per_millilitre;
  application.n_samples = 96;
  return application;
}

double ng_per_cm2(MassPerArea amount) { return amount.in(units::nanogram_per_square_centimetre); }

TEST(SuspendedFilm, BelowSaturationTheCapChangesNothing) {
  TransportModel capped(sink_skin(), Fidelity::fast);
  TransportModel free(sink_skin(), Fidelity::fast);
  auto a = capped.initial_state();
  auto b = free.initial_state();
  const auto with_cap = capped.apply(a, film(0.09, true));
  const auto without = free.apply(b, film(0.09, false));
  EXPECT_DOUBLE_EQ(with_cap.final_amounts.receptor.si(), without.final_amounts.receptor.si());
}

TEST(SuspendedFilm, ASaturatedFilmDeliversLikeASaturatedDonorUntilItsExcessHasDissolved) {
  TransportModel suspension_model(sink_skin(), Fidelity::fast);
  TransportModel donor_model(sink_skin(), Fidelity::fast);
  auto s = suspension_model.initial_state();
  auto d = donor_model.initial_state();
  const auto suspension = suspension_model.apply(s, film(1.0, true));  // 10× the dissolvable amount
  Application donor = film(1.0, false);
  donor.constant_donor = 1.0 * units::milligram_per_millilitre;  // saturated, K_v = 1
  const auto constant = donor_model.apply(d, donor);

  // While drug is left undissolved (more than the 2 µg/cm² the film dissolves) the two
  // deliver the same.
  const MassPerArea dissolvable = MassPerArea::from_si(1.0 * 20e-6);  // u_sat × K_v × film thickness
  std::size_t compared = 0;
  for (std::size_t k = 1; k < suspension.samples.size(); ++k) {
    if (suspension.samples[k].amounts.vehicle <= dissolvable) break;
    EXPECT_NEAR(suspension.samples[k].amounts.receptor.si(), constant.samples[k].amounts.receptor.si(),
                1e-9 * constant.samples[k].amounts.receptor.si() + 1e-20);
    ++compared;
  }
  EXPECT_GT(compared, 40u);  // of the 96 samples in 24 h
  // The film keeps what was not drawn, and the books balance throughout.
  for (const auto& sample : suspension.samples) {
    EXPECT_NEAR((sample.amounts.vehicle + sample.amounts.in_skin() + sample.amounts.receptor).si(),
                suspension.applied.si(), 1e-10 * suspension.applied.si());
    EXPECT_NEAR(sample.amounts.supplied.si(), 0.0, 1e-12 * suspension.applied.si());
  }
  EXPECT_LT(suspension.mass_balance_relative_error, 1e-10);
  // Capped, far less gets through in the first hour than the uncapped film (10 times the
  // saturated concentration, depleting) would push.
  TransportModel uncapped_model(sink_skin(), Fidelity::fast);
  auto u = uncapped_model.initial_state();
  const auto uncapped = uncapped_model.apply(u, film(1.0, false));
  EXPECT_LT(suspension.samples[4].amounts.receptor, 0.3 * uncapped.samples[4].amounts.receptor);
}

TEST(SuspendedFilm, OnceDissolvedTheFilmDepletesBelowSaturation) {
  TransportModel model(sink_skin(), Fidelity::fast);
  auto state = model.initial_state();
  // 0.2 %: twice the dissolvable amount, the excess gone within the day.
  const auto result = model.apply(state, film(0.2, true, hours(48)));
  const double saturated_amount = ng_per_cm2(MassPerArea::from_si(1.0 * 20e-6));  // u_sat × K_v × film, in ng/cm²
  EXPECT_LT(ng_per_cm2(result.final_amounts.vehicle), 0.9 * saturated_amount);
  EXPECT_GT(ng_per_cm2(result.final_amounts.vehicle), 0.0);
  // The vehicle amount only falls: no jump when the last undissolved drug goes into solution.
  for (std::size_t k = 1; k < result.samples.size(); ++k) {
    EXPECT_LE(result.samples[k].amounts.vehicle, result.samples[k - 1].amounts.vehicle * (1 + 1e-12));
  }
  EXPECT_LT(result.mass_balance_relative_error, 1e-10);
}

TEST(SuspendedFilm, WashOffRemovesTheUndissolvedDrugToo) {
  TransportModel model(sink_skin(), Fidelity::fast);
  auto state = model.initial_state();
  Application application = film(1.0, true);
  application.wash_off_after = hours(2);
  const auto result = model.apply(state, application);
  EXPECT_GT(result.washed_off, 0.8 * result.applied);
  EXPECT_EQ(result.final_amounts.vehicle.si(), 0.0);
  EXPECT_LT(result.mass_balance_relative_error, 1e-10);
}

TEST(SuspendedFilm, AConstantDonorAboveSaturationIsCappedAtIt) {
  TransportModel capped(sink_skin(), Fidelity::fast);
  TransportModel saturated(sink_skin(), Fidelity::fast);
  auto a = capped.initial_state();
  auto b = saturated.initial_state();
  Application over = film(1.0, true);
  over.constant_donor = 50.0 * units::milligram_per_millilitre;
  Application at = film(1.0, false);
  at.constant_donor = 1.0 * units::milligram_per_millilitre;
  EXPECT_DOUBLE_EQ(capped.apply(a, over).final_amounts.receptor.si(),
                   saturated.apply(b, at).final_amounts.receptor.si());
}

}  // namespace
}  // namespace dermasim::transport
