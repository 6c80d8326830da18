#pragma once
// The symmetric positive definite banded systems of the 1-D columns (a tridiagonal column,
// the two-pathway column with bandwidth 2) solved by a band LDLᵀ factorization: O(n·kd²)
// to factorize and O(n·kd) to solve, no fill, no ordering, no allocation. Hand-written
// because the systems are tiny (tens of unknowns; a 180-day regimen solves ~5·10³ and
// factorizes ~10³ of them) and the library routes spend their time on overhead there:
// bench/numerics/banded_ldlt_bench.cpp measures, on the intact column (28 unknowns), a
// solve in 246 ns against 310 ns for Eigen's SimplicialLDLT and a numeric factorization in
// 290 ns against 763 ns; reference LAPACK (dpbtrf/dpbtrs) made the regimen simulation
// slower than Eigen (29 ms against 24 ms), so it is not used. Band storage is LAPACK's
// lower band storage.

#include <cstddef>
#include <span>
#include <vector>

namespace dermasim::numerics {

class BandedLdlt {
 public:
  BandedLdlt() = default;
  /// @pre n > 0, 0 <= bandwidth < n.
  BandedLdlt(int n, int bandwidth);

  /// Position of the lower-triangle entry (row, column), column <= row <= column + bandwidth,
  /// in the band array factorize() takes (LAPACK's lower band storage, column-major).
  [[nodiscard]] std::size_t index(int row, int column) const {
    return static_cast<std::size_t>(row - column) +
           static_cast<std::size_t>(column) * static_cast<std::size_t>(bandwidth_ + 1);
  }
  [[nodiscard]] std::size_t band_size() const {
    return static_cast<std::size_t>(n_) * static_cast<std::size_t>(bandwidth_ + 1);
  }
  [[nodiscard]] int bandwidth() const { return bandwidth_; }

  /// Factorizes the matrix given by its lower band (A = L D Lᵀ, L unit lower). Throws
  /// SolverError if it is not positive definite.
  void factorize(std::span<const double> band);
  /// Overwrites `right` with the solution. @pre factorize() succeeded.
  void solve(std::span<double> right) const;

 private:
  int n_ = 0;
  int bandwidth_ = 0;
  std::vector<double> factor_;            // L below the diagonal, D on it (band storage)
  std::vector<double> inverse_diagonal_;  // 1 / D(i)
};

}  // namespace dermasim::numerics
