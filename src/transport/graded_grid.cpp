#include "transport/graded_grid.hpp"

#include <algorithm>
#include <cmath>

#include "core/error.hpp"

namespace dermasim::transport {

std::vector<double> graded_segment(double start, double end, std::size_t n_cells, double growth,
                                   Refine refine) {
  expects(end > start, "graded_segment: end must exceed start");
  expects(n_cells >= 1, "graded_segment: at least one cell");
  expects(growth >= 1.0, "graded_segment: growth must be >= 1");
  std::vector<double> weights(n_cells);
  double total = 0.0;
  for (std::size_t k = 0; k < n_cells; ++k) {
    const std::size_t from_start = k;
    const std::size_t from_finish = n_cells - 1 - k;
    const std::size_t from_end = refine == Refine::both_ends ? std::min(from_start, from_finish)
                                 : refine == Refine::start   ? from_start
                                                             : from_finish;
    weights[k] = std::pow(growth, static_cast<double>(from_end));
    total += weights[k];
  }
  std::vector<double> faces(n_cells + 1);
  faces[0] = start;
  double running = 0.0;
  for (std::size_t k = 0; k < n_cells; ++k) {
    running += weights[k];
    faces[k + 1] = start + (end - start) * running / total;
  }
  faces[n_cells] = end;  // exact end despite round-off
  return faces;
}

std::vector<double> graded_faces(const std::vector<double>& breakpoints,
                                 const std::vector<std::size_t>& cells_per_segment, double growth) {
  expects(breakpoints.size() >= 2, "graded_faces: at least one segment");
  expects(cells_per_segment.size() + 1 == breakpoints.size(),
          "graded_faces: one cell count per segment");
  std::vector<double> faces{breakpoints.front()};
  for (std::size_t s = 0; s + 1 < breakpoints.size(); ++s) {
    const auto segment = graded_segment(breakpoints[s], breakpoints[s + 1], cells_per_segment[s],
                                        growth);
    faces.insert(faces.end(), segment.begin() + 1, segment.end());
  }
  return faces;
}

std::size_t cells_for_first_size(double length, double first_cell, double growth,
                                 std::size_t minimum, Refine refine) {
  expects(length > 0.0 && first_cell > 0.0, "cells_for_first_size: positive sizes");
  std::size_t n = std::max<std::size_t>(minimum, 1);
  // Grow n until the end cells of the two-sided geometric grading are small enough.
  while (n < 100000) {
    const auto faces = graded_segment(0.0, length, n, growth, refine);
    const double finest = refine == Refine::end ? faces[n] - faces[n - 1] : faces[1] - faces[0];
    if (finest <= first_cell * (1.0 + 1e-12)) {
      return n;
    }
    ++n;
  }
  return n;
}

}  // namespace dermasim::transport
