#include "population/parameter_space.hpp"

#include <algorithm>
#include <cmath>

#include "core/error.hpp"

namespace dermasim::population {

Scale scale_for(const Range& range) {
  return range.low > 0.0 && range.high >= 10.0 * range.low ? Scale::logarithmic : Scale::linear;
}

double value_at(const Dimension& dimension, double unit) {
  expects(unit >= 0.0 && unit <= 1.0, "value_at: the unit coordinate lies outside 0 .. 1");
  const auto [low, high] = dimension.range;
  const double value =
      dimension.scale == Scale::logarithmic ? low * std::pow(high / low, unit) : low + unit * (high - low);
  return std::clamp(value, low, high);  // pow and the sum may round a hair past an end
}

}  // namespace dermasim::population
