// From unit coordinates to parameter values: linear and logarithmic scales.

#include "population/parameter_space.hpp"

#include <cmath>

#include <gtest/gtest.h>

namespace dermasim::population {
namespace {

Dimension dimension(double low, double high) {
  return {"x", low, {low, high}, scale_for({low, high}), [](PersonInputs&, double) {}};
}

TEST(ParameterSpace, SamplesANarrowRangeLinearly) {
  const auto narrow = dimension(8.0, 30.0);

  EXPECT_EQ(narrow.scale, Scale::linear);
  EXPECT_NEAR(value_at(narrow, 0.5), 19.0, 1e-12);
  EXPECT_NEAR(value_at(narrow, 0.25), 13.5, 1e-12);
}

TEST(ParameterSpace, SamplesARangeOfADecadeOrMoreInItsLogarithm) {
  const auto wide = dimension(100.0, 1600.0);

  EXPECT_EQ(wide.scale, Scale::logarithmic);
  EXPECT_NEAR(value_at(wide, 0.5), 400.0, 1e-9);  // the geometric mean
  EXPECT_NEAR(value_at(wide, 0.25), 200.0, 1e-9);
}

TEST(ParameterSpace, SamplesARangeFromZeroLinearly) { EXPECT_EQ(dimension(0.0, 1.0).scale, Scale::linear); }

TEST(ParameterSpace, StaysWithinTheRangeAtItsEnds) {
  const auto wide = dimension(0.007, 0.63);

  EXPECT_GE(value_at(wide, 0.0), 0.007);
  EXPECT_LE(value_at(wide, 1.0), 0.63);
  EXPECT_NEAR(value_at(wide, 1.0), 0.63, 1e-15);
}

}  // namespace
}  // namespace dermasim::population
