#pragma once
// The finite-volume semi-discretization of docs/transport.md in the variable u = c/K, shared by the
// 1-D column, the 1-D two-pathway model and the 2-D axisymmetric unit cell: cells with a
// capacity K·R·V, faces with harmonic-mean conductances of D·K, a well-mixed vehicle cell on
// top, a sink receptor below, and accumulated amounts (receptor, cleared, metabolized,
// supplied by an infinite donor) carried as extra states so that the total is conserved by
// the implicit integrator to round-off. All amounts are per unit area of skin surface.

#include <array>
#include <cstddef>
#include <span>
#include <vector>

#include "numerics/ode_system.hpp"
#include "transport/material.hpp"

namespace dermasim::transport {

/// One control volume. Capacities and rates are per unit skin area: capacity = K R V / A (m),
/// metabolism = k_met K V / A and clearance = k_cl K V / A (m/s).
struct FvCell {
  Compartment compartment = Compartment::stratum_corneum;
  double capacity = 0.0;
  double metabolism = 0.0;
  double clearance = 0.0;
  double conductance_product = 0.0;       // D·K of the material (closed channel: tissue value)
  double open_conductance_product = 0.0;  // D·K of an open channel; = conductance_product else
  bool is_channel = false;
  std::size_t slab = 0;     // depth slab, for depth profiles
  bool is_barrier = false;  // stratum corneum: D scales with 1/barrier
};

/// A face between cells a and b: conductance = area / (distance_a/DK_a + distance_b/DK_b).
/// `area` is face area over skin area; a zero distance means that side adds no resistance
/// (the well-mixed vehicle). Lateral exchange faces of the two-pathway model use the same
/// form with a shape-factor "distance" (see two_pathway_column.hpp).
struct FvFace {
  std::size_t a = 0;
  std::size_t b = 0;
  double area = 0.0;
  double distance_a = 0.0;
  double distance_b = 0.0;
};

/// A face from a cell to the sink receptor (u = 0).
struct FvSinkFace {
  std::size_t cell = 0;
  double area = 0.0;
  double distance = 0.0;
};

/// How the vehicle cell (index 0) behaves during an interval between events.
enum class VehicleMode { film, reservoir, absent };

/// Channel closure (docs/transport.md): D·K of channel cells relaxes from the open value to the
/// tissue value as exp(−(t − opened_at)/τ); an infinite τ (Franz cell) never heals.
struct ChannelClosure {
  double opened_at_s = 0.0;
  double time_constant_s = 0.0;  // 0 or infinity: no healing
};

/// Indices of the accumulated quantities, stored after the cells.
enum class Accumulator : std::size_t { receptor = 0, cleared, metabolized, supplied, auc_viable_epidermis, auc_dermis };
inline constexpr std::size_t n_accumulators = 6;

/// Amount per compartment, per area of skin surface.
struct CompartmentAmounts {
  MassPerArea vehicle;
  MassPerArea stratum_corneum;
  MassPerArea viable_epidermis;
  MassPerArea dermis;
  MassPerArea receptor;
  MassPerArea cleared;
  MassPerArea metabolized;
  MassPerArea supplied;  // drawn from an infinite donor
  [[nodiscard]] MassPerArea in_skin() const { return stratum_corneum + viable_epidermis + dermis; }
};

class FiniteVolumeSystem final : public numerics::OdeSystem {
 public:
  /// @pre cells[0] is the vehicle cell; every face and sink face refers to existing cells;
  /// slab_faces (depth of slab boundaries, m, from the skin surface) has one more entry than
  /// there are slabs; compartment_thickness gives the thickness (m) of SC, VE and dermis.
  FiniteVolumeSystem(std::vector<FvCell> cells, std::vector<FvFace> faces, std::vector<FvSinkFace> sink_faces,
                     std::vector<double> slab_faces, std::array<double, 3> compartment_thickness);

