#pragma once
// A depth/radial grid for transport tests: one finest cell, one growth factor and one largest-cell
// fraction for every segment, stratum corneum included (tests size the grid to the case they
// check, not to the production defaults of transport::GridResolution).

#include <cstddef>

#include "transport/skin_geometry.hpp"

namespace dermasim::test_support {

inline transport::GridResolution test_grid(Length finest_cell, double growth, std::size_t min_cells_per_segment,
                                           double largest_cell_fraction, Length finest_radial) {
  return transport::GridResolution{.finest_cell = finest_cell,
                                   .growth = growth,
                                   .min_cells_per_segment = min_cells_per_segment,
                                   .largest_cell_fraction = largest_cell_fraction,
                                   .barrier_largest_cell_fraction = largest_cell_fraction,
                                   .finest_radial = finest_radial};
}

}  // namespace dermasim::test_support
