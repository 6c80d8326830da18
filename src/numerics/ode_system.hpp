#pragma once
// The problem as a time integrator sees it (problem, discretization and integrator
// are separate objects): dy/dt = f(t, y), optionally with an exact sparse Jacobian
// whose pattern is fixed for the life of the system. The transport finite-volume operator and
// the response equations both implement it (docs/transport.md, docs/model-response.md).

#include <cstddef>
#include <cstdint>
#include <span>
#include <vector>

namespace dermasim::numerics {

/// Compressed-sparse-row pattern of a square matrix: row r holds the columns
/// column_index[row_start[r] .. row_start[r+1]), sorted ascending.
struct SparsityPattern {
  std::vector<std::int64_t> row_start;
  std::vector<std::int64_t> column_index;
  [[nodiscard]] std::size_t n_rows() const { return row_start.empty() ? 0 : row_start.size() - 1; }
  [[nodiscard]] std::size_t n_nonzeros() const { return column_index.size(); }
};

/// Outcome of one right-hand-side evaluation (SUNDIALS CVRhsFn convention): a recoverable
/// failure asks the integrator to retry with a smaller step; an unrecoverable one ends the
/// integration with a SolverError.
enum class RhsStatus { ok, recoverable_failure, unrecoverable_failure };

class OdeSystem {
 public:
  virtual ~OdeSystem() = default;
  [[nodiscard]] virtual std::size_t n_states() const = 0;
  /// dy/dt at (t, y). @pre y.size() == ydot.size() == n_states(). An exception thrown here
  /// reaches the integrator's caller unchanged.
  virtual RhsStatus rhs(double t, std::span<const double> y, std::span<double> ydot) const = 0;

  /// The pattern of ∂f/∂y; empty (no rows, the default) when the system offers no exact
  /// Jacobian: CVODE then uses dense difference quotients, and BDF2 cannot be used.
  [[nodiscard]] virtual const SparsityPattern& jacobian_pattern() const;
  /// ∂f/∂y at t, written in the order of jacobian_pattern(). @pre has_jacobian(). Systems with
  /// a Jacobian are linear in y here (f = J(t) y): the Jacobian does not depend on y.
  virtual void jacobian(double t, std::span<double> values) const;
  [[nodiscard]] bool has_jacobian() const { return jacobian_pattern().n_rows() > 0; }
  /// False when the Jacobian is the same at every time between two events (then an
  /// integrator evaluates it once per restart). The default, true, is always safe.
  [[nodiscard]] virtual bool is_time_dependent() const { return true; }

  /// Optional structure that allows a faster linear solver than general sparse LU: weights w
  /// (one per state) such that the rows with w > 0, each multiplied by its w, form a symmetric
  /// positive definite block of I − γJ for every γ > 0; a row with w = 0 either has no nonzero
  /// off-diagonal entries (its unknown is solved first) or belongs to an unknown that no row
  /// with w > 0 references (solved last). Empty (the default): no such structure. Read at
  /// every linear-solver setup (CVODE) and at every restart (BDF2).
  [[nodiscard]] virtual std::vector<double> symmetric_weights() const { return {}; }
};

}  // namespace dermasim::numerics
