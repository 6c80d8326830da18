#pragma once
// The 1-D discretizations of docs/transport.md: a layered column (intact skin) and the `fast`
// two-pathway column for micro-needled skin — an intact pathway (area 1 − φ) and a channel
// pathway (area φ, the open-area fraction) side by side in depth, coupled at each depth by a
// lateral exchange conductance from the quasi-steady radial profile in the equal-area unit
// cell (inner cylinder 8π·DK; annulus 2π·DK / F with
//   F = R⁴ ln(R/a) / (R² − a²)² − (3R² − a²) / (4 (R² − a²))).
// Without that exchange the drug that enters a channel could never spread sideways, and the
// channel pathway would see the viable tissue's resistance over its tiny area φ only.

#include <optional>
#include <vector>

#include "transport/finite_volume_system.hpp"
#include "transport/skin_geometry.hpp"

namespace dermasim::transport {

/// An intact layered column: vehicle cell, then the layers' cells from the surface down.
/// @pre validate_layers(layers) passes.
[[nodiscard]] FiniteVolumeSystem build_layered_column(const std::vector<Layer>& layers, Receptor receptor,
                                                      const GridResolution& resolution);

/// The two-pathway column for micro-needled skin (`fast` fidelity). Channel cells above the
/// channel depth are filled with `channels.fluid` (open) and heal towards the surrounding
/// tissue's D·K; they take the metabolism and clearance rates of the layer they cross.
/// @pre 0 < channels.radius < channels.unit_cell_radius().
[[nodiscard]] FiniteVolumeSystem build_two_pathway_column(const std::vector<Layer>& layers,
                                                          const ChannelArray& channels, Receptor receptor,
                                                          const GridResolution& resolution);

/// The annulus shape factor F(R, a) above (dimensionless). @pre 0 < a < R.
[[nodiscard]] double annulus_shape_factor(double unit_cell_radius, double channel_radius);

/// The cell of `material` over a depth interval of `thickness` and area fraction `area`.
[[nodiscard]] FvCell make_cell(Compartment compartment, const Material& material, double thickness_m,
                               double area_fraction, std::size_t slab);

/// A cell of an open channel inside `layer`: the channel fluid with the layer's metabolism and
/// clearance; its conductance relaxes from the fluid's to the layer's as the channel closes.
[[nodiscard]] FvCell make_channel_cell(const ChannelArray& channels, const Layer& layer, double thickness_m,
                                       double area_fraction, std::size_t slab);

}  // namespace dermasim::transport
