#pragma once
// The semi-discrete problem as the time integrator sees it (problem,
// discretization and integrator are separate objects): dy/dt = f(t, y) with a sparse
// Jacobian whose pattern is fixed for the life of the system (docs/transport.md §2).

#include <cstddef>
#include <cstdint>
#include <span>
#include <vector>

namespace dermasim::transport {

/// Compressed-sparse-row pattern of a square matrix: row r holds the columns
/// column_index[row_start[r] .. row_start[r+1]), sorted ascending.
struct SparsityPattern {
  std::vector<std::int64_t> row_start;
  std::vector<std::int64_t> column_index;
  [[nodiscard]] std::size_t n_rows() const { return row_start.empty() ? 0 : row_start.size() - 1; }
  [[nodiscard]] std::size_t n_nonzeros() const { return column_index.size(); }
};

class OdeSystem {
 public:
  virtual ~OdeSystem() = default;
  [[nodiscard]] virtual std::size_t n_states() const = 0;
  /// dy/dt at (t, y). @pre y.size() == ydot.size() == n_states().
  virtual void rhs(double t, std::span<const double> y, std::span<double> ydot) const = 0;
  [[nodiscard]] virtual const SparsityPattern& jacobian_pattern() const = 0;
  /// ∂f/∂y at t, written in the order of jacobian_pattern(). The problems here are linear in y.
  virtual void jacobian(double t, std::span<double> values) const = 0;
  /// Optional structure that allows a faster linear solver than general sparse LU: weights w
  /// (one per state) such that the rows with w > 0, each multiplied by its w, form a symmetric
  /// positive definite block of I − γJ; a row with w = 0 either has no off-diagonal entries
  /// (its unknown is solved first) or belongs to an unknown that no other row references (solved
  /// last). Empty (the default): no such structure. Called at every linear-solver setup.
  [[nodiscard]] virtual std::vector<double> symmetric_weights() const { return {}; }
};

}  // namespace dermasim::transport