  [[nodiscard]] std::size_t n_cells() const { return cells_.size(); }
  [[nodiscard]] std::size_t n_states() const override { return cells_.size() + n_accumulators; }
  [[nodiscard]] std::size_t accumulator_index(Accumulator which) const {
    return cells_.size() + static_cast<std::size_t>(which);
  }
  [[nodiscard]] const std::vector<FvCell>& cells() const { return cells_; }
  [[nodiscard]] const std::vector<double>& slab_faces() const { return slab_faces_; }

  numerics::RhsStatus rhs(double t, std::span<const double> y, std::span<double> ydot) const override;
  [[nodiscard]] const numerics::SparsityPattern& jacobian_pattern() const override { return pattern_; }
  void jacobian(double t, std::span<double> values) const override;
  /// Capacities of the cells (the vehicle's only as a film): C·(I − γJ) is symmetric on them.
  [[nodiscard]] std::vector<double> symmetric_weights() const override;

  /// Events change these between integration intervals, never during one.
  void set_vehicle(VehicleMode mode, double capacity_m);
  [[nodiscard]] VehicleMode vehicle_mode() const { return vehicle_mode_; }
  void set_closure(ChannelClosure closure) {
    closure_ = closure;
    conductances_valid_ = false;
  }
  /// True when channel closure makes the operator change with time.
  [[nodiscard]] bool is_time_dependent() const override;
  /// Barrier state B in [0.05, 1]: D of stratum corneum cells is divided by B.
  void set_barrier(double barrier);

  /// Amounts per compartment for the state y.
  [[nodiscard]] CompartmentAmounts amounts(std::span<const double> y) const;
  /// Σ capacity·u + receptor + cleared + metabolized − supplied: constant in time.
  [[nodiscard]] double conserved_total(std::span<const double> y) const;
  /// Outflow rate into receptor + clearance (kg m⁻² s⁻¹) at time t and state y.
  [[nodiscard]] double outflow_rate(double t, std::span<const double> y) const;
  /// Slab-averaged total concentration c = K R u (kg/m³) for each depth slab.
  [[nodiscard]] std::vector<double> depth_profile(std::span<const double> y) const;
  /// Mean total concentration in the viable epidermis and the dermis (kg/m³).
  [[nodiscard]] std::array<double, 2> viable_concentrations(std::span<const double> y) const;

 private:
  [[nodiscard]] double cell_conductance_product(std::size_t cell, double t) const;
  void update_conductances(double t) const;
  // The Jacobian's sparsity: which entries can be non-zero, compressed by row, and where
  // each face's, sink's and cell's entries sit in it.
  void build_pattern();
  [[nodiscard]] std::vector<std::vector<std::int64_t>> nonzero_columns() const;
  void compress_pattern(std::vector<std::vector<std::int64_t>> columns);
  [[nodiscard]] std::int64_t pattern_position(std::size_t row, std::size_t column) const;
  void locate_entries();

  std::vector<FvCell> cells_;
  std::vector<FvFace> faces_;
  std::vector<FvSinkFace> sink_faces_;
  std::vector<double> slab_faces_;
  std::array<double, 3> compartment_thickness_;
  VehicleMode vehicle_mode_ = VehicleMode::absent;
  ChannelClosure closure_;
  double barrier_ = 1.0;
  bool has_channels_ = false;

  numerics::SparsityPattern pattern_;
  // Positions in pattern_ of each face's four entries (aa, ab, ba, bb) and of each sink face.
  std::vector<std::array<std::int64_t, 4>> face_positions_;
  std::vector<std::int64_t> sink_positions_;      // (cell, cell)
  std::vector<std::int64_t> receptor_positions_;  // (receptor row, cell)
  std::vector<std::int64_t> cell_diagonal_;       // (cell, cell)
  std::vector<std::int64_t> cleared_positions_, metabolized_positions_;
  std::vector<std::int64_t> auc_positions_;                      // (auc row, cell), per cell, -1 if none
  std::vector<std::array<std::int64_t, 2>> supplied_positions_;  // per face touching vehicle

  mutable std::vector<double> face_conductance_;
  mutable std::vector<double> sink_conductance_;
  mutable double conductance_time_ = -1.0;
  mutable bool conductances_valid_ = false;
};

}  // namespace dermasim::transport
