#include "numerics/bdf2_integrator.hpp"

#include <algorithm>
#include <cmath>

#include <fmt/format.h>
#include <Eigen/SparseCore>

#include "core/error.hpp"
#include "numerics/banded_ldlt.hpp"
#include "numerics/integration_error.hpp"
#include "numerics/sparse_ldlt.hpp"

namespace dermasim::numerics {

namespace {

// Band storage costs n·(kd + 1) and the band LDLᵀ n·kd²: worth it for the 1-D columns
// (kd ≤ 2), not for the 2-D cell, whose natural bandwidth is its radial cell count.
constexpr int largest_band = 8;
// Factorizations kept per structure: a restart needs about six distinct (h, ω) and a
// graded schedule two more per doubling (docs/transport.md, problem B at 0.1 %: 13).
constexpr std::size_t kept_factorizations = 16;
// A Jacobian entry that changes by less than this fraction of its row's largest entry keeps
// the factorizations: it shifts the solution far less than the time-step error.
constexpr double operator_change_fraction = 1e-3;

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

/// One factorized matrix W (a0 I − h J) for the operator of `version`; recomputed in place
/// for another (h, ω) or operator when it is the least recently used.
struct Bdf2Integrator::Factorization {
  double step = 0.0;
  double ratio = 0.0;  // 0: backward Euler (the first step)
  long version = -1;   // of the operator it was computed for
  long last_used = 0;
  BandedLdlt banded;  // one of the two, as the structure says
  SparseLdlt sparse;
};

/// What one set of free (weighted) unknowns fixes: the order of the unknowns, the solver, and
/// where each Jacobian entry lands in the lower triangle of the matrix. A narrow band in the
/// natural order goes to the band LDLᵀ; anything else to CHOLMOD's sparse LDLᵀ, which orders it.
struct Bdf2Integrator::Structure {
  std::vector<char> is_free;                   // per state: weight > 0 (the key)
  std::vector<std::size_t> free_states;        // row of the free block → state
  std::vector<std::size_t> known_states;       // unweighted, referenced by free rows: solved first
  std::vector<std::ptrdiff_t> known_diagonal;  // their diagonal entry in the pattern, −1 if none
  std::vector<std::size_t> dependent_states;   // unweighted, referenced by no free row: solved last
  bool banded = false;
  BandedLdlt band_layout;                                          // when banded
  std::vector<double> band;                                        // the lower band; values rewritten
  Eigen::SparseMatrix<double> matrix;                              // else the lower triangle; values rewritten
  std::unique_ptr<SparseLdltPattern> analysis;                     // its ordering, shared by the factorizations
  std::vector<std::ptrdiff_t> diagonal_slot;                       // value index of each free row's diagonal
  std::vector<std::ptrdiff_t> entry_slot;                          // value index of Jacobian entry k, −1 if unused
  std::vector<std::pair<std::size_t, std::size_t>> known_entries;  // (free row, entry) in a known column
  std::vector<std::unique_ptr<Factorization>> factorizations;
  Eigen::VectorXd right, solution;  // work vectors

  Structure(const SparsityPattern& pattern, std::vector<char> free);

