#include "transport/bdf2_integrator.hpp"

#include <algorithm>
#include <cmath>

#include <Eigen/SparseCholesky>
#include <Eigen/SparseCore>
#include <fmt/format.h>

#include "core/error.hpp"

namespace dermasim::transport {

struct Bdf2Integrator::Factorization {
  double step = 0.0;
  double ratio = 0.0;  // 0: backward Euler (the first step)
  // The matrix arrives already permuted by the shared fill-reducing ordering.
  Eigen::SimplicialLDLT<Eigen::SparseMatrix<double>, Eigen::Lower, Eigen::NaturalOrdering<int>> solver;
};

struct Bdf2Integrator::Ordering {
  Eigen::PermutationMatrix<Eigen::Dynamic, Eigen::Dynamic, int> permutation;
};

namespace {

// BDF2 coefficients for step ratio ω = h_n / h_{n−1}; ω = 0 means backward Euler.
struct Coefficients {
  double a0, b1, b2;
};
Coefficients coefficients(double ratio) {
  if (ratio == 0.0) return {1.0, 1.0, 0.0};
  return {(1.0 + 2.0 * ratio) / (1.0 + ratio), 1.0 + ratio, ratio * ratio / (1.0 + ratio)};
}

}  // namespace

Bdf2Integrator::Bdf2Integrator(const FiniteVolumeSystem& system, double step_s, int startup_halvings)
    : system_(system), target_step_(step_s), startup_halvings_(startup_halvings) {
  expects(step_s > 0.0, "Bdf2Integrator: step must be positive");
  expects(startup_halvings >= 0 && startup_halvings < 30, "Bdf2Integrator: bad start-up");
  current_.assign(system.n_states(), 0.0);
  previous_ = current_;
}

Bdf2Integrator::~Bdf2Integrator() = default;

void Bdf2Integrator::reinitialize(double t0, std::span<const double> y0) {
  expects(y0.size() == system_.n_states(), "Bdf2Integrator: state has the wrong size");
  const auto mode = static_cast<int>(system_.vehicle_mode());
  if (mode != ordering_mode_) {  // the set of unknowns changed: new ordering
    ordering_.reset();
    factorizations_.clear();
    ordering_mode_ = mode;
  }
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
    factorizations_.clear();
    jacobian_values_ = std::move(values);
  }
}

Bdf2Integrator::Factorization& Bdf2Integrator::factorization(double step, double ratio) {
  for (auto& f : factorizations_) {
    if (std::abs(f->step - step) <= 1e-12 * step && std::abs(f->ratio - ratio) <= 1e-9) return *f;
  }
  const auto& pattern = system_.jacobian_pattern();
  const auto& cells = system_.cells();
  const bool film = system_.vehicle_mode() == VehicleMode::film;
  const auto first = film ? 0 : 1;
  const auto n = static_cast<int>(system_.n_cells()) - first;
  const double a0 = coefficients(ratio).a0;
  std::vector<Eigen::Triplet<double>> entries;
  entries.reserve(pattern.n_nonzeros());
  for (int row = 0; row < n; ++row) {
    const auto state = static_cast<std::size_t>(row + first);
    const double capacity = cells[state].capacity;
    entries.emplace_back(row, row, capacity * a0);
    for (auto k = pattern.row_start[state]; k < pattern.row_start[state + 1]; ++k) {
      const auto column = pattern.column_index[k] - first;
      if (column < 0 || column >= n || column > row) continue;  // lower triangle, free states
      entries.emplace_back(row, static_cast<int>(column), -step * capacity * jacobian_values_[k]);
    }
  }
  Eigen::SparseMatrix<double> matrix(n, n);
  matrix.setFromTriplets(entries.begin(), entries.end());
  if (!ordering_) {  // AMD once per operator: every (h, ω) shares the pattern
    ordering_ = std::make_unique<Ordering>();
    Eigen::AMDOrdering<int> amd;
    Eigen::SparseMatrix<double> full = matrix.selfadjointView<Eigen::Lower>();
    amd(full, ordering_->permutation);
  }
  Eigen::SparseMatrix<double> permuted(n, n);
  permuted.selfadjointView<Eigen::Lower>() =
      matrix.selfadjointView<Eigen::Lower>().twistedBy(ordering_->permutation.inverse());
  auto created = std::make_unique<Factorization>();
  created->step = step;
  created->ratio = ratio;
  created->solver.compute(permuted);
  if (created->solver.info() != Eigen::Success) {
    throw SolverError(fmt::format("BDF2: sparse LDLT factorization failed (h = {} s)", step));
  }
  ++statistics_.linear_setups;
  factorizations_.push_back(std::move(created));
  return *factorizations_.back();
}

