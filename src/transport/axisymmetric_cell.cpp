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
  grid.radial_faces = graded_segment(
      0.0, small_r, {finest, resolution.growth, largest * small_r, resolution.min_cells_per_segment, Refine::end});
  const auto outer = graded_segment(
      small_r, big_r,
      {finest, resolution.growth, largest * (big_r - small_r), resolution.min_cells_per_segment, Refine::start});
  grid.radial_faces.insert(grid.radial_faces.end(), outer.begin() + 1, outer.end());
  grid.depth_faces = depth_faces(depth_segments(layers, channels.depth.si(), &channels.fluid), resolution);
  return grid;
}

namespace {

/// The unit cell's grid with the numbers its cells and faces are built from.
struct CellGrid {
  const std::vector<double>& rf;  // radial faces
  const std::vector<double>& zf;  // depth faces
  std::size_t n_r;
  std::size_t n_z;
  double r2;  // unit-cell radius squared: areas are fractions of the cell

  [[nodiscard]] std::size_t index(std::size_t i, std::size_t j) const { return 1 + j * n_r + i; }
  /// The area of ring i as a fraction of the unit cell's.
  [[nodiscard]] double ring_area(std::size_t i) const { return (rf[i + 1] * rf[i + 1] - rf[i] * rf[i]) / r2; }
};

/// The vehicle cell, then the rings of each depth row: channel fluid inside the channel, the
/// layer's tissue elsewhere.
std::vector<FvCell> cell_cells(const CellGrid& grid, const std::vector<Layer>& layers, const ChannelArray& channels) {
  const double small_r = channels.radius.si();
  const double channel_depth = channels.depth.si();
  const auto segments = depth_segments(layers, channel_depth, &channels.fluid);
  FvCell vehicle;
  vehicle.compartment = Compartment::vehicle;
  vehicle.conductance_product = 1.0;
  vehicle.open_conductance_product = 1.0;
  std::vector<FvCell> cells{vehicle};
  cells.reserve(1 + grid.n_r * grid.n_z);
  std::size_t segment = 0;
  for (std::size_t j = 0; j < grid.n_z; ++j) {
    const double dz = grid.zf[j + 1] - grid.zf[j];
    const double zc = 0.5 * (grid.zf[j] + grid.zf[j + 1]);
    while (zc > segments.breakpoints[segment + 1]) ++segment;
    const auto& layer = layers[segments.layer_of_segment[segment]];
    for (std::size_t i = 0; i < grid.n_r; ++i) {
      const double area = grid.ring_area(i);
      const double rc = 0.5 * (grid.rf[i] + grid.rf[i + 1]);
      if (rc < small_r && zc < channel_depth) {
        cells.push_back(make_channel_cell(channels, layer, dz, area, j));
      } else {
        cells.push_back(make_cell(layer.compartment, layer.material, dz, area, j));
      }
    }
  }
  return cells;
}

/// The faces: vehicle to the top row, then in each row the radial faces and those to the row below.
std::vector<FvFace> cell_faces(const CellGrid& grid) {
  const auto& rf = grid.rf;
  const auto& zf = grid.zf;
  std::vector<FvFace> faces;
  for (std::size_t i = 0; i < grid.n_r; ++i) {
    faces.push_back({0, grid.index(i, 0), grid.ring_area(i), 0.0, 0.5 * (zf[1] - zf[0])});
  }
  for (std::size_t j = 0; j < grid.n_z; ++j) {
    const double dz = zf[j + 1] - zf[j];
    for (std::size_t i = 0; i + 1 < grid.n_r; ++i) {
      const double r_face = rf[i + 1];
      faces.push_back({grid.index(i, j), grid.index(i + 1, j), 2.0 * r_face * dz / grid.r2,
                       r_face - 0.5 * (rf[i] + rf[i + 1]), 0.5 * (rf[i + 1] + rf[i + 2]) - r_face});
    }
    if (j + 1 < grid.n_z) {
      for (std::size_t i = 0; i < grid.n_r; ++i) {
        faces.push_back(
            {grid.index(i, j), grid.index(i, j + 1), grid.ring_area(i), 0.5 * dz, 0.5 * (zf[j + 2] - zf[j + 1])});
      }
    }
  }
  return faces;
}

}  // namespace

FiniteVolumeSystem build_axisymmetric_cell(const std::vector<Layer>& layers, const ChannelArray& channels,
                                           Receptor receptor, const GridResolution& resolution) {
  validate_layers(layers);
  validate_material(channels.fluid);
  const auto axisymmetric = axisymmetric_grid(layers, channels, resolution);
  const double big_r = channels.unit_cell_radius().si();
  const CellGrid grid{axisymmetric.radial_faces, axisymmetric.depth_faces, axisymmetric.radial_faces.size() - 1,
                      axisymmetric.depth_faces.size() - 1, big_r * big_r};

  std::vector<FvCell> cells = cell_cells(grid, layers, channels);
  std::vector<FvFace> faces = cell_faces(grid);
  std::vector<FvSinkFace> sinks;
  if (receptor == Receptor::sink) {  // the bottom row drains into the receptor
    const auto& zf = grid.zf;
    for (std::size_t i = 0; i < grid.n_r; ++i) {
      sinks.push_back({grid.index(i, grid.n_z - 1), grid.ring_area(i), 0.5 * (zf[grid.n_z] - zf[grid.n_z - 1])});
    }
  }
  return FiniteVolumeSystem(std::move(cells), std::move(faces), std::move(sinks), grid.zf,
                            compartment_thicknesses(layers));
}

}  // namespace dermasim::transport
