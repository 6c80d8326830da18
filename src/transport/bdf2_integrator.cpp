#include "transport/bdf2_integrator.hpp"

#include <algorithm>
#include <cmath>

#include <Eigen/SparseCore>

#include "core/error.hpp"
#include "transport/banded_ldlt.hpp"
#include "transport/sparse_ldlt.hpp"

namespace dermasim::transport {

namespace {

// Band storage costs n·(kd + 1) and the band LDLᵀ n·kd²: worth it for the 1-D columns
// (kd ≤ 2), not for the 2-D cell, whose natural bandwidth is its radial cell count.
constexpr int largest_band = 8;
// Factorizations kept per vehicle mode: a restart needs about six distinct (h, ω) and a
// graded schedule two more per doubling (docs/benchmarks.md problem B at 0.1 %: 13).
constexpr std::size_t kept_factorizations = 16;

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

/// One factorized matrix C (a0 I − h J) for the operator of `version`; recomputed in place
/// for another (h, ω) or operator when it is the least recently used.
struct Bdf2Integrator::Factorization {
  double step = 0.0;
  double ratio = 0.0;  // 0: backward Euler (the first step)
  long version = -1;   // of the operator it was computed for
  long last_used = 0;
  BandedLdlt banded;  // one of the two, as the mode's structure says
  SparseLdlt sparse;
};

/// What one vehicle mode fixes: which cells are unknowns, the solver, and where each Jacobian
/// entry lands in the lower triangle of the matrix. A 1-D column is banded in its natural
/// order and goes to the band LDLᵀ; the 2-D cell to CHOLMOD's sparse LDLᵀ, which orders it.
struct Bdf2Integrator::ModeStructure {
  std::size_t first = 0;                      // the first free cell (the vehicle is free as a film)
  bool banded = false;
  BandedLdlt band_layout;                     // when banded
  std::vector<double> band;                   // the lower band; values rewritten
  Eigen::SparseMatrix<double> matrix;         // else the lower triangle; values rewritten
  std::unique_ptr<SparseLdltPattern> analysis;  // its ordering, shared by the factorizations
  std::vector<std::ptrdiff_t> diagonal_slot;  // value index of each free cell's diagonal
  std::vector<std::ptrdiff_t> entry_slot;     // value index of Jacobian entry k, −1 if unused
  std::vector<std::pair<std::size_t, std::size_t>> vehicle_entries;  // (row, entry) in the fixed vehicle's column
  std::vector<std::unique_ptr<Factorization>> factorizations;
  Eigen::VectorXd right, solution;            // work vectors
};

Bdf2Integrator::Bdf2Integrator(const FiniteVolumeSystem& system, Bdf2Schedule schedule)
    : system_(system),
      target_step_(schedule.step_s),
      startup_halvings_(schedule.startup_halvings),
      max_step_(std::max(schedule.max_step_s, schedule.step_s)),
      growth_(schedule.growth) {
  expects(schedule.step_s > 0.0, "Bdf2Integrator: step must be positive");
  expects(schedule.startup_halvings >= 0 && schedule.startup_halvings < 30, "Bdf2Integrator: bad start-up");
  expects(schedule.growth >= 0.0, "Bdf2Integrator: step growth must not be negative");
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

  // The lower triangle of the free block: the diagonal and each symmetric pair once.
  std::vector<std::pair<int, int>> lower;
  int bandwidth = 0;
  for (int row = 0; row < n; ++row) {
    const auto state = static_cast<std::size_t>(row) + s.first;
    lower.emplace_back(row, row);
    for (auto k = pattern.row_start[state]; k < pattern.row_start[state + 1]; ++k) {
      const int column = free_index(pattern.column_index[k]);
      if (!is_free(column) || column >= row) continue;
      lower.emplace_back(row, column);
      bandwidth = std::max(bandwidth, row - column);
    }
  }
  s.banded = bandwidth <= largest_band && bandwidth < n;
  if (s.banded) {
    s.band_layout = BandedLdlt(n, bandwidth);
    s.band.assign(s.band_layout.band_size(), 0.0);
  } else {
    std::vector<Eigen::Triplet<double>> entries;
    entries.reserve(lower.size());
    for (const auto& [row, column] : lower) entries.emplace_back(row, column, 0.0);
    s.matrix.resize(n, n);
    s.matrix.setFromTriplets(entries.begin(), entries.end());
    s.matrix.makeCompressed();
    s.analysis = std::make_unique<SparseLdltPattern>(s.matrix);
  }
  const auto slot_of = [&](int row, int column) {
    return s.banded ? static_cast<std::ptrdiff_t>(s.band_layout.index(row, column)) : value_index(s.matrix, row, column);
  };
  s.diagonal_slot.resize(static_cast<std::size_t>(n));
  for (int row = 0; row < n; ++row) s.diagonal_slot[static_cast<std::size_t>(row)] = slot_of(row, row);
  s.entry_slot.assign(pattern.n_nonzeros(), -1);
  for (int row = 0; row < n; ++row) {
    const auto state = static_cast<std::size_t>(row) + s.first;
    for (auto k = pattern.row_start[state]; k < pattern.row_start[state + 1]; ++k) {
      const int column = free_index(pattern.column_index[k]);
      if (s.first == 1 && pattern.column_index[k] == 0) s.vehicle_entries.emplace_back(state, static_cast<std::size_t>(k));
      if (is_free(column) && column <= row) s.entry_slot[static_cast<std::size_t>(k)] = slot_of(row, column);
    }
  }
  s.right.resize(n);
  s.solution.resize(n);
  return s;
}

void Bdf2Integrator::reinitialize(double t0, std::span<const double> y0) {
  expects(y0.size() == system_.n_states(), "Bdf2Integrator: state has the wrong size");
  refresh_operator(t0);
  current_.assign(y0.begin(), y0.end());
  previous_ = current_;
  time_ = t0;
  start_time_ = t0;
  last_step_ = 0.0;
  steps_since_start_ = 0;
  statistics_ = {};
}

void Bdf2Integrator::refresh_operator(double t) {
  auto& values = candidate_values_;  // a member: healing channels refresh every step
  values.resize(system_.jacobian_pattern().n_nonzeros());
  system_.jacobian(t, values);
  // Events (wash-off, a new barrier) and healing channels change the operator. A change
  // smaller than 1e-3 of the largest entry of its row keeps the factorizations: it shifts
  // the solution far less than the time-step error, and conservation holds for any operator.
  bool changed = values.size() != jacobian_values_.size();
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
    ++operator_version_;
    std::swap(jacobian_values_, values);
  }
}

Bdf2Integrator::Factorization& Bdf2Integrator::factorization(double step, double ratio) {
  auto& s = structure();
  ++use_counter_;
  for (auto& f : s.factorizations) {
    if (f->version == operator_version_ && std::abs(f->step - step) <= 1e-12 * step &&
        std::abs(f->ratio - ratio) <= 1e-9) {
      f->last_used = use_counter_;
      return *f;
    }
  }
  // A new one, or the least recently used one recomputed.
  if (s.factorizations.size() < kept_factorizations) s.factorizations.push_back(std::make_unique<Factorization>());
  auto& f = **std::min_element(s.factorizations.begin(), s.factorizations.end(),
                               [](const auto& a, const auto& b) { return a->last_used < b->last_used; });

  const auto& pattern = system_.jacobian_pattern();
  const auto& cells = system_.cells();
  const double a0 = coefficients(ratio).a0;
  double* values = s.banded ? s.band.data() : s.matrix.valuePtr();
  std::fill(values, values + (s.banded ? s.band.size() : static_cast<std::size_t>(s.matrix.nonZeros())), 0.0);
  for (std::size_t row = 0; row < s.diagonal_slot.size(); ++row) {
    const auto state = row + s.first;
    const double capacity = cells[state].capacity;
    values[s.diagonal_slot[row]] += capacity * a0;
    for (auto k = pattern.row_start[state]; k < pattern.row_start[state + 1]; ++k) {
      const auto slot = s.entry_slot[static_cast<std::size_t>(k)];
      if (slot >= 0) values[slot] -= step * capacity * jacobian_values_[k];
    }
  }
  if (s.banded) {
    if (f.banded.band_size() != s.band.size()) f.banded = s.band_layout;
    f.banded.factorize(s.band);
  } else {
    f.sparse.factorize(*s.analysis, s.matrix);
  }
  f.step = step;
  f.ratio = ratio;
  f.version = operator_version_;
  f.last_used = use_counter_;
  ++statistics_.linear_setups;
  return f;
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
    s.right(static_cast<Eigen::Index>(i - s.first)) = cells[i].capacity * history_[i];
  }
  for (const auto& [row, k] : s.vehicle_entries) {  // the fixed vehicle (reservoir or absent) is known
    s.right(static_cast<Eigen::Index>(row - s.first)) += step * cells[row].capacity * jacobian_values_[k] * current_[0];
  }
  if (s.banded) {
    s.solution = s.right;
    factors.banded.solve({s.solution.data(), static_cast<std::size_t>(s.solution.size())});
  } else {
    factors.sparse.solve(s.right, s.solution);
  }
  next_[0] = current_[0];
  for (std::size_t i = s.first; i < n_cells; ++i) next_[i] = s.solution(static_cast<Eigen::Index>(i - s.first));
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
    double level = target_step_;
    while (2.0 * level <= max_step_ && 2.0 * level <= growth_ * (time_ - start_time_)) level *= 2.0;
    const double wanted = steps_since_start_ == 0
                              ? target_step_ / std::pow(2.0, startup_halvings_)
                              : std::min(level, 2.0 * last_step_);
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
