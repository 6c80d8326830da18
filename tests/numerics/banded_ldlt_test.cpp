#include "numerics/banded_ldlt.hpp"

#include <random>

#include <gtest/gtest.h>
#include <Eigen/Dense>

#include "core/error.hpp"

namespace dermasim::numerics {
namespace {

// A random symmetric positive definite matrix with the given bandwidth (diagonally dominant).
Eigen::MatrixXd random_band_matrix(int n, int bandwidth, std::mt19937& random) {
  std::uniform_real_distribution<double> off(-1.0, 1.0);
  Eigen::MatrixXd a = Eigen::MatrixXd::Zero(n, n);
  for (int j = 0; j < n; ++j) {
    for (int i = j + 1; i <= std::min(n - 1, j + bandwidth); ++i) a(i, j) = a(j, i) = off(random);
  }
  for (int i = 0; i < n; ++i) a(i, i) = a.row(i).cwiseAbs().sum() + 0.1 + std::abs(off(random));
  return a;
}

std::vector<double> lower_band(const Eigen::MatrixXd& a, const BandedLdlt& layout) {
  std::vector<double> band(layout.band_size(), 0.0);
  const auto n = static_cast<int>(a.rows());
  for (int j = 0; j < n; ++j) {
    for (int i = j; i <= std::min(n - 1, j + layout.bandwidth()); ++i) band[layout.index(i, j)] = a(i, j);
  }
  return band;
}

TEST(BandedLdlt, SolvesRandomBandSystemsLikeADenseCholesky) {
  std::mt19937 random(20261125);
  std::uniform_real_distribution<double> value(-1.0, 1.0);
  int checked = 0;
  for (int n = 1; n <= 40; n += 3) {
    for (int bandwidth = 0; bandwidth <= std::min(4, n - 1); ++bandwidth) {
      const Eigen::MatrixXd a = random_band_matrix(n, bandwidth, random);
      Eigen::VectorXd b(n);
      for (int i = 0; i < n; ++i) b(i) = value(random);
      const Eigen::VectorXd expected = a.llt().solve(b);

      BandedLdlt solver(n, bandwidth);
      solver.factorize(lower_band(a, solver));
      std::vector<double> x(b.data(), b.data() + n);
      solver.solve(x);
      for (int i = 0; i < n; ++i)
        EXPECT_NEAR(x[static_cast<std::size_t>(i)], expected(i), 1e-12 * (1.0 + std::abs(expected(i))));
      ++checked;
    }
  }
  EXPECT_GT(checked, 50);
}

TEST(BandedLdlt, RejectsAMatrixThatIsNotPositiveDefinite) {
  Eigen::MatrixXd a(3, 3);
  a << 1.0, 2.0, 0.0, 2.0, 1.0, 0.5, 0.0, 0.5, 1.0;
  BandedLdlt solver(3, 1);
  EXPECT_THROW(solver.factorize(lower_band(a, solver)), SolverError);
}

TEST(BandedLdlt, RejectsABandOfTheWrongSize) {
  BandedLdlt solver(4, 1);
  const std::vector<double> too_short(3, 1.0);
  EXPECT_THROW(solver.factorize(too_short), InternalError);
}

}  // namespace
}  // namespace dermasim::numerics
