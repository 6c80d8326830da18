#include "transport/finite_volume_system.hpp"

#include <random>
#include <vector>

#include <gtest/gtest.h>

#include "test_grid.hpp"

#include "transport/axisymmetric_cell.hpp"
#include "transport/layered_column.hpp"

namespace dermasim::transport {
namespace {

FiniteVolumeSystem healing_cell() {
  const Material sc{square_centimetres_per_second(2e-10), 30.0, 1.0};
  const Material ve{square_centimetres_per_second(2e-6), 0.6, 4.0, 0.3 * units::per_hour, Rate{}};
  const Material de{square_centimetres_per_second(2e-6), 0.6, 6.0, Rate{}, 2.0 * units::per_hour};
  ChannelArray channels{400.0, micrometres(150), micrometres(30),
                        Material{square_centimetres_per_second(5e-6), 1.0, 1.0}};
  auto system = build_axisymmetric_cell({{Compartment::stratum_corneum, micrometres(15), sc},
                                         {Compartment::viable_epidermis, micrometres(60), ve},
                                         {Compartment::dermis, micrometres(300), de}},
                                        channels, Receptor::sink,
                                        test_support::test_grid(micrometres(2), 1.5, 2, 0.3, micrometres(4)));
  system.set_vehicle(VehicleMode::film, 5e-4);
  system.set_closure({-600.0, 3600.0});
  system.set_barrier(0.6);
  return system;
}

std::vector<double> random_state(std::size_t n) {
  std::mt19937 generator(7);
  std::uniform_real_distribution<double> uniform(0.0, 1.0);
  std::vector<double> y(n);
  for (auto& value : y) value = uniform(generator);
  return y;
}

TEST(FiniteVolumeSystem, JacobianEqualsTheDerivativeOfTheRightHandSide) {
  const auto system = healing_cell();
  const auto y = random_state(system.n_states());
  const auto& pattern = system.jacobian_pattern();
  std::vector<double> values(pattern.n_nonzeros());
  system.jacobian(1800.0, values);
  std::vector<double> base(system.n_states()), bumped(system.n_states());
  system.rhs(1800.0, y, base);

  double worst = 0.0;
  for (std::size_t column : {0ul, 1ul, system.n_cells() / 2, system.n_cells() - 1}) {
    auto shifted = y;
    shifted[column] += 1.0;  // the system is linear in y: a unit step is exact
    system.rhs(1800.0, shifted, bumped);
    for (std::size_t row = 0; row < system.n_states(); ++row) {
      double entry = 0.0;
      for (auto k = pattern.row_start[row]; k < pattern.row_start[row + 1]; ++k) {
        if (pattern.column_index[k] == static_cast<std::int64_t>(column)) entry = values[k];
      }
      const double scale = std::max(std::abs(entry), 1e-300);
      worst = std::max(worst, std::abs(bumped[row] - base[row] - entry) / scale);
    }
  }
  EXPECT_LT(worst, 1e-8);
}

TEST(FiniteVolumeSystem, RightHandSideConservesTheTotalAmountToRoundOff) {
  const auto system = healing_cell();
  const auto y = random_state(system.n_states());
  std::vector<double> ydot(system.n_states());

  system.rhs(100.0, y, ydot);

  // d/dt (Σ capacity·u + receptor + cleared + metabolized − supplied) = 0.
  double rate = 0.0, magnitude = 0.0;
  for (std::size_t i = 0; i < system.n_cells(); ++i) {
    const double capacity = system.cells()[i].capacity;
    rate += capacity * ydot[i];
    magnitude += std::abs(capacity * ydot[i]);
  }
  for (auto which : {Accumulator::receptor, Accumulator::cleared, Accumulator::metabolized}) {
    rate += ydot[system.accumulator_index(which)];
  }
  rate -= ydot[system.accumulator_index(Accumulator::supplied)];
  EXPECT_LT(std::abs(rate), 1e-13 * magnitude);
}

TEST(FiniteVolumeSystem, AnAbsentVehicleExchangesNothingWithTheSkin) {
  auto system = healing_cell();
  system.set_vehicle(VehicleMode::absent, 0.0);
  std::vector<double> y(system.n_states(), 0.0);
  y[0] = 1.0;  // whatever is left in the vehicle slot is inert
  std::vector<double> ydot(system.n_states());

  system.rhs(0.0, y, ydot);

  for (std::size_t i = 0; i < system.n_states(); ++i) EXPECT_EQ(ydot[i], 0.0) << i;
}

}  // namespace
}  // namespace dermasim::transport
