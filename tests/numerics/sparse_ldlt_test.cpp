#include "numerics/sparse_ldlt.hpp"

#include <random>

#include <gtest/gtest.h>
#include <Eigen/Dense>

#include "core/error.hpp"

namespace dermasim::numerics {
namespace {

// The 5-point Laplacian of an nx × ny grid plus a positive diagonal shift: symmetric positive
// definite, with the fill a 2-D cell has. Returns its lower triangle.
Eigen::SparseMatrix<double> grid_matrix(int nx, int ny, double shift) {
  std::vector<Eigen::Triplet<double>> entries;
  const auto index = [&](int i, int j) { return i + nx * j; };
  for (int j = 0; j < ny; ++j) {
    for (int i = 0; i < nx; ++i) {
      entries.emplace_back(index(i, j), index(i, j), 4.0 + shift);
      if (i > 0) entries.emplace_back(index(i, j), index(i - 1, j), -1.0);
      if (j > 0) entries.emplace_back(index(i, j), index(i, j - 1), -1.0);
    }
  }
  Eigen::SparseMatrix<double> lower(nx * ny, nx * ny);
  lower.setFromTriplets(entries.begin(), entries.end());
  lower.makeCompressed();
  return lower;
}

Eigen::VectorXd dense_solution(const Eigen::SparseMatrix<double>& lower, const Eigen::VectorXd& right) {
  const Eigen::SparseMatrix<double> full = lower.selfadjointView<Eigen::Lower>();
  return Eigen::MatrixXd(full).llt().solve(right);
}

TEST(SparseLdlt, SolvesLikeADenseCholeskyAndRefactorizesOnTheSamePattern) {
  auto lower = grid_matrix(12, 9, 0.5);
  SparseLdltPattern pattern(lower);
  SparseLdlt solver;
  std::mt19937 random(7);
  std::uniform_real_distribution<double> value(-1.0, 1.0);
  Eigen::VectorXd right(lower.rows());
  for (Eigen::Index i = 0; i < right.size(); ++i) right(i) = value(random);

  Eigen::VectorXd solution;
  solver.factorize(pattern, lower);
  solver.solve(right, solution);
  EXPECT_LT((solution - dense_solution(lower, right)).norm(), 1e-12 * solution.norm());

  // New values, same pattern (still diagonally dominant): the analysis is reused.
  for (Eigen::Index k = 0; k < lower.nonZeros(); ++k) lower.valuePtr()[k] *= 0.5 + 0.5 * std::abs(value(random));
  for (Eigen::Index i = 0; i < lower.rows(); ++i) lower.coeffRef(i, i) += 3.0;
  solver.factorize(pattern, lower);
  solver.solve(right, solution);
  EXPECT_LT((solution - dense_solution(lower, right)).norm(), 1e-12 * solution.norm());
}

TEST(SparseLdlt, RejectsAMatrixWhoseFactorizationBreaksDown) {
  const auto lower = grid_matrix(5, 4, -4.0);  // zero diagonal: the first pivot is zero
  SparseLdltPattern pattern(lower);
  SparseLdlt solver;
  EXPECT_THROW(solver.factorize(pattern, lower), SolverError);
}

}  // namespace
}  // namespace dermasim::numerics
