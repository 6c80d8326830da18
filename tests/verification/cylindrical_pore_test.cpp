// Verification 6 (issue 4): steady flux through one cylindrical pore (radius a, length L) in
// an impermeable membrane, from a well-mixed donor into an aqueous layer (thickness H) over a
// sink, in a unit cell of radius R. Classical pore + access resistance, per unit cell:
//   1 / (flux · πR²) = L / (π a² D) + ψ(ε) / (4 D a) + H / (π R² D),  ε = a / R,
// with the access (constriction) resistance of a disk on a half-space, 1/(4Da) (Hall JE,
// J Gen Physiol 1975;66:531), corrected for the finite cell by Roess's series
// ψ = 1 − 1.4092 ε + 0.3381 ε³ + 0.0679 ε⁵ (Yovanovich MM, J Spacecraft Rockets 1976).
// The donor side has no access resistance: the vehicle is well mixed at the pore mouth.

#include <cmath>
#include <numbers>

#include <fmt/format.h>
#include <gtest/gtest.h>

#include "test_grid.hpp"

#include "transport/transport_model.hpp"

namespace dermasim::transport {
namespace {

TEST(CylindricalPore, SteadyFluxMatchesPorePlusAccessResistanceWithinTwoPercent) {
  const double diffusivity = 6e-10;  // m²/s
  const double pore_radius = 10e-6, pore_length = 40e-6, cell_radius = 100e-6, layer = 400e-6;
  SkinModel skin;
  const Material impermeable{Diffusivity::from_si(1e-22), 1.0, 1.0};
  const Material water{Diffusivity::from_si(diffusivity), 1.0, 1.0};
  skin.layers = {{Compartment::stratum_corneum, Length::from_si(pore_length), impermeable},
                 {Compartment::viable_epidermis, Length::from_si(layer), water}};
  ChannelArray pore;
  pore.channels_per_cm2 = 1e-4 / (std::numbers::pi * cell_radius * cell_radius);
  pore.radius = Length::from_si(pore_radius);
  pore.depth = Length::from_si(pore_length);
  pore.fluid = water;
  skin.channels = pore;
  TransportModel model(skin, Fidelity::full,
                       test_support::test_grid(micrometres(0.25), 1.2, 3, 0.1, micrometres(0.25)));
  Application application;
  application.constant_donor = 1.0 * units::milligram_per_millilitre;
  application.duration = hours(2);  // ≫ H²/D = 270 s
  application.n_samples = 2;

  auto state = model.initial_state();
  const auto result = model.apply(state, application);

  const double epsilon = pore_radius / cell_radius;
  const double psi = 1.0 - 1.4092 * epsilon + 0.3381 * std::pow(epsilon, 3) + 0.0679 * std::pow(epsilon, 5);
  const double resistance = pore_length / (std::numbers::pi * pore_radius * pore_radius * diffusivity) +
                            psi / (4.0 * diffusivity * pore_radius) +
                            layer / (std::numbers::pi * cell_radius * cell_radius * diffusivity);
  const double expected_flux = 1.0 / (resistance * std::numbers::pi * cell_radius * cell_radius);
  EXPECT_NEAR(result.samples.back().outflow.si() / expected_flux, 1.0, 0.02);
  RecordProperty("flux_ratio", fmt::format("{:.4e}", result.samples.back().outflow.si() / expected_flux));
}

}  // namespace
}  // namespace dermasim::transport
