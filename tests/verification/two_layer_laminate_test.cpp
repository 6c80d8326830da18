// Verification 2 (issue 4): a two-layer laminate with different partition coefficients under
// a constant donor reaches the series-resistance steady flux
//   J = C_v / K_v / (L1/(D1 K1) + L2/(D2 K2))   (u = c/K is continuous across interfaces).

#include <fmt/format.h>
#include <gtest/gtest.h>

#include "transport/transport_model.hpp"

namespace dermasim::transport {
namespace {

TEST(TwoLayerLaminate, SteadyFluxEqualsSeriesResistanceWithinPointOnePercent) {
  const Material first{square_centimetres_per_second(2e-9), 8.0, 1.0};
  const Material second{square_centimetres_per_second(5e-7), 0.5, 3.0};
  const Length first_thickness = micrometres(15);
  const Length second_thickness = micrometres(100);
  SkinModel skin;
  skin.layers = {{Compartment::stratum_corneum, first_thickness, first},
                 {Compartment::viable_epidermis, second_thickness, second}};
  TransportModel model(skin, Fidelity::fast);
  Application application;
  application.vehicle_partition = 2.0;
  application.constant_donor = 3.0 * units::milligram_per_millilitre;
  application.duration = hours(12);  // > 20 lag times of the laminate

  auto state = model.initial_state();
  const auto result = model.apply(state, application);

  const double resistance =
      first_thickness.si() / first.conductance_product() + second_thickness.si() / second.conductance_product();
  const double expected_flux = (3.0 / 2.0) / resistance;
  EXPECT_NEAR(result.samples.back().outflow.si() / expected_flux, 1.0, 1e-3);
  RecordProperty("flux_ratio", fmt::format("{:.4e}", result.samples.back().outflow.si() / expected_flux));
}

}  // namespace
}  // namespace dermasim::transport