void Bdf2Integrator::step(double step, double ratio) {
  const auto& pattern = system_.jacobian_pattern();
  const auto& cells = system_.cells();
  const bool film = system_.vehicle_mode() == VehicleMode::film;
  const std::size_t first = film ? 0 : 1;
  const std::size_t n_cells = system_.n_cells();
  const auto [a0, b1, b2] = coefficients(ratio);
  if (system_.is_time_dependent()) refresh_operator(time_ + step);  // J at t_{n+1}
  auto& solver = factorization(step, ratio).solver;

  std::vector<double> history(current_.size());
  for (std::size_t k = 0; k < current_.size(); ++k) history[k] = b1 * current_[k] - b2 * previous_[k];
  Eigen::VectorXd right(static_cast<Eigen::Index>(n_cells - first));
  for (std::size_t i = first; i < n_cells; ++i) {
    double value = cells[i].capacity * history[i];
    if (!film) {  // the fixed vehicle (reservoir or absent) enters as a known value
      for (auto k = pattern.row_start[i]; k < pattern.row_start[i + 1]; ++k) {
        if (pattern.column_index[k] == 0) value += step * cells[i].capacity * jacobian_values_[k] * current_[0];
      }
    }
    right(static_cast<Eigen::Index>(i - first)) = value;
  }
  const Eigen::VectorXd solution =
      ordering_->permutation * solver.solve(ordering_->permutation.inverse() * right);
  std::vector<double> next = current_;
  for (std::size_t i = first; i < n_cells; ++i) next[i] = solution(static_cast<Eigen::Index>(i - first));
  for (std::size_t row = n_cells; row < current_.size(); ++row) {
    double rate = 0.0;
    for (auto k = pattern.row_start[row]; k < pattern.row_start[row + 1]; ++k) {
      rate += jacobian_values_[k] * next[pattern.column_index[k]];
    }
    next[row] = (history[row] + step * rate) / a0;
  }
  previous_ = std::move(current_);
  current_ = std::move(next);
  time_ += step;
  last_step_ = step;
  ++steps_since_start_;
  ++statistics_.steps;
  ++statistics_.nonlinear_iterations;
}

void Bdf2Integrator::advance(double t_out, double t_stop, std::span<double> y) {
  expects(y.size() == current_.size(), "Bdf2Integrator: state has the wrong size");
  expects(t_out >= time_ - 1e-9 * target_step_ && t_stop >= t_out, "Bdf2Integrator: bad output time");
  while (t_out - time_ > 1e-9 * target_step_) {
    const double wanted = steps_since_start_ == 0
                              ? target_step_ / std::pow(2.0, startup_halvings_)
                              : std::min(target_step_, 2.0 * last_step_);
    double h = std::min(wanted, t_out - time_);
    if (t_out - time_ - h < 1e-6 * h) h = t_out - time_;
    const double ratio = steps_since_start_ == 0 ? 0.0 : h / last_step_;
    step(h, ratio);
  }
  time_ = std::max(time_, t_out);
  std::copy(current_.begin(), current_.end(), y.begin());
}

}  // namespace dermasim::transport
