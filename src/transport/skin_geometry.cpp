#include "transport/skin_geometry.hpp"

#include <algorithm>
#include <cmath>
#include <numbers>

#include "core/error.hpp"
#include "transport/graded_grid.hpp"

namespace dermasim::transport {

Length ChannelArray::unit_cell_radius() const {
  const double density_per_m2 = channels_per_cm2 / units::square_centimetre.si();
  return Length::from_si(1.0 / std::sqrt(std::numbers::pi * density_per_m2));
}

double ChannelArray::open_area_fraction() const {
  const double ratio = radius / unit_cell_radius();
  return ratio * ratio;
}

void validate_material(const Material& material) {
  expects(material.diffusivity.si() > 0.0, "material: diffusivity must be positive");
  expects(material.partition > 0.0, "material: partition coefficient must be positive");
  expects(material.retardation >= 1.0, "material: retardation must be >= 1");
  expects(material.metabolism.si() >= 0.0 && material.clearance.si() >= 0.0, "material: rates must be non-negative");
}

void validate_layers(const std::vector<Layer>& layers) {
  expects(!layers.empty(), "layers: at least one layer");
  for (const auto& layer : layers) {
    expects(layer.thickness.si() > 0.0, "layers: thickness must be positive");
    expects(layer.compartment != Compartment::vehicle, "layers: the vehicle is not a skin layer");
    validate_material(layer.material);
  }
}

bool materials_differ(const Material& a, const Material& b) {
  const auto differ = [](double x, double y) { return std::abs(x - y) > 1e-12 * std::max(std::abs(x), std::abs(y)); };
  return differ(a.conductance_product(), b.conductance_product()) ||
         differ(a.partition * a.retardation, b.partition * b.retardation) ||
         differ(a.metabolism.si(), b.metabolism.si()) || differ(a.clearance.si(), b.clearance.si());
}

DepthSegments depth_segments(const std::vector<Layer>& layers, double channel_depth_m, const Material* channel_fluid) {
  DepthSegments segments;
  segments.breakpoints.push_back(0.0);
  segments.is_refined.push_back(true);
  double depth = 0.0;
  bool channel_inside = false;  // the channel bottom coincides with no interface
  for (std::size_t l = 0; l < layers.size(); ++l) {
    const double bottom = depth + layers[l].thickness.si();
    const double tolerance = 1e-3 * layers[l].thickness.si();
    const bool is_barrier = layers[l].compartment == Compartment::stratum_corneum;
    if (channel_depth_m > depth + tolerance && channel_depth_m < bottom - tolerance) {
      segments.breakpoints.push_back(channel_depth_m);
      segments.layer_of_segment.push_back(l);
      segments.is_barrier.push_back(is_barrier);
      segments.is_refined.push_back(channel_fluid == nullptr || materials_differ(*channel_fluid, layers[l].material));
      channel_inside = true;
    }
    segments.breakpoints.push_back(bottom);
    segments.layer_of_segment.push_back(l);
    segments.is_barrier.push_back(is_barrier);
    const bool last = l + 1 == layers.size();
    bool refined = !last && materials_differ(layers[l].material, layers[l + 1].material);
    // A channel ending exactly at this interface: its fluid meets the layer below.
    if (!last && !channel_inside && channel_fluid != nullptr && std::abs(channel_depth_m - bottom) <= tolerance) {
      refined = refined || materials_differ(*channel_fluid, layers[l + 1].material);
    }
    segments.is_refined.push_back(refined);
    depth = bottom;
  }
  return segments;
}

std::vector<double> depth_faces(const DepthSegments& segments, const GridResolution& resolution) {
  std::vector<Grading> gradings;
  for (std::size_t s = 0; s + 1 < segments.breakpoints.size(); ++s) {
    const double length = segments.breakpoints[s + 1] - segments.breakpoints[s];
    const double fraction =
        segments.is_barrier[s] ? resolution.barrier_largest_cell_fraction : resolution.largest_cell_fraction;
    const bool at_start = segments.is_refined[s];
    const bool at_end = segments.is_refined[s + 1];
    Refine refine = at_start && at_end ? Refine::both_ends
                    : at_start         ? Refine::start
                    : at_end           ? Refine::end
                                       : Refine::none;
    if (refine == Refine::none && fraction <= 0.0) refine = Refine::both_ends;  // no cap given
    gradings.push_back(
        {resolution.finest_cell.si(), resolution.growth, fraction * length, resolution.min_cells_per_segment, refine});
  }
  return graded_faces(segments.breakpoints, gradings);
}

std::array<double, 3> compartment_thicknesses(const std::vector<Layer>& layers) {
  std::array<double, 3> thickness{0.0, 0.0, 0.0};
  for (const auto& layer : layers) {
    thickness[static_cast<std::size_t>(layer.compartment) - 1] += layer.thickness.si();
  }
  return thickness;
}

}  // namespace dermasim::transport
