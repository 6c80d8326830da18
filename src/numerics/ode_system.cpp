#include "numerics/ode_system.hpp"

#include "core/error.hpp"

namespace dermasim::numerics {

const SparsityPattern& OdeSystem::jacobian_pattern() const {
  static const SparsityPattern none;
  return none;
}

void OdeSystem::jacobian(double, std::span<double>) const {
  expects(false, "OdeSystem::jacobian: this system offers no Jacobian (check has_jacobian())");
}

}  // namespace dermasim::numerics
