// Verification 3 (issue 4): with a finite dose, applied = vehicle + SC + VE + dermis + receptor
// + cleared + metabolized + washed off, to a relative 1e-10, through binding, metabolism,
// clearance, healing channels, a wash-off event and a second application carried over.

#include <fmt/format.h>
#include <gtest/gtest.h>

#include "test_grid.hpp"

#include "transport/transport_model.hpp"

namespace dermasim::transport {
namespace {

SkinModel in_vivo_skin_with_channels() {
  SkinModel skin;
  const Material stratum_corneum{square_centimetres_per_second(3e-10), 40.0, 1.0};
  const Material viable_epidermis{square_centimetres_per_second(2e-6), 0.6, 5.0, 0.2 * units::per_hour, Rate{}};
  const Material dermis{square_centimetres_per_second(2e-6), 0.6, 8.0, Rate{}, 0.5 * units::per_hour};
  skin.layers = {{Compartment::stratum_corneum, micrometres(15), stratum_corneum},
                 {Compartment::viable_epidermis, micrometres(60), viable_epidermis},
                 {Compartment::dermis, micrometres(800), dermis}};
  skin.receptor = Receptor::clearance;
  ChannelArray channels;
  channels.channels_per_cm2 = 200;
  channels.depth = micrometres(300);
  channels.radius = micrometres(30);
  channels.fluid = Material{square_centimetres_per_second(5e-6), 1.0, 1.0};
  skin.channels = channels;
  skin.closure_time_constant = hours(1.5);
  skin.channels_opened_at = minutes(-10);
  return skin;
}

Application cream_with_wash_off() {
  Application application;
  application.vehicle_partition = 20.0;
  application.formulation_dose = milligrams_per_square_centimetre(2.0);
  application.drug_mass_fraction = 5e-4;
  application.duration = hours(24);
  application.wash_off_after = hours(10);
  application.barrier = 0.7;
  return application;
}

class FiniteDoseMassBalance : public testing::TestWithParam<Fidelity> {};

TEST_P(FiniteDoseMassBalance, AppliedEqualsAllCompartmentsPlusLossesToOnePartInTenBillion) {
  TransportModel model(in_vivo_skin_with_channels(), GetParam(),
                       test_support::test_grid(micrometres(1.0), 1.3, 3, 0.2, micrometres(2.0)));
  auto state = model.initial_state();

  const auto first = model.apply(state, cream_with_wash_off());
  const auto second = model.apply(state, cream_with_wash_off());

  EXPECT_LT(first.mass_balance_relative_error, 1e-10);
  EXPECT_LT(second.mass_balance_relative_error, 1e-10);
  RecordProperty("mass_balance_relative_error", fmt::format("{:.4e}", second.mass_balance_relative_error));
  // Every loss pathway is exercised, so the balance is not trivially met.
  const auto& a = second.final_amounts;
  EXPECT_GT(a.cleared.si(), 0.0);
  EXPECT_GT(a.metabolized.si(), 0.0);
  EXPECT_GT(second.washed_off.si(), 0.0);
  EXPECT_GT(a.in_skin().si(), 0.0);
  EXPECT_NEAR(state.applied, 2.0 * 2.0 * 5e-4 * units::milligram_per_square_centimetre.si(), 1e-18);
}

INSTANTIATE_TEST_SUITE_P(BothFidelities, FiniteDoseMassBalance, testing::Values(Fidelity::fast, Fidelity::full));

}  // namespace
}  // namespace dermasim::transport
