#include "transport/axisymmetric_cell.hpp"

#include "core/error.hpp"
#include "transport/graded_grid.hpp"
#include "transport/layered_column.hpp"

namespace dermasim::transport {

AxisymmetricGrid axisymmetric_grid(const std::vector<Layer>& layers, const ChannelArray& channels,
                                   const GridResolution& resolution) {
  const double big_r = channels.unit_cell_radius().si();
  const double small_r = channels.radius.si();
  expects(small_r > 0.0 && small_r < big_r, "axisymmetric cell: channel radius must be < R");
  expects(channels.depth.si() > 0.0, "axisymmetric cell: channel depth must be positive");
  const double finest = resolution.finest_radial.si();
  const double largest = resolution.largest_cell_fraction;
  AxisymmetricGrid grid;
  grid.radial_faces = graded_segment(0.0, small_r, {finest, resolution.growth, largest * small_r,
                                                    resolution.min_cells_per_segment, Refine::end});
  const auto outer = graded_segment(small_r, big_r, {finest, resolution.growth,
                                                     largest * (big_r - small_r),
                                                     resolution.min_cells_per_segment, Refine::start});
  grid.radial_faces.insert(grid.radial_faces.end(), outer.begin() + 1, outer.end());
  grid.depth_faces = depth_faces(depth_segments(layers, channels.depth.si(), &channels.fluid), resolution);
  return grid;
}

FiniteVolumeSystem build_axisymmetric_cell(const std::vector<Layer>& layers,
                                           const ChannelArray& channels, Receptor receptor,
                                           const GridResolution& resolution) {
  validate_layers(layers);
  validate_material(channels.fluid);
  const auto grid = axisymmetric_grid(layers, channels, resolution);
  const auto& rf = grid.radial_faces;
  const auto& zf = grid.depth_faces;
  const std::size_t n_r = rf.size() - 1;
  const std::size_t n_z = zf.size() - 1;
  const double big_r = channels.unit_cell_radius().si();
  const double r2 = big_r * big_r;
  const double small_r = channels.radius.si();
  const double channel_depth = channels.depth.si();
  const auto segments = depth_segments(layers, channel_depth, &channels.fluid);
  const auto index = [n_r](std::size_t i, std::size_t j) { return 1 + j * n_r + i; };

  FvCell vehicle;
  vehicle.compartment = Compartment::vehicle;
  vehicle.conductance_product = 1.0;
  vehicle.open_conductance_product = 1.0;
  std::vector<FvCell> cells{vehicle};
  cells.reserve(1 + n_r * n_z);
  std::size_t segment = 0;
  for (std::size_t j = 0; j < n_z; ++j) {
    const double dz = zf[j + 1] - zf[j];
    const double zc = 0.5 * (zf[j] + zf[j + 1]);
    while (zc > segments.breakpoints[segment + 1]) ++segment;
    const auto& layer = layers[segments.layer_of_segment[segment]];
    for (std::size_t i = 0; i < n_r; ++i) {
      const double area = (rf[i + 1] * rf[i + 1] - rf[i] * rf[i]) / r2;
      const double rc = 0.5 * (rf[i] + rf[i + 1]);
      if (rc < small_r && zc < channel_depth) {
        cells.push_back(make_channel_cell(channels, layer, dz, area, j));
      } else {
        cells.push_back(make_cell(layer.compartment, layer.material, dz, area, j));
      }
    }
  }

  std::vector<FvFace> faces;
  std::vector<FvSinkFace> sinks;
  for (std::size_t i = 0; i < n_r; ++i) {
    const double area = (rf[i + 1] * rf[i + 1] - rf[i] * rf[i]) / r2;
    faces.push_back({0, index(i, 0), area, 0.0, 0.5 * (zf[1] - zf[0])});
  }
  for (std::size_t j = 0; j < n_z; ++j) {
    const double dz = zf[j + 1] - zf[j];
    for (std::size_t i = 0; i + 1 < n_r; ++i) {
      const double r_face = rf[i + 1];
      faces.push_back({index(i, j), index(i + 1, j), 2.0 * r_face * dz / r2,
                       r_face - 0.5 * (rf[i] + rf[i + 1]), 0.5 * (rf[i + 1] + rf[i + 2]) - r_face});
    }
    if (j + 1 < n_z) {
      for (std::size_t i = 0; i < n_r; ++i) {
        const double area = (rf[i + 1] * rf[i + 1] - rf[i] * rf[i]) / r2;
        faces.push_back({index(i, j), index(i, j + 1), area, 0.5 * dz, 0.5 * (zf[j + 2] - zf[j + 1])});
      }
    }
  }
  if (receptor == Receptor::sink) {
    for (std::size_t i = 0; i < n_r; ++i) {
      const double area = (rf[i + 1] * rf[i + 1] - rf[i] * rf[i]) / r2;
      sinks.push_back({index(i, n_z - 1), area, 0.5 * (zf[n_z] - zf[n_z - 1])});
    }
  }
  return FiniteVolumeSystem(std::move(cells), std::move(faces), std::move(sinks), zf,
                            compartment_thicknesses(layers));
}

}  // namespace dermasim::transport
