#include "core/units.hpp"

#include <gtest/gtest.h>

namespace dermasim {

TEST(Units, StoresSiAndConvertsOnTheWayOut) {
  const Length thickness = micrometres(15.0);

  EXPECT_DOUBLE_EQ(thickness.si(), 15e-6);
  EXPECT_NEAR(thickness.in(units::centimetre), 15e-4, 1e-18);
}

TEST(Units, DerivesDimensionsFromProductsAndQuotients) {
  const Diffusivity diffusivity = square_centimetres_per_second(1e-10);
  const Length thickness = micrometres(15.0);

  const Time lag = thickness * thickness / (6.0 * diffusivity);  // L²/6D, in seconds

  EXPECT_NEAR(lag.in(units::hour), 1.0417, 1e-4);
}

TEST(Units, ConvertsAmountsPerArea) {
  const MassPerArea dose = milligrams_per_square_centimetre(2.0);

  EXPECT_NEAR(dose.si(), 2e-6 / 1e-4, 1e-15);
  EXPECT_NEAR(dose.in(units::nanogram_per_square_centimetre), 2e6, 1e-6);
}

namespace {
template <class A, class B>
concept can_add = requires(A a, B b) {
  a + b;
};
}  // namespace
static_assert(!can_add<Length, Time>, "length + time must not compile");
static_assert(can_add<Length, Length>);

}  // namespace dermasim
