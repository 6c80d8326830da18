#include "transport/graded_grid.hpp"

#include <algorithm>
#include <cmath>

#include "core/error.hpp"

namespace dermasim::transport {
namespace {

// Distance (in cells) of cell k of n from the nearest refined end.
std::size_t distance_from_refined_end(std::size_t k, std::size_t n, Refine refine) {
  switch (refine) {
    case Refine::start:
      return k;
    case Refine::end:
      return n - 1 - k;
    case Refine::both_ends:
      return std::min(k, n - 1 - k);
    case Refine::none:
      return std::size_t{1000};  // every cell at the largest size
  }
  return k;
}

}  // namespace

std::vector<double> graded_segment(double start, double end, const Grading& grading) {
  expects(end > start, "graded_segment: end must exceed start");
  expects(grading.first_cell > 0.0, "graded_segment: first cell must be positive");
  expects(grading.growth >= 1.0, "graded_segment: growth must be >= 1");
  const double length = end - start;
  const double cap = grading.largest_cell > 0.0 ? std::max(grading.largest_cell, grading.first_cell) : length;
  expects(grading.refine != Refine::none || grading.largest_cell > 0.0,
          "graded_segment: an unrefined segment needs a largest cell size");
  const auto size_at = [&](std::size_t from_end) {
    return std::min(cap, grading.first_cell * std::pow(grading.growth, static_cast<double>(from_end)));
  };
  std::size_t n = std::max<std::size_t>(grading.min_cells, 1);
  std::vector<double> sizes;
  for (;; ++n) {
    sizes.resize(n);
    double total = 0.0;
    for (std::size_t k = 0; k < n; ++k) {
      sizes[k] = size_at(distance_from_refined_end(k, n, grading.refine));
      total += sizes[k];
    }
    if (total >= length * (1.0 - 1e-12)) {
      for (auto& size : sizes) size *= length / total;
      break;
    }
  }
  std::vector<double> faces(n + 1);
  faces[0] = start;
  for (std::size_t k = 0; k < n; ++k) faces[k + 1] = faces[k] + sizes[k];
  faces[n] = end;  // exact end despite round-off
  return faces;
}

std::vector<double> graded_faces(const std::vector<double>& breakpoints, const std::vector<Grading>& gradings) {
  expects(breakpoints.size() >= 2, "graded_faces: at least one segment");
  expects(gradings.size() + 1 == breakpoints.size(), "graded_faces: one grading per segment");
  std::vector<double> faces{breakpoints.front()};
  for (std::size_t s = 0; s + 1 < breakpoints.size(); ++s) {
    const auto segment = graded_segment(breakpoints[s], breakpoints[s + 1], gradings[s]);
    faces.insert(faces.end(), segment.begin() + 1, segment.end());
  }
  return faces;
}

}  // namespace dermasim::transport
