#pragma once
// Graded one-dimensional grids for the finite-volume discretization (MODEL.md §1,
// "Discretization"): cells are finest at the ends of each segment (layer interfaces, the
// channel wall and bottom) and grow geometrically towards its middle.

#include <cstddef>
#include <vector>

namespace dermasim::transport {

/// Which ends of a segment get the finest cells.
enum class Refine { both_ends, start, end };

/// Cell faces of one segment [start, end] split into `n_cells` cells whose sizes grow by
/// `growth` per cell away from the refined end(s) (growth = 1: uniform).
/// @pre end > start, n_cells >= 1, growth >= 1.
/// @post result.size() == n_cells + 1, strictly increasing, front() == start, back() == end.
[[nodiscard]] std::vector<double> graded_segment(double start, double end, std::size_t n_cells,
                                                 double growth, Refine refine = Refine::both_ends);

/// Faces of consecutive segments joined at their common points: `breakpoints` are the segment
/// ends (strictly increasing), `cells_per_segment` and `growth` one entry per segment.
[[nodiscard]] std::vector<double> graded_faces(const std::vector<double>& breakpoints,
                                               const std::vector<std::size_t>& cells_per_segment,
                                               double growth);

/// Number of cells a segment of `length` needs so that, with geometric growth `growth` from
/// the refined end(s), its finest cells are no larger than `first_cell` (at least `minimum` cells).
[[nodiscard]] std::size_t cells_for_first_size(double length, double first_cell, double growth,
                                               std::size_t minimum = 2,
                                               Refine refine = Refine::both_ends);

}  // namespace dermasim::transport
