#pragma once
// Skin geometry for transport (docs/transport.md §1): the layers from the surface down, the
// receptor below them, the micro-channel array and its unit cell (a square of side
// 1/sqrt(density) approximated by the cylinder of equal area, R = 1/sqrt(π·density)), and
// the grid resolution that the discretizations share.

#include <array>
#include <cstddef>
#include <vector>

#include "core/units.hpp"
#include "transport/material.hpp"

namespace dermasim::transport {

/// What lies below the dermis: a Franz-cell sink (u = 0; excised skin, channels do not heal)
/// or, in vivo, no flux with dermal clearance inside the dermis (channels close).
enum class Receptor { sink, clearance };

/// A periodic array of micro-channels. Invariant: density > 0, depth > 0, 0 < radius < R.
struct ChannelArray {
  double channels_per_cm2 = 0.0;
  Length depth;    // effective channel depth (depth fraction × needle length)
  Length radius;   // channel radius at the surface
  Material fluid;  // the interstitial fluid filling an open channel

  /// Radius of the equal-area cylindrical unit cell, 1/sqrt(π·density).
  [[nodiscard]] Length unit_cell_radius() const;
  /// Open-area fraction (radius / R)².
  [[nodiscard]] double open_area_fraction() const;
};

/// Grid controls: the smallest cell (at every interface, wall and channel bottom) and the
/// geometric growth factor away from it.
struct GridResolution {
  Length finest_cell = micrometres(0.5);
  double growth = 1.25;
  std::size_t min_cells_per_segment = 4;
  double largest_cell_fraction = 0.125;  // no cell larger than this fraction of its segment
  // The stratum corneum carries the steep early transient of a barrier-limited compound:
  // its cells stay nearly uniform (no larger than this fraction of its thickness).
  double barrier_largest_cell_fraction = 0.03;
  Length finest_radial = micrometres(1.0);
};

/// The depth segments of a layered skin: breakpoints (m, from the surface) at each layer
/// interface and, when given, at the channel depth; each segment's layer index.
/// A breakpoint is refined (finest cells on both sides) where the materials on its two sides
/// differ — or, at the channel bottom, where the channel fluid differs from the tissue — and
/// at the surface, where the donor's transient is steepest; elsewhere cells stay coarse.
struct DepthSegments {
  std::vector<double> breakpoints;
  std::vector<std::size_t> layer_of_segment;
  std::vector<bool> is_barrier;  // the segment lies in the stratum corneum
  std::vector<bool> is_refined;  // per breakpoint
};
[[nodiscard]] DepthSegments depth_segments(const std::vector<Layer>& layers, double channel_depth_m,
                                           const Material* channel_fluid = nullptr);

/// True when two materials differ in any transport property (relative 1e-12).
[[nodiscard]] bool materials_differ(const Material& a, const Material& b);

/// Faces of a graded depth grid over the segments.
[[nodiscard]] std::vector<double> depth_faces(const DepthSegments& segments, const GridResolution& resolution);

/// Thickness (m) of the SC, VE and dermis compartments, in that order.
[[nodiscard]] std::array<double, 3> compartment_thicknesses(const std::vector<Layer>& layers);

/// Checks a layer stack: at least one layer, positive thicknesses and valid materials.
void validate_layers(const std::vector<Layer>& layers);
void validate_material(const Material& material);

}  // namespace dermasim::transport
