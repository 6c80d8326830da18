#include "transport/layered_column.hpp"

#include <cmath>

#include "core/error.hpp"

namespace dermasim::transport {

FvCell make_cell(Compartment compartment, const Material& material, double thickness_m, double area_fraction,
                 std::size_t slab) {
  FvCell cell;
  cell.compartment = compartment;
  const double volume = thickness_m * area_fraction;  // per unit skin area
  cell.capacity = material.partition * material.retardation * volume;
  cell.metabolism = material.metabolism.si() * material.partition * volume;
  cell.clearance = material.clearance.si() * material.partition * volume;
  cell.conductance_product = material.conductance_product();
  cell.open_conductance_product = cell.conductance_product;
  cell.slab = slab;
  cell.is_barrier = compartment == Compartment::stratum_corneum;
  return cell;
}

FvCell make_channel_cell(const ChannelArray& channels, const Layer& layer, double thickness_m, double area_fraction,
                         std::size_t slab) {
  Material fluid = channels.fluid;
  fluid.metabolism = layer.material.metabolism;
  fluid.clearance = layer.material.clearance;
  FvCell cell = make_cell(layer.compartment, fluid, thickness_m, area_fraction, slab);
  cell.is_channel = true;
  cell.is_barrier = false;
  cell.open_conductance_product = channels.fluid.conductance_product();
  cell.conductance_product = layer.material.conductance_product();
  return cell;
}

namespace {

FvCell vehicle_cell() {
  FvCell cell;
  cell.compartment = Compartment::vehicle;
  cell.conductance_product = 1.0;  // unused: the well-mixed vehicle adds no resistance
  cell.open_conductance_product = 1.0;
  return cell;
}

}  // namespace

double annulus_shape_factor(double unit_cell_radius, double channel_radius) {
  const double big = unit_cell_radius;
  const double small = channel_radius;
  expects(small > 0.0 && small < big, "annulus_shape_factor: need 0 < a < R");
  const double difference = big * big - small * small;
  return std::pow(big, 4) * std::log(big / small) / (difference * difference) -
         (3.0 * big * big - small * small) / (4.0 * difference);
}

FiniteVolumeSystem build_layered_column(const std::vector<Layer>& layers, Receptor receptor,
                                        const GridResolution& resolution) {
  validate_layers(layers);
  const auto segments = depth_segments(layers, 0.0);
  const auto faces_z = depth_faces(segments, resolution);
  std::vector<FvCell> cells{vehicle_cell()};
  std::vector<FvFace> faces;
  std::vector<FvSinkFace> sinks;
  std::size_t segment = 0;
  for (std::size_t k = 0; k + 1 < faces_z.size(); ++k) {
    const double centre = 0.5 * (faces_z[k] + faces_z[k + 1]);
    while (centre > segments.breakpoints[segment + 1]) ++segment;
    const auto& layer = layers[segments.layer_of_segment[segment]];
    cells.push_back(make_cell(layer.compartment, layer.material, faces_z[k + 1] - faces_z[k], 1.0, k));
  }
  const std::size_t n_depth = faces_z.size() - 1;
  faces.push_back({0, 1, 1.0, 0.0, 0.5 * (faces_z[1] - faces_z[0])});
  for (std::size_t k = 0; k + 1 < n_depth; ++k) {
    faces.push_back({k + 1, k + 2, 1.0, 0.5 * (faces_z[k + 1] - faces_z[k]), 0.5 * (faces_z[k + 2] - faces_z[k + 1])});
  }
  if (receptor == Receptor::sink) {
    sinks.push_back({n_depth, 1.0, 0.5 * (faces_z[n_depth] - faces_z[n_depth - 1])});
  }
  return FiniteVolumeSystem(std::move(cells), std::move(faces), std::move(sinks), faces_z,
                            compartment_thicknesses(layers));
}

FiniteVolumeSystem build_two_pathway_column(const std::vector<Layer>& layers, const ChannelArray& channels,
                                            Receptor receptor, const GridResolution& resolution) {
  validate_layers(layers);
  validate_material(channels.fluid);
  const double big_r = channels.unit_cell_radius().si();
  const double small_r = channels.radius.si();
  expects(small_r > 0.0 && small_r < big_r, "two-pathway column: channel radius must be < R");
  expects(channels.depth.si() > 0.0, "two-pathway column: channel depth must be positive");
  const double phi = channels.open_area_fraction();
  const double shape = annulus_shape_factor(big_r, small_r);
  const double channel_depth = channels.depth.si();

  const auto segments = depth_segments(layers, channel_depth, &channels.fluid);
  const auto faces_z = depth_faces(segments, resolution);
  const std::size_t n_depth = faces_z.size() - 1;
  const auto intact = [](std::size_t k) { return 1 + 2 * k; };
  const auto channel = [](std::size_t k) { return 2 + 2 * k; };

  std::vector<FvCell> cells{vehicle_cell()};
  std::vector<FvFace> faces;
  std::vector<FvSinkFace> sinks;
  std::size_t segment = 0;
  for (std::size_t k = 0; k < n_depth; ++k) {
    const double dz = faces_z[k + 1] - faces_z[k];
    const double centre = 0.5 * (faces_z[k] + faces_z[k + 1]);
    while (centre > segments.breakpoints[segment + 1]) ++segment;
    const auto& layer = layers[segments.layer_of_segment[segment]];
    cells.push_back(make_cell(layer.compartment, layer.material, dz, 1.0 - phi, k));
    if (centre < channel_depth) {
      cells.push_back(make_channel_cell(channels, layer, dz, phi, k));
    } else {
      cells.push_back(make_cell(layer.compartment, layer.material, dz, phi, k));
    }
    // Lateral exchange per unit skin area: (dz / πR²) · 2π / (1/4 / DK_in + F / DK_annulus).
    faces.push_back({channel(k), intact(k), 2.0 * dz / (big_r * big_r), 0.25, shape});
  }
  faces.push_back({0, intact(0), 1.0 - phi, 0.0, 0.5 * (faces_z[1] - faces_z[0])});
  faces.push_back({0, channel(0), phi, 0.0, 0.5 * (faces_z[1] - faces_z[0])});
  for (std::size_t k = 0; k + 1 < n_depth; ++k) {
    const double upper = 0.5 * (faces_z[k + 1] - faces_z[k]);
    const double lower = 0.5 * (faces_z[k + 2] - faces_z[k + 1]);
    faces.push_back({intact(k), intact(k + 1), 1.0 - phi, upper, lower});
    faces.push_back({channel(k), channel(k + 1), phi, upper, lower});
  }
  if (receptor == Receptor::sink) {
    const double half = 0.5 * (faces_z[n_depth] - faces_z[n_depth - 1]);
    sinks.push_back({intact(n_depth - 1), 1.0 - phi, half});
    sinks.push_back({channel(n_depth - 1), phi, half});
  }
  return FiniteVolumeSystem(std::move(cells), std::move(faces), std::move(sinks), faces_z,
                            compartment_thicknesses(layers));
}

}  // namespace dermasim::transport
