#pragma once
// Sparse symmetric positive definite systems of the 2-D unit cell, factorized by CHOLMOD's
// simplicial LDLᵀ (SuiteSparse) — the one file that talks to CHOLMOD. The fill-reducing
// ordering and symbolic factor are computed once per matrix pattern (SparseLdltPattern) and
// shared by every numeric factorization of that pattern (one per time step and ratio of the
// BDF2 integrator): on the 23 000-cell cell of benchmark problem B (bench/README.md) the
// ordering costs about as much as a numeric factorization, and a graded schedule needs a dozen.

#include <Eigen/SparseCore>

struct cholmod_common_struct;
struct cholmod_factor_struct;

namespace dermasim::numerics {

class SparseLdltPattern {
 public:
  /// Analyzes the pattern of `lower` (the lower triangle, compressed column storage).
  explicit SparseLdltPattern(const Eigen::SparseMatrix<double>& lower);
  ~SparseLdltPattern();
  SparseLdltPattern(const SparseLdltPattern&) = delete;
  SparseLdltPattern& operator=(const SparseLdltPattern&) = delete;

 private:
  friend class SparseLdlt;
  cholmod_common_struct* common_ = nullptr;
  cholmod_factor_struct* symbolic_ = nullptr;
};

class SparseLdlt {
 public:
  SparseLdlt() = default;
  ~SparseLdlt();
  SparseLdlt(const SparseLdlt&) = delete;
  SparseLdlt& operator=(const SparseLdlt&) = delete;

  /// Numeric factorization of `lower`, whose pattern `pattern` analyzed. Throws SolverError
  /// if it breaks down (a zero pivot; LDLᵀ itself does not need positive definiteness).
  /// @pre pattern outlives this object; the same pattern on every call.
  void factorize(SparseLdltPattern& pattern, const Eigen::SparseMatrix<double>& lower);
  /// solution = A⁻¹ right. @pre factorize() succeeded.
  void solve(const Eigen::VectorXd& right, Eigen::VectorXd& solution) const;

 private:
  SparseLdltPattern* pattern_ = nullptr;
  cholmod_factor_struct* factor_ = nullptr;
};

}  // namespace dermasim::numerics
