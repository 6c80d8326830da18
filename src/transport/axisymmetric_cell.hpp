#pragma once
// The `full` discretization of docs/transport.md: one micro-channel's unit cell as an axisymmetric
// cylinder of equal area (radius R), cell-centred finite volumes on an r–z tensor grid graded
// towards the channel wall (r = a), every layer interface and the channel bottom. Symmetry
// (no flux) at r = 0 and r = R; the well-mixed vehicle on top; sink or no flux below.

#include <cstddef>
#include <vector>

#include "transport/finite_volume_system.hpp"
#include "transport/skin_geometry.hpp"

namespace dermasim::transport {

/// The r and z faces of an axisymmetric grid, for reporting the cell count.
struct AxisymmetricGrid {
  std::vector<double> radial_faces;
  std::vector<double> depth_faces;
  [[nodiscard]] std::size_t n_cells() const { return (radial_faces.size() - 1) * (depth_faces.size() - 1); }
};

/// The grid that build_axisymmetric_cell uses for these inputs.
[[nodiscard]] AxisymmetricGrid axisymmetric_grid(const std::vector<Layer>& layers, const ChannelArray& channels,
                                                 const GridResolution& resolution);

/// Cell (i, j) — radial index i, depth index j — has index 1 + j·n_r + i; cell 0 is the
/// vehicle. Cells with centre r < a and z < depth are channel fluid, healing to the tissue's
/// D·K and taking the rates of the layer they cross.
/// @pre 0 < channels.radius < channels.unit_cell_radius(), channels.depth > 0.
[[nodiscard]] FiniteVolumeSystem build_axisymmetric_cell(const std::vector<Layer>& layers, const ChannelArray& channels,
                                                         Receptor receptor, const GridResolution& resolution);

}  // namespace dermasim::transport