 private:
  void lay_out_matrix(const SparsityPattern& pattern, const std::vector<int>& free_index);
  void classify_unweighted(const SparsityPattern& pattern, const std::vector<int>& free_index);
};

Bdf2Integrator::Structure::Structure(const SparsityPattern& pattern, std::vector<char> free)
    : is_free(std::move(free)) {
  std::vector<int> free_index(is_free.size(), -1);
  for (std::size_t state = 0; state < is_free.size(); ++state) {
    if (!is_free[state]) continue;
    free_index[state] = static_cast<int>(free_states.size());
    free_states.push_back(state);
  }
  expects(!free_states.empty(), "Bdf2Integrator: no state has a positive symmetric weight");
  lay_out_matrix(pattern, free_index);
  classify_unweighted(pattern, free_index);
  right.resize(static_cast<Eigen::Index>(free_states.size()));
  solution.resize(static_cast<Eigen::Index>(free_states.size()));
}

void Bdf2Integrator::Structure::lay_out_matrix(const SparsityPattern& pattern, const std::vector<int>& free_index) {
  const auto n = static_cast<int>(free_states.size());
  // The lower triangle of the free block: the diagonal and each symmetric pair once.
  std::vector<std::pair<int, int>> lower;
  int bandwidth = 0;
  for (int row = 0; row < n; ++row) {
    const auto state = free_states[static_cast<std::size_t>(row)];
    lower.emplace_back(row, row);
    for (auto k = pattern.row_start[state]; k < pattern.row_start[state + 1]; ++k) {
      const int column = free_index[static_cast<std::size_t>(pattern.column_index[k])];
      if (column < 0 || column >= row) continue;
      lower.emplace_back(row, column);
      bandwidth = std::max(bandwidth, row - column);
    }
  }
  banded = bandwidth <= largest_band && bandwidth < n;
  if (banded) {
    band_layout = BandedLdlt(n, bandwidth);
    band.assign(band_layout.band_size(), 0.0);
  } else {
    std::vector<Eigen::Triplet<double>> entries;
    entries.reserve(lower.size());
    for (const auto& [row, column] : lower) entries.emplace_back(row, column, 0.0);
    matrix.resize(n, n);
    matrix.setFromTriplets(entries.begin(), entries.end());
    matrix.makeCompressed();
    analysis = std::make_unique<SparseLdltPattern>(matrix);
  }
  const auto slot_of = [&](int row, int column) {
    return banded ? static_cast<std::ptrdiff_t>(band_layout.index(row, column)) : value_index(matrix, row, column);
  };
  diagonal_slot.resize(static_cast<std::size_t>(n));
  for (int row = 0; row < n; ++row) diagonal_slot[static_cast<std::size_t>(row)] = slot_of(row, row);
  entry_slot.assign(pattern.n_nonzeros(), -1);
  for (int row = 0; row < n; ++row) {
    const auto state = free_states[static_cast<std::size_t>(row)];
    for (auto k = pattern.row_start[state]; k < pattern.row_start[state + 1]; ++k) {
      const int column = free_index[static_cast<std::size_t>(pattern.column_index[k])];
      if (column < 0) known_entries.emplace_back(static_cast<std::size_t>(row), static_cast<std::size_t>(k));
      if (column >= 0 && column <= row) entry_slot[static_cast<std::size_t>(k)] = slot_of(row, column);
    }
  }
}

// Unweighted unknowns that free rows reference are solved first, the others last; a
// dependent row may reference free and known unknowns only (OdeSystem::symmetric_weights()).
void Bdf2Integrator::Structure::classify_unweighted(const SparsityPattern& pattern,
                                                    const std::vector<int>& free_index) {
  std::vector<char> is_known(is_free.size(), 0);
  for (const auto& [row, k] : known_entries) is_known[static_cast<std::size_t>(pattern.column_index[k])] = 1;
  for (std::size_t state = 0; state < is_free.size(); ++state) {
    if (is_free[state]) continue;
    if (!is_known[state]) {
      dependent_states.push_back(state);
      continue;
    }
    known_states.push_back(state);
    known_diagonal.push_back(-1);
    for (auto k = pattern.row_start[state]; k < pattern.row_start[state + 1]; ++k) {
      if (pattern.column_index[k] == static_cast<std::int64_t>(state)) known_diagonal.back() = k;
    }
  }
  for (const auto state : dependent_states) {
    for (auto k = pattern.row_start[state]; k < pattern.row_start[state + 1]; ++k) {
      const auto column = static_cast<std::size_t>(pattern.column_index[k]);
      expects(column == state || free_index[column] >= 0 || is_known[column],
              "Bdf2Integrator: an unweighted state references another one solved after the free block");
    }
  }
}

Bdf2Integrator::Bdf2Integrator(const OdeSystem& system, Bdf2Schedule schedule)
    : system_(system),
      target_step_(schedule.step_s),
      startup_halvings_(schedule.startup_halvings),
      max_step_(std::max(schedule.max_step_s, schedule.step_s)),
      growth_(schedule.growth) {
  expects(schedule.step_s > 0.0, "Bdf2Integrator: step must be positive");
  expects(schedule.startup_halvings >= 0 && schedule.startup_halvings < 30, "Bdf2Integrator: bad start-up");
  expects(schedule.growth >= 0.0, "Bdf2Integrator: step growth must not be negative");
  expects(system.has_jacobian() && system.jacobian_pattern().n_rows() == system.n_states(),
          "Bdf2Integrator: needs the system's Jacobian, square with n_states rows");
  current_.assign(system.n_states(), 0.0);
  previous_ = current_;
  history_ = current_;
  next_ = current_;
}

Bdf2Integrator::~Bdf2Integrator() = default;

Bdf2Integrator::Structure& Bdf2Integrator::structure_for(const std::vector<double>& weights) {
  std::vector<char> free(weights.size());
  std::transform(weights.begin(), weights.end(), free.begin(), [](double w) { return w > 0.0 ? 1 : 0; });
  for (auto& known : structures_) {
    if (known->is_free == free) return *known;
  }
  structures_.push_back(std::make_unique<Structure>(system_.jacobian_pattern(), std::move(free)));
  return *structures_.back();
}

void Bdf2Integrator::reinitialize(double t0, std::span<const double> y0) {
  expects(y0.size() == system_.n_states(), "Bdf2Integrator: state has the wrong size");
  weights_ = system_.symmetric_weights();
  expects(weights_.size() == system_.n_states(), "Bdf2Integrator: needs one symmetric weight per state");
  structure_ = &structure_for(weights_);
  refresh_operator(t0);
  current_.assign(y0.begin(), y0.end());
  previous_ = current_;
  time_ = t0;
  start_time_ = t0;
  last_step_ = 0.0;
  steps_since_start_ = 0;
  if (started_) {
    before_restart_ += statistics_;
    ++before_restart_.reinitializations;
  }
  started_ = true;
  statistics_ = {};
}

IntegratorStatistics Bdf2Integrator::total_statistics() const {
  IntegratorStatistics total = before_restart_;
  total += statistics_;
  return total;
}

void Bdf2Integrator::refresh_operator(double t) {
  auto& values = candidate_values_;  // a member: time-dependent systems refresh every step
  values.resize(system_.jacobian_pattern().n_nonzeros());
  system_.jacobian(t, values);
  // Events change the operator; so does time in a time-dependent system. A small change
  // keeps the factorizations; the invariants hold for any operator.
  bool changed = values.size() != jacobian_values_.size();
  const auto& pattern = system_.jacobian_pattern();
  for (std::size_t row = 0; !changed && row < pattern.n_rows(); ++row) {
    double largest = 0.0;
    for (auto k = pattern.row_start[row]; k < pattern.row_start[row + 1]; ++k) {
      largest = std::max(largest, std::abs(values[k]));
    }
    for (auto k = pattern.row_start[row]; !changed && k < pattern.row_start[row + 1]; ++k) {
      changed = std::abs(values[k] - jacobian_values_[k]) > operator_change_fraction * largest;
    }
  }
  if (changed) {
    ++operator_version_;
    std::swap(jacobian_values_, values);
  }
  check_known_rows();
}

void Bdf2Integrator::check_known_rows() const {
  const auto& pattern = system_.jacobian_pattern();
  for (const auto state : structure_->known_states) {
    for (auto k = pattern.row_start[state]; k < pattern.row_start[state + 1]; ++k) {
      expects(pattern.column_index[k] == static_cast<std::int64_t>(state) || jacobian_values_[k] == 0.0,
              "Bdf2Integrator: an unweighted state the free rows reference is coupled to others");
    }
  }
}

Bdf2Integrator::Factorization& Bdf2Integrator::factorization(double step, double ratio) {
  auto& s = *structure_;
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
  const double a0 = coefficients(ratio).a0;
  double* values = s.banded ? s.band.data() : s.matrix.valuePtr();
  std::fill(values, values + (s.banded ? s.band.size() : static_cast<std::size_t>(s.matrix.nonZeros())), 0.0);
  for (std::size_t row = 0; row < s.free_states.size(); ++row) {
    const auto state = s.free_states[row];
    const double weight = weights_[state];
    values[s.diagonal_slot[row]] += weight * a0;
    for (auto k = pattern.row_start[state]; k < pattern.row_start[state + 1]; ++k) {
      const auto slot = s.entry_slot[static_cast<std::size_t>(k)];
      if (slot >= 0) values[slot] -= step * weight * jacobian_values_[k];
    }
  }
  try {
    if (s.banded) {
      if (f.banded.band_size() != s.band.size()) f.banded = s.band_layout;
      f.banded.factorize(s.band);
    } else {
      f.sparse.factorize(*s.analysis, s.matrix);
    }
  } catch (const SolverError& error) {
    f.version = -1;  // not a valid factorization of anything
    throw IntegrationError(fmt::format("BDF2 failed at t = {:.6g} s with step {:.6g} s: {}; {}", time_, step,
                                       error.what(), statistics_.summary()),
                           statistics_);
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
  const auto [a0, b1, b2] = coefficients(ratio);
  if (system_.is_time_dependent()) refresh_operator(time_ + step);  // J at t_{n+1}
  auto& factors = factorization(step, ratio);
  auto& s = *structure_;

  for (std::size_t k = 0; k < current_.size(); ++k) history_[k] = b1 * current_[k] - b2 * previous_[k];
  for (std::size_t i = 0; i < s.known_states.size(); ++i) {
    const auto state = s.known_states[i];
    const auto slot = s.known_diagonal[i];
    const double diagonal = slot >= 0 ? jacobian_values_[static_cast<std::size_t>(slot)] : 0.0;
    // A constant (dy/dt = 0) is kept exactly; the BDF2 formula would reproduce it with round-off.
    const bool is_constant = diagonal == 0.0 && current_[state] == previous_[state];
    next_[state] = is_constant ? current_[state] : history_[state] / (a0 - step * diagonal);
  }
  for (std::size_t row = 0; row < s.free_states.size(); ++row) {
    const auto state = s.free_states[row];
    s.right(static_cast<Eigen::Index>(row)) = weights_[state] * history_[state];
  }
  for (const auto& [row, k] : s.known_entries) {  // the known unknowns move to the right side
    const auto state = s.free_states[row];
    s.right(static_cast<Eigen::Index>(row)) +=
        step * weights_[state] * jacobian_values_[k] * next_[static_cast<std::size_t>(pattern.column_index[k])];
  }
  if (s.banded) {
    s.solution = s.right;
    factors.banded.solve({s.solution.data(), static_cast<std::size_t>(s.solution.size())});
  } else {
    factors.sparse.solve(s.right, s.solution);
  }
  for (std::size_t row = 0; row < s.free_states.size(); ++row) {
    next_[s.free_states[row]] = s.solution(static_cast<Eigen::Index>(row));
  }
  for (const auto state : s.dependent_states) {
    double rate = 0.0;
    double diagonal = 0.0;
    for (auto k = pattern.row_start[state]; k < pattern.row_start[state + 1]; ++k) {
      const auto column = static_cast<std::size_t>(pattern.column_index[k]);
      if (column == state) {
        diagonal = jacobian_values_[k];
      } else {
        rate += jacobian_values_[k] * next_[column];
      }
    }
    next_[state] = (history_[state] + step * rate) / (a0 - step * diagonal);
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
  expects(started_, "Bdf2Integrator: reinitialize() before the first advance()");
  expects(y.size() == current_.size(), "Bdf2Integrator: state has the wrong size");
  const double slack = 1e-9 * target_step_;
  expects(t_out >= time_ - last_step_ - slack && t_stop >= t_out, "Bdf2Integrator: bad output time");
  while (t_out - time_ > slack) {
    double level = target_step_;
    while (2.0 * level <= max_step_ && 2.0 * level <= growth_ * (time_ - start_time_)) level *= 2.0;
    const double wanted =
        steps_since_start_ == 0 ? target_step_ / std::pow(2.0, startup_halvings_) : std::min(level, 2.0 * last_step_);
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

}  // namespace dermasim::numerics
