// The undershoot that made one person fail a whole population run: once the skin empties
// faster than a time step, the fast fidelity's BDF2 rings below zero; the exposure the
// response sees reads that undershoot as zero and refuses a solution that has failed.

#include "simulate/viable_epidermis_exposure.hpp"

#include <algorithm>
#include <cmath>

#include <gtest/gtest.h>

#include "core/error.hpp"
#include "transport/reference_problems.hpp"

namespace dermasim::simulate {
namespace {

/// Problem A's layers with a leaky barrier and cleared dermis, a finite dose washed off after
/// 10 h, then 38 h of decay with the 1-hour BDF2 steps the regimen simulation uses.
transport::ApplicationResult dose_washed_off_then_decaying() {
  transport::SkinModel skin = transport::reference::problem_a_skin();
  skin.layers[0].material.diffusivity = square_centimetres_per_second(1e-8);
  skin.layers[2].material.clearance = 2.0 * units::per_hour;
  skin.receptor = transport::Receptor::clearance;
  transport::SolverOptions solver;
  solver.scheme = transport::TimeScheme::fixed_step_bdf2;
  solver.bdf2_step = hours(1.0);
  solver.bdf2_startup_halvings = 2;
  transport::TransportModel model(skin, transport::Fidelity::fast, std::nullopt, solver);
  transport::Application application;
  application.formulation_dose = milligrams_per_square_centimetre(2.0);
  application.drug_mass_fraction = 5e-4;
  application.duration = hours(48);
  application.wash_off_after = hours(10);
  application.n_samples = 48;
  auto state = model.initial_state();
  return model.apply(state, application);
}

TEST(ViableEpidermisExposure, FastTransportRingsBelowZeroOnceTheSkinEmptiesFasterThanAStep) {
  const auto result = dose_washed_off_then_decaying();

  double lowest = 0.0;
  for (const auto& sample : result.samples) lowest = std::min(lowest, sample.amounts.viable_epidermis.si());

  EXPECT_LT(lowest, 0.0);
  EXPECT_EQ(viable_epidermis_exposure(lowest, result.applied.si()).si(), 0.0);
}

TEST(ViableEpidermisExposure, KeepsAnAmountThatIsNotNegative) {
  EXPECT_DOUBLE_EQ(viable_epidermis_exposure(2.5e-9, 1e-5).si(), 2.5e-9);
  EXPECT_EQ(viable_epidermis_exposure(0.0, 0.0).si(), 0.0);
}

TEST(ViableEpidermisExposure, ReadsAnUndershootWithinTheDrugInTheModelAsZero) {
  EXPECT_EQ(viable_epidermis_exposure(-1.2e-16, 2.3e-6).si(), 0.0);
  EXPECT_EQ(viable_epidermis_exposure(-2.3e-6, 2.3e-6).si(), 0.0);
}

TEST(ViableEpidermisExposure, RefusesAnUndershootNoStableIntegratorMakesAsASolverFailure) {
  EXPECT_THROW((void)viable_epidermis_exposure(-3e-6, 2.3e-6), SolverError);
  EXPECT_THROW((void)viable_epidermis_exposure(std::nan(""), 2.3e-6), SolverError);
}

}  // namespace
}  // namespace dermasim::simulate
