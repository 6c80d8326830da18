#include "transport/transport_model.hpp"

#include <cmath>

#include <gtest/gtest.h>

#include "core/error.hpp"

namespace dermasim::transport {
namespace {

SkinModel skin(Receptor receptor, bool with_channels) {
  SkinModel model;
  // A barrier-limited compound: the intact SC lets through a small part of the dose in 12 h.
  const Material sc{square_centimetres_per_second(1e-11), 10.0, 1.0};
  const Material viable{square_centimetres_per_second(5e-6), 0.6, 2.0, Rate{},
                        receptor == Receptor::clearance ? 1.0 * units::per_hour : Rate{}};
  model.layers = {{Compartment::stratum_corneum, micrometres(15), sc},
                  {Compartment::viable_epidermis, micrometres(60), viable},
                  {Compartment::dermis, micrometres(500), viable}};
  model.receptor = receptor;
  if (with_channels) {
    model.channels =
        ChannelArray{200.0, micrometres(200), micrometres(35), Material{square_centimetres_per_second(5e-6), 1.0, 1.0}};
    model.closure_time_constant = hours(0.5);
  }
  return model;
}

Application cream(std::optional<Time> wash_off = std::nullopt) {
  Application application;
  application.vehicle_partition = 5.0;
  application.formulation_dose = milligrams_per_square_centimetre(2.0);
  application.drug_mass_fraction = 1e-3;
  application.duration = hours(12);
  application.wash_off_after = wash_off;
  application.profile_times = {hours(1), hours(4), hours(8)};
  return application;
}

TEST(TransportModel, WashOffRemovesTheVehicleAmountAndStopsUptake) {
  TransportModel model(skin(Receptor::sink, false), Fidelity::fast);
  auto state = model.initial_state();

  const auto result = model.apply(state, cream(hours(3)));

  const auto at_wash = std::find_if(result.samples.begin(), result.samples.end(), [](const Sample& s) {
    return std::abs(s.time.in(units::hour)-3.0) < 1e-9 && s.washed_off.si() > 0.0;
  });
  ASSERT_NE(at_wash, result.samples.end());
  EXPECT_GT(result.washed_off.si(), 0.0);
  EXPECT_EQ(result.final_amounts.vehicle.si(), 0.0);
  EXPECT_NEAR(result.washed_off.si(), state.washed_off, 1e-30);
  EXPECT_LT(result.mass_balance_relative_error, 1e-12);
}

TEST(TransportModel, DrugInTheSkinCarriesOverToTheNextApplication) {
  TransportModel model(skin(Receptor::clearance, false), Fidelity::fast);
  auto state = model.initial_state();
  const auto first = model.apply(state, cream(hours(8)));

  const auto second = model.apply(state, cream(hours(8)));

  EXPECT_NEAR(second.samples.front().amounts.in_skin().si(), first.final_amounts.in_skin().si(),
              1e-12 * first.applied.si());
  EXPECT_GT(second.final_amounts.cleared, first.final_amounts.cleared);
  EXPECT_NEAR(state.time_s, hours(24).si(), 1e-6);
  EXPECT_LT(second.mass_balance_relative_error, 1e-12);
}

TEST(TransportModel, ALowerBarrierStateRaisesUptake) {
  TransportModel model(skin(Receptor::sink, false), Fidelity::fast);
  auto intact = model.initial_state();
  auto irritated = model.initial_state();
  auto normal = cream();
  normal.duration = hours(1);  // early uptake, far from depleting the film
  normal.profile_times.clear();
  auto weak = normal;
  weak.barrier = 0.3;

  const auto a = model.apply(intact, normal);
  const auto b = model.apply(irritated, weak);

  // D_sc / 0.3: the early (√t-limited) uptake grows by about √(1/0.3) = 1.8.
  EXPECT_GT(b.final_amounts.in_skin() + b.final_amounts.receptor,
            1.5 * (a.final_amounts.in_skin() + a.final_amounts.receptor));
}

TEST(TransportModel, ChannelsHealInVivoButStayOpenInAFranzCell) {
  // Same skin, one healing (τ = 0.5 h) and one not: the open channels carry far more.
  SkinModel healing = skin(Receptor::clearance, true);
  SkinModel open = healing;
  open.closure_time_constant = hours(1e9);
  TransportModel closing_model(healing, Fidelity::fast), open_model(open, Fidelity::fast);
  auto a = closing_model.initial_state();
  auto b = open_model.initial_state();

  const auto closing = closing_model.apply(a, cream());
  const auto staying = open_model.apply(b, cream());

  EXPECT_LT(closing.final_amounts.cleared, 0.8 * staying.final_amounts.cleared);
}

TEST(TransportModel, ProfilesAndPeaksAreReported) {
  TransportModel model(skin(Receptor::sink, true), Fidelity::full,
                       GridResolution{.finest_cell = micrometres(2), .growth = 1.4, .finest_radial = micrometres(3)});
  auto state = model.initial_state();

  const auto result = model.apply(state, cream());

  ASSERT_EQ(result.profiles.size(), 3u);
  EXPECT_EQ(result.profiles[0].depth_m.size(), result.profiles[0].concentration_kg_m3.size());
  EXPECT_GT(result.peak_viable_epidermis.si(), 0.0);
  EXPECT_GT(result.auc_viable_epidermis_kg_s_m3, 0.0);
  EXPECT_LE(result.auc_viable_epidermis_kg_s_m3, result.peak_viable_epidermis.si() * hours(12).si() * 1.01);
}

// Issue 19: a water solubility of 1e-300 or 1e-320 mg/mL (inside the documented 0 .. 2000) made
// the absolute tolerances subnormal or zero, and CVODE failed (exit 3).
TEST(TransportModel, AWaterSolubilityAtTheBottomOfTheDoubleRangeStillIntegrates) {
  for (const double solubility_mg_per_ml : {1e-300, 1e-320, 5e-324}) {
    for (const Fidelity fidelity : {Fidelity::full, Fidelity::fast}) {
      for (const bool infinite : {false, true}) {
        TransportModel model(
            skin(Receptor::sink, true), fidelity,
            GridResolution{.finest_cell = micrometres(2), .growth = 1.4, .finest_radial = micrometres(3)});
        auto state = model.initial_state();
        Application application = cream();
        application.water_solubility = solubility_mg_per_ml * units::milligram_per_millilitre;
        if (infinite) application.constant_donor = 1.0 * units::milligram_per_millilitre;

        ApplicationResult result;
        ASSERT_NO_THROW(result = model.apply(state, application)) << solubility_mg_per_ml << " " << infinite;

        const double absorbed = (result.final_amounts.receptor + result.final_amounts.cleared).si();
        EXPECT_TRUE(std::isfinite(absorbed));
        EXPECT_GE(absorbed, 0.0);
        EXPECT_LT(absorbed, 1e-290);  // kg/m²: what so little dissolved drug can carry
      }
    }
  }
}

TEST(TransportModel, RejectsAStateFromAnotherModel) {
  TransportModel small(skin(Receptor::sink, false), Fidelity::fast);
  TransportModel large(skin(Receptor::sink, true), Fidelity::full);
  auto state = small.initial_state();

  EXPECT_THROW((void)large.apply(state, cream()), InternalError);
}

}  // namespace
}  // namespace dermasim::transport
