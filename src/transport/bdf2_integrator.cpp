#include "transport/bdf2_integrator.hpp"

#include <algorithm>
#include <cmath>

#include <Eigen/SparseCholesky>
#include <Eigen/SparseCore>
#include <fmt/format.h>

#include "core/error.hpp"
#include "transport/banded_ldlt.hpp"

namespace dermasim::transport {

using Solver = Eigen::SimplicialLDLT<Eigen::SparseMatrix<double>, Eigen::Lower, Eigen::NaturalOrdering<int>>;

/// What one vehicle mode fixes: which cells are unknowns, the solver, its ordering, and where
/// each Jacobian entry lands in the lower triangle of the (permuted) matrix. A 1-D column is
/// banded in its natural order and goes to the band LDLᵀ; the 2-D cell to the sparse LDLᵀ
/// with a fill-reducing ordering.
struct Bdf2Integrator::ModeStructure {
  std::size_t first = 0;                 // the first free cell (the vehicle is free as a film)
  std::vector<int> position;             // permuted index of free cell first + i
  BandedLdlt band_layout;            // used when banded
  bool banded = false;
  std::vector<double> band;              // the lower band; values rewritten
  Eigen::SparseMatrix<double> matrix;    // else the permuted lower triangle; values rewritten
  std::vector<std::ptrdiff_t> diagonal_slot;  // value index of each free cell's diagonal
  std::vector<std::ptrdiff_t> entry_slot;     // value index of Jacobian entry k, −1 if unused
  std::vector<std::pair<std::size_t, std::size_t>> vehicle_entries;  // (row, entry) in the fixed vehicle's column
  Eigen::VectorXd right, solution;       // permuted work vectors
};

struct Bdf2Integrator::Factorization {
  double step = 0.0;
  double ratio = 0.0;  // 0: backward Euler (the first step)
  BandedLdlt banded;  // one of the two, as the mode's structure says
  Solver sparse;
};

// Band storage costs n·(kd + 1) and the band LDLᵀ n·kd²: worth it for the 1-D columns
// (kd ≤ 2), not for the 2-D cell, whose natural bandwidth is its radial cell count.
constexpr int largest_band = 8;

namespace {

// BDF2 coefficients for step ratio ω = h_n / h_{n−1}; ω = 0 means backward Euler.
struct Coefficients {
  double a0, b1, b2;
};
Coefficients coefficients(double ratio) {
  if (ratio == 0.0) return {1.0, 1.0, 0.0};
  return {(1.0 + 2.0 * ratio) / (1.0 + ratio), 1.0 + ratio, ratio * ratio / (1.0 + ratio)};
}

/// The index in `matrix`'s value array of entry (row, column); −1 if it is not stored.
std::ptrdiff_t value_index(const Eigen::SparseMatrix<double>& matrix, int row, int column) {
  const auto* outer = matrix.outerIndexPtr();
  const auto* inner = matrix.innerIndexPtr();
  for (auto k = outer[column]; k < outer[column + 1]; ++k) {
    if (inner[k] == row) return k;
  }
  return -1;
}

}  // namespace

Bdf2Integrator::Bdf2Integrator(const FiniteVolumeSystem& system, double step_s, int startup_halvings)
    : system_(system), target_step_(step_s), startup_halvings_(startup_halvings) {
  expects(step_s > 0.0, "Bdf2Integrator: step must be positive");
  expects(startup_halvings >= 0 && startup_halvings < 30, "Bdf2Integrator: bad start-up");
  current_.assign(system.n_states(), 0.0);
  previous_ = current_;
  history_ = current_;
  next_ = current_;
}

Bdf2Integrator::~Bdf2Integrator() = default;

Bdf2Integrator::ModeStructure& Bdf2Integrator::structure() {
  auto& slot = structures_[static_cast<std::size_t>(system_.vehicle_mode())];
  if (slot) return *slot;
  slot = std::make_unique<ModeStructure>();
  auto& s = *slot;
  const auto& pattern = system_.jacobian_pattern();
  s.first = system_.vehicle_mode() == VehicleMode::film ? 0 : 1;
  const auto n = static_cast<int>(system_.n_cells() - s.first);
  const auto free_index = [&](std::int64_t state) { return static_cast<int>(state) - static_cast<int>(s.first); };
  const auto is_free = [&](int index) { return index >= 0 && index < n; };

  int bandwidth = 0;
  for (int row = 0; row < n; ++row) {
    const auto state = static_cast<std::size_t>(row) + s.first;
    for (auto k = pattern.row_start[state]; k < pattern.row_start[state + 1]; ++k) {
      const int column = free_index(pattern.column_index[k]);
      if (is_free(column)) bandwidth = std::max(bandwidth, std::abs(row - column));
    }
  }
  s.banded = bandwidth <= largest_band && bandwidth < n;
  if (s.banded) {
    s.position.resize(static_cast<std::size_t>(n));
    for (int row = 0; row < n; ++row) s.position[static_cast<std::size_t>(row)] = row;
    s.band_layout = BandedLdlt(n, bandwidth);
    s.band.assign(s.band_layout.band_size(), 0.0);
    s.diagonal_slot.resize(static_cast<std::size_t>(n));
    for (int row = 0; row < n; ++row) {
      s.diagonal_slot[static_cast<std::size_t>(row)] = static_cast<std::ptrdiff_t>(s.band_layout.index(row, row));
    }
  } else {
    sparse_structure(s, n);
  }
  s.entry_slot.assign(pattern.n_nonzeros(), -1);
  for (int row = 0; row < n; ++row) {
    const auto state = static_cast<std::size_t>(row) + s.first;
    for (auto k = pattern.row_start[state]; k < pattern.row_start[state + 1]; ++k) {
      const int column = free_index(pattern.column_index[k]);
      if (s.first == 1 && pattern.column_index[k] == 0) s.vehicle_entries.emplace_back(state, static_cast<std::size_t>(k));
      if (!is_free(column) || column > row) continue;  // the diagonal and each symmetric pair once
      const int a = std::max(s.position[static_cast<std::size_t>(row)], s.position[static_cast<std::size_t>(column)]);
      const int b = std::min(s.position[static_cast<std::size_t>(row)], s.position[static_cast<std::size_t>(column)]);
      s.entry_slot[static_cast<std::size_t>(k)] =
          s.banded ? static_cast<std::ptrdiff_t>(s.band_layout.index(a, b)) : value_index(s.matrix, a, b);
    }
  }
  s.right.resize(n);
  s.solution.resize(n);
  return s;
}

void Bdf2Integrator::sparse_structure(ModeStructure& s, int n) const {
  const auto& pattern = system_.jacobian_pattern();
  const auto free_index = [&](std::int64_t state) { return static_cast<int>(state) - static_cast<int>(s.first); };
  const auto is_free = [&](int index) { return index >= 0 && index < n; };
  // The ordering comes from the full symmetric pattern of the free block.
  std::vector<Eigen::Triplet<double>> entries;
  for (int row = 0; row < n; ++row) {
    const auto state = static_cast<std::size_t>(row) + s.first;
    entries.emplace_back(row, row, 1.0);
    for (auto k = pattern.row_start[state]; k < pattern.row_start[state + 1]; ++k) {
      const int column = free_index(pattern.column_index[k]);
      if (is_free(column) && column != row) entries.emplace_back(row, column, 1.0);
    }
  }
  Eigen::SparseMatrix<double> full(n, n);
  full.setFromTriplets(entries.begin(), entries.end());
  Eigen::PermutationMatrix<Eigen::Dynamic, Eigen::Dynamic, int> ordering;
  Eigen::AMDOrdering<int>()(full, ordering);
  const Eigen::PermutationMatrix<Eigen::Dynamic, Eigen::Dynamic, int> inverse = ordering.inverse();
  s.position.assign(inverse.indices().data(), inverse.indices().data() + n);

  // The permuted lower triangle: (i, j) of the free block lands at (max, min) of positions.
  entries.clear();
  for (int k = 0; k < full.outerSize(); ++k) {
    for (Eigen::SparseMatrix<double>::InnerIterator it(full, k); it; ++it) {
      const int a = s.position[static_cast<std::size_t>(it.row())];
      const int b = s.position[static_cast<std::size_t>(it.col())];
      if (a >= b) entries.emplace_back(a, b, 0.0);
    }
  }
  s.matrix.resize(n, n);
  s.matrix.setFromTriplets(entries.begin(), entries.end());
  s.matrix.makeCompressed();
  s.diagonal_slot.resize(static_cast<std::size_t>(n));
  for (int row = 0; row < n; ++row) {
    const int p = s.position[static_cast<std::size_t>(row)];
    s.diagonal_slot[static_cast<std::size_t>(row)] = value_index(s.matrix, p, p);
  }
}

void Bdf2Integrator::reinitialize(double t0, std::span<const double> y0) {
  expects(y0.size() == system_.n_states(), "Bdf2Integrator: state has the wrong size");
  refresh_operator(t0);
  current_.assign(y0.begin(), y0.end());
  previous_ = current_;
  time_ = t0;
  last_step_ = 0.0;
  steps_since_start_ = 0;
  statistics_ = {};
}

void Bdf2Integrator::refresh_operator(double t) {
  std::vector<double> values(system_.jacobian_pattern().n_nonzeros());
  system_.jacobian(t, values);
  // Events (wash-off, a new barrier) and healing channels change the operator. A change
  // smaller than 1e-3 of the largest entry of its row keeps the factorizations: it shifts
  // the solution far less than the time-step error, and conservation holds for any operator.
  // A new vehicle mode always refactorizes (its unknowns differ).
  const auto mode = static_cast<double>(system_.vehicle_mode());
  bool changed = values.size() + 1 != jacobian_values_.size() || jacobian_values_.back() != mode;
  const auto& pattern = system_.jacobian_pattern();
  for (std::size_t row = 0; !changed && row < pattern.n_rows(); ++row) {
    double largest = 0.0;
    for (auto k = pattern.row_start[row]; k < pattern.row_start[row + 1]; ++k) {
      largest = std::max(largest, std::abs(values[k]));
    }
    for (auto k = pattern.row_start[row]; !changed && k < pattern.row_start[row + 1]; ++k) {
      changed = std::abs(values[k] - jacobian_values_[k]) > 1e-3 * largest;
    }
  }
  if (changed) {
    factorizations_.clear();
    jacobian_values_ = std::move(values);
    jacobian_values_.push_back(mode);  // the mode the values belong to
  }
}

Bdf2Integrator::Factorization& Bdf2Integrator::factorization(double step, double ratio) {
  for (auto& f : factorizations_) {
    if (std::abs(f->step - step) <= 1e-12 * step && std::abs(f->ratio - ratio) <= 1e-9) return *f;
  }
  auto& s = structure();
  const auto& pattern = system_.jacobian_pattern();
  const auto& cells = system_.cells();
  const double a0 = coefficients(ratio).a0;
  double* values = s.banded ? s.band.data() : s.matrix.valuePtr();
  const auto n = s.diagonal_slot.size();
  std::fill(values, values + (s.banded ? s.band.size() : static_cast<std::size_t>(s.matrix.nonZeros())), 0.0);
  for (std::size_t row = 0; row < n; ++row) {
    const auto state = row + s.first;
    const double capacity = cells[state].capacity;
    values[s.diagonal_slot[row]] += capacity * a0;
    for (auto k = pattern.row_start[state]; k < pattern.row_start[state + 1]; ++k) {
      const auto slot = s.entry_slot[static_cast<std::size_t>(k)];
      if (slot >= 0) values[slot] -= step * capacity * jacobian_values_[k];
    }
  }
  auto created = std::make_unique<Factorization>();
  created->step = step;
  created->ratio = ratio;
  if (s.banded) {
    created->banded = s.band_layout;
    created->banded.factorize(s.band);
  } else {
    created->sparse.compute(s.matrix);
    if (created->sparse.info() != Eigen::Success) {
      throw SolverError(fmt::format("BDF2: sparse LDLT factorization failed (h = {} s)", step));
    }
  }
  ++statistics_.linear_setups;
  factorizations_.push_back(std::move(created));
  return *factorizations_.back();
}

void Bdf2Integrator::step(double step, double ratio) {
  const auto& pattern = system_.jacobian_pattern();
  const auto& cells = system_.cells();
  const std::size_t n_cells = system_.n_cells();
  const auto [a0, b1, b2] = coefficients(ratio);
  if (system_.is_time_dependent()) refresh_operator(time_ + step);  // J at t_{n+1}
  auto& factors = factorization(step, ratio);
  auto& s = structure();

  for (std::size_t k = 0; k < current_.size(); ++k) history_[k] = b1 * current_[k] - b2 * previous_[k];
  for (std::size_t i = s.first; i < n_cells; ++i) {
    s.right(s.position[i - s.first]) = cells[i].capacity * history_[i];
  }
  for (const auto& [row, k] : s.vehicle_entries) {  // the fixed vehicle (reservoir or absent) is known
    s.right(s.position[row - s.first]) += step * cells[row].capacity * jacobian_values_[k] * current_[0];
  }
  if (s.banded) {
    s.solution = s.right;
    factors.banded.solve({s.solution.data(), static_cast<std::size_t>(s.solution.size())});
  } else {
    s.solution = factors.sparse.solve(s.right);
  }
  next_[0] = current_[0];
  for (std::size_t i = s.first; i < n_cells; ++i) next_[i] = s.solution(s.position[i - s.first]);
  for (std::size_t row = n_cells; row < current_.size(); ++row) {
    double rate = 0.0;
    for (auto k = pattern.row_start[row]; k < pattern.row_start[row + 1]; ++k) {
      rate += jacobian_values_[k] * next_[pattern.column_index[k]];
    }
    next_[row] = (history_[row] + step * rate) / a0;
  }
  std::swap(previous_, current_);
  std::swap(current_, next_);
  time_ += step;
  last_step_ = step;
  ++steps_since_start_;
  ++statistics_.steps;
  ++statistics_.nonlinear_iterations;
}

void Bdf2Integrator::advance(double t_out, double t_stop, std::span<double> y) {
  expects(y.size() == current_.size(), "Bdf2Integrator: state has the wrong size");
  const double slack = 1e-9 * target_step_;
  expects(t_out >= time_ - last_step_ - slack && t_stop >= t_out, "Bdf2Integrator: bad output time");
  while (t_out - time_ > slack) {
    const double wanted = steps_since_start_ == 0
                              ? target_step_ / std::pow(2.0, startup_halvings_)
                              : std::min(target_step_, 2.0 * last_step_);
    double h = std::min(wanted, t_stop - time_);
    if (t_stop - time_ - h < 1e-6 * h) h = t_stop - time_;  // no sliver before an event
    const double ratio = steps_since_start_ == 0 ? 0.0 : h / last_step_;
    step(h, ratio);
  }
  if (std::abs(time_ - t_out) <= slack) {
    std::copy(current_.begin(), current_.end(), y.begin());
    return;
  }
  // t_out lies inside the last step: interpolate between its ends.
  const double theta = (t_out - (time_ - last_step_)) / last_step_;
  for (std::size_t k = 0; k < y.size(); ++k) y[k] = previous_[k] + theta * (current_[k] - previous_[k]);
}

}  // namespace dermasim::transport
