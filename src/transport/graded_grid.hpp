#pragma once
// Graded one-dimensional grids for the finite-volume discretization (docs/transport.md §2): cells
// are finest at the ends of each segment (layer interfaces, the channel wall and bottom) and grow
// geometrically towards its middle, up to a largest size.

#include <cstddef>
#include <vector>

namespace dermasim::transport {

/// Which ends of a segment get the finest cells.
enum class Refine { both_ends, start, end, none };

/// How a segment is graded: sizes first·growth^k from each refined end, capped at largest,
/// then scaled down uniformly so that they fill the segment exactly.
struct Grading {
  double first_cell = 0.0;    // m, > 0
  double growth = 1.0;        // >= 1
  double largest_cell = 0.0;  // m; <= 0: no cap
  std::size_t min_cells = 1;
  Refine refine = Refine::both_ends;
};

/// Faces of the segment [start, end] graded as `grading` says.
/// @pre end > start, grading.first_cell > 0, grading.growth >= 1.
/// @post strictly increasing, front() == start, back() == end; no cell exceeds first_cell at a
/// refined end, nor largest_cell anywhere.
[[nodiscard]] std::vector<double> graded_segment(double start, double end, const Grading& grading);

/// Faces of consecutive segments joined at their common points; `breakpoints` strictly
/// increasing, one grading per segment.
[[nodiscard]] std::vector<double> graded_faces(const std::vector<double>& breakpoints,
                                               const std::vector<Grading>& gradings);

}  // namespace dermasim::transport
