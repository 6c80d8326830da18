#include "transport/finite_volume_system.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

#include "core/error.hpp"

namespace dermasim::transport {
FiniteVolumeSystem::FiniteVolumeSystem(std::vector<FvCell> cells, std::vector<FvFace> faces,
                                       std::vector<FvSinkFace> sink_faces, std::vector<double> slab_faces,
                                       std::array<double, 3> compartment_thickness)
    : cells_(std::move(cells)),
      faces_(std::move(faces)),
      sink_faces_(std::move(sink_faces)),
      slab_faces_(std::move(slab_faces)),
      compartment_thickness_(compartment_thickness) {
  expects(!cells_.empty() && cells_[0].compartment == Compartment::vehicle,
          "FiniteVolumeSystem: cell 0 must be the vehicle");
  expects(slab_faces_.size() >= 2, "FiniteVolumeSystem: at least one depth slab");
  for (std::size_t i = 1; i < cells_.size(); ++i) {
    const auto& cell = cells_[i];
    expects(cell.compartment != Compartment::vehicle, "FiniteVolumeSystem: one vehicle cell");
    expects(cell.capacity > 0.0 && cell.conductance_product > 0.0 && cell.open_conductance_product > 0.0,
            "FiniteVolumeSystem: cells need positive capacity and D·K");
    expects(cell.metabolism >= 0.0 && cell.clearance >= 0.0, "FiniteVolumeSystem: rates must be non-negative");
    expects(cell.slab + 1 < slab_faces_.size(), "FiniteVolumeSystem: slab out of range");
    has_channels_ = has_channels_ || cell.is_channel;
  }
  for (const auto& face : faces_) {
    expects(face.a < cells_.size() && face.b < cells_.size() && face.a != face.b,
            "FiniteVolumeSystem: face refers to a missing cell");
    expects(face.b != 0, "FiniteVolumeSystem: vehicle faces list the vehicle as side a");
    expects(face.area > 0.0 && face.distance_a >= 0.0 && face.distance_b > 0.0,
            "FiniteVolumeSystem: face geometry must be positive");
  }
  for (const auto& sink : sink_faces_) {
    expects(sink.cell > 0 && sink.cell < cells_.size() && sink.area > 0.0 && sink.distance > 0.0,
            "FiniteVolumeSystem: bad sink face");
  }
  face_conductance_.resize(faces_.size());
  sink_conductance_.resize(sink_faces_.size());
  build_pattern();
}

void FiniteVolumeSystem::build_pattern() {
  compress_pattern(nonzero_columns());
  locate_entries();
}

std::vector<std::vector<std::int64_t>> FiniteVolumeSystem::nonzero_columns() const {
  std::vector<std::vector<std::int64_t>> columns(n_states());
  const auto add = [&](std::size_t row, std::size_t column) {
    columns[row].push_back(static_cast<std::int64_t>(column));
  };
  const std::size_t supplied = accumulator_index(Accumulator::supplied);
  for (std::size_t i = 0; i < cells_.size(); ++i) {
    add(i, i);
    if (cells_[i].clearance > 0.0) add(accumulator_index(Accumulator::cleared), i);
    if (cells_[i].metabolism > 0.0) add(accumulator_index(Accumulator::metabolized), i);
    if (cells_[i].compartment == Compartment::viable_epidermis)
      add(accumulator_index(Accumulator::auc_viable_epidermis), i);
    if (cells_[i].compartment == Compartment::dermis) add(accumulator_index(Accumulator::auc_dermis), i);
  }
  for (const auto& face : faces_) {
    add(face.a, face.b);
    add(face.b, face.a);
    if (face.a == 0) {
      add(supplied, 0);
      add(supplied, face.b);
    }
  }
  for (const auto& sink : sink_faces_) add(accumulator_index(Accumulator::receptor), sink.cell);
  for (std::size_t k = 0; k < n_accumulators; ++k) add(cells_.size() + k, cells_.size() + k);
  return columns;
}

void FiniteVolumeSystem::compress_pattern(std::vector<std::vector<std::int64_t>> columns) {
  const std::size_t n = n_states();
  pattern_.row_start.assign(n + 1, 0);
  pattern_.column_index.clear();
  for (std::size_t row = 0; row < n; ++row) {
    auto& list = columns[row];
    std::sort(list.begin(), list.end());
    list.erase(std::unique(list.begin(), list.end()), list.end());
    pattern_.column_index.insert(pattern_.column_index.end(), list.begin(), list.end());
    pattern_.row_start[row + 1] = static_cast<std::int64_t>(pattern_.column_index.size());
  }
}

std::int64_t FiniteVolumeSystem::pattern_position(std::size_t row, std::size_t column) const {
  const auto begin = pattern_.column_index.begin() + pattern_.row_start[row];
  const auto end = pattern_.column_index.begin() + pattern_.row_start[row + 1];
  const auto it = std::lower_bound(begin, end, static_cast<std::int64_t>(column));
  expects(it != end && *it == static_cast<std::int64_t>(column), "pattern lookup failed");
  return it - pattern_.column_index.begin();
}

void FiniteVolumeSystem::locate_entries() {
  const auto position = [&](std::size_t row, std::size_t column) { return pattern_position(row, column); };
  const std::size_t supplied = accumulator_index(Accumulator::supplied);
  const std::size_t receptor = accumulator_index(Accumulator::receptor);
  face_positions_.clear();
  supplied_positions_.clear();
  for (const auto& face : faces_) {
    face_positions_.push_back(
        {position(face.a, face.a), position(face.a, face.b), position(face.b, face.a), position(face.b, face.b)});
    if (face.a == 0) {
      supplied_positions_.push_back({position(supplied, 0), position(supplied, face.b)});
    } else {
      supplied_positions_.push_back({-1, -1});
    }
  }
  sink_positions_.clear();
  receptor_positions_.clear();
  for (const auto& sink : sink_faces_) {
    sink_positions_.push_back(position(sink.cell, sink.cell));
    receptor_positions_.push_back(position(receptor, sink.cell));
  }
  cell_diagonal_.assign(cells_.size(), -1);
  cleared_positions_.assign(cells_.size(), -1);
  metabolized_positions_.assign(cells_.size(), -1);
  auc_positions_.assign(cells_.size(), -1);
  for (std::size_t i = 0; i < cells_.size(); ++i) {
    cell_diagonal_[i] = position(i, i);
    if (cells_[i].clearance > 0.0) cleared_positions_[i] = position(accumulator_index(Accumulator::cleared), i);
    if (cells_[i].metabolism > 0.0)
      metabolized_positions_[i] = position(accumulator_index(Accumulator::metabolized), i);
    if (cells_[i].compartment == Compartment::viable_epidermis)
      auc_positions_[i] = position(accumulator_index(Accumulator::auc_viable_epidermis), i);
    if (cells_[i].compartment == Compartment::dermis)
      auc_positions_[i] = position(accumulator_index(Accumulator::auc_dermis), i);
  }
}

void FiniteVolumeSystem::set_vehicle(VehicleMode mode, double capacity_m) {
  expects(mode != VehicleMode::film || capacity_m > 0.0, "set_vehicle: a film needs a capacity");
  vehicle_mode_ = mode;
  cells_[0].capacity = mode == VehicleMode::film ? capacity_m : 0.0;
  conductances_valid_ = false;
}

void FiniteVolumeSystem::set_barrier(double barrier) {
  expects(barrier >= 0.05 && barrier <= 1.0, "set_barrier: barrier must be in [0.05, 1]");
  barrier_ = barrier;
  conductances_valid_ = false;
}

double FiniteVolumeSystem::cell_conductance_product(std::size_t cell, double t) const {
  const auto& c = cells_[cell];
  double dk = c.conductance_product;
  if (c.is_channel) {
    const double tau = closure_.time_constant_s;
    if (tau <= 0.0 || !std::isfinite(tau)) {
      dk = c.open_conductance_product;
    } else {
      const double age = std::max(0.0, t - closure_.opened_at_s);
      dk += (c.open_conductance_product - c.conductance_product) * std::exp(-age / tau);
    }
  } else if (c.is_barrier) {
    dk /= barrier_;
  }
  return dk;
}

bool FiniteVolumeSystem::is_time_dependent() const {
  return has_channels_ && closure_.time_constant_s > 0.0 && std::isfinite(closure_.time_constant_s);
}

void FiniteVolumeSystem::update_conductances(double t) const {
  const bool time_dependent = is_time_dependent();
  if (conductances_valid_ && (!time_dependent || t == conductance_time_)) return;
  for (std::size_t f = 0; f < faces_.size(); ++f) {
    const auto& face = faces_[f];
    if (face.a == 0 && vehicle_mode_ == VehicleMode::absent) {
      face_conductance_[f] = 0.0;
      continue;
    }
    double resistance = face.distance_b / cell_conductance_product(face.b, t);
    if (face.distance_a > 0.0) resistance += face.distance_a / cell_conductance_product(face.a, t);
    face_conductance_[f] = face.area / resistance;
  }
  for (std::size_t s = 0; s < sink_faces_.size(); ++s) {
    const auto& sink = sink_faces_[s];
    sink_conductance_[s] = sink.area * cell_conductance_product(sink.cell, t) / sink.distance;
  }
  conductance_time_ = t;
  conductances_valid_ = true;
}

numerics::RhsStatus FiniteVolumeSystem::rhs(double t, std::span<const double> y, std::span<double> ydot) const {
  update_conductances(t);
  std::fill(ydot.begin(), ydot.end(), 0.0);
  const std::size_t n = cells_.size();
  double& receptor = ydot[accumulator_index(Accumulator::receptor)];
  double& cleared = ydot[accumulator_index(Accumulator::cleared)];
  double& metabolized = ydot[accumulator_index(Accumulator::metabolized)];
  double& supplied = ydot[accumulator_index(Accumulator::supplied)];
  double& auc_ve = ydot[accumulator_index(Accumulator::auc_viable_epidermis)];
  double& auc_de = ydot[accumulator_index(Accumulator::auc_dermis)];
  const bool reservoir = vehicle_mode_ == VehicleMode::reservoir;
  for (std::size_t f = 0; f < faces_.size(); ++f) {
    const auto& face = faces_[f];
    const double flux = face_conductance_[f] * (y[face.a] - y[face.b]);
    ydot[face.a] -= flux;
    ydot[face.b] += flux;
    if (face.a == 0 && reservoir) supplied += flux;
  }
  for (std::size_t s = 0; s < sink_faces_.size(); ++s) {
    const double flux = sink_conductance_[s] * y[sink_faces_[s].cell];
    ydot[sink_faces_[s].cell] -= flux;
    receptor += flux;
  }
  const double ve_thickness = compartment_thickness_[1];
  const double de_thickness = compartment_thickness_[2];
  for (std::size_t i = 1; i < n; ++i) {
    const auto& cell = cells_[i];
    const double u = y[i];
    ydot[i] -= (cell.metabolism + cell.clearance) * u;
    cleared += cell.clearance * u;
    metabolized += cell.metabolism * u;
    if (cell.compartment == Compartment::viable_epidermis) auc_ve += cell.capacity * u / ve_thickness;
    if (cell.compartment == Compartment::dermis) auc_de += cell.capacity * u / de_thickness;
    ydot[i] /= cell.capacity;
  }
  ydot[0] = vehicle_mode_ == VehicleMode::film ? ydot[0] / cells_[0].capacity : 0.0;
  return numerics::RhsStatus::ok;
}

void FiniteVolumeSystem::jacobian(double t, std::span<double> values) const {
  update_conductances(t);
  std::fill(values.begin(), values.end(), 0.0);
  const bool reservoir = vehicle_mode_ == VehicleMode::reservoir;
  for (std::size_t f = 0; f < faces_.size(); ++f) {
    const double g = face_conductance_[f];
    const auto& pos = face_positions_[f];
    values[pos[0]] -= g;
    values[pos[1]] += g;
    values[pos[2]] += g;
    values[pos[3]] -= g;
    if (faces_[f].a == 0 && reservoir) {
      values[supplied_positions_[f][0]] += g;
      values[supplied_positions_[f][1]] -= g;
    }
  }
  for (std::size_t s = 0; s < sink_faces_.size(); ++s) {
    values[sink_positions_[s]] -= sink_conductance_[s];
    values[receptor_positions_[s]] += sink_conductance_[s];
  }
  const double ve_thickness = compartment_thickness_[1];
  const double de_thickness = compartment_thickness_[2];
  for (std::size_t i = 1; i < cells_.size(); ++i) {
    const auto& cell = cells_[i];
    values[cell_diagonal_[i]] -= cell.metabolism + cell.clearance;
    if (cleared_positions_[i] >= 0) values[cleared_positions_[i]] += cell.clearance;
    if (metabolized_positions_[i] >= 0) values[metabolized_positions_[i]] += cell.metabolism;
    if (auc_positions_[i] >= 0) {
      values[auc_positions_[i]] +=
          cell.capacity / (cell.compartment == Compartment::viable_epidermis ? ve_thickness : de_thickness);
    }
  }
  // Divide the cell rows by their capacity (the accumulator rows are already rates).
  for (std::size_t i = 0; i < cells_.size(); ++i) {
    double scale = 0.0;
    if (i > 0) {
      scale = 1.0 / cells_[i].capacity;
    } else if (vehicle_mode_ == VehicleMode::film) {
      scale = 1.0 / cells_[0].capacity;
    }
    for (auto k = pattern_.row_start[i]; k < pattern_.row_start[i + 1]; ++k) values[k] *= scale;
  }
}

std::vector<double> FiniteVolumeSystem::symmetric_weights() const {
  std::vector<double> weights(n_states(), 0.0);
  for (std::size_t i = 1; i < cells_.size(); ++i) weights[i] = cells_[i].capacity;
  if (vehicle_mode_ == VehicleMode::film) weights[0] = cells_[0].capacity;
  return weights;
}

CompartmentAmounts FiniteVolumeSystem::amounts(std::span<const double> y) const {
  CompartmentAmounts result;
  result.vehicle = MassPerArea::from_si(vehicle_mode_ == VehicleMode::film ? cells_[0].capacity * y[0] : 0.0);
  for (std::size_t i = 1; i < cells_.size(); ++i) {
    const MassPerArea amount = MassPerArea::from_si(cells_[i].capacity * y[i]);
    switch (cells_[i].compartment) {
      case Compartment::stratum_corneum:
        result.stratum_corneum += amount;
        break;
      case Compartment::viable_epidermis:
        result.viable_epidermis += amount;
        break;
      case Compartment::dermis:
        result.dermis += amount;
        break;
      case Compartment::vehicle:
        break;
    }
  }
  result.receptor = MassPerArea::from_si(y[accumulator_index(Accumulator::receptor)]);
  result.cleared = MassPerArea::from_si(y[accumulator_index(Accumulator::cleared)]);
  result.metabolized = MassPerArea::from_si(y[accumulator_index(Accumulator::metabolized)]);
  result.supplied = MassPerArea::from_si(y[accumulator_index(Accumulator::supplied)]);
  return result;
}

double FiniteVolumeSystem::conserved_total(std::span<const double> y) const {
  const auto a = amounts(y);
  return (a.vehicle + a.in_skin() + a.receptor + a.cleared + a.metabolized - a.supplied).si();
}

double FiniteVolumeSystem::outflow_rate(double t, std::span<const double> y) const {
  update_conductances(t);
  double rate = 0.0;
  for (std::size_t s = 0; s < sink_faces_.size(); ++s) rate += sink_conductance_[s] * y[sink_faces_[s].cell];
  for (std::size_t i = 1; i < cells_.size(); ++i) rate += cells_[i].clearance * y[i];
  return rate;
}

std::vector<double> FiniteVolumeSystem::depth_profile(std::span<const double> y) const {
  std::vector<double> profile(slab_faces_.size() - 1, 0.0);
  for (std::size_t i = 1; i < cells_.size(); ++i) profile[cells_[i].slab] += cells_[i].capacity * y[i];
  for (std::size_t s = 0; s < profile.size(); ++s) profile[s] /= slab_faces_[s + 1] - slab_faces_[s];
  return profile;
}

std::array<double, 2> FiniteVolumeSystem::viable_concentrations(std::span<const double> y) const {
  const auto a = amounts(y);
  const auto mean = [](double amount, double thickness) { return thickness > 0.0 ? amount / thickness : 0.0; };
  return {mean(a.viable_epidermis.si(), compartment_thickness_[1]), mean(a.dermis.si(), compartment_thickness_[2])};
}

}  // namespace dermasim::transport
