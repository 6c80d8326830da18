#include "numerics/banded_ldlt.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "core/error.hpp"

namespace dermasim::numerics {

BandedLdlt::BandedLdlt(int n, int bandwidth) : n_(n), bandwidth_(bandwidth) {
  expects(n > 0 && bandwidth >= 0 && bandwidth < n, "BandedLdlt: bad size or bandwidth");
  factor_.assign(band_size(), 0.0);
  inverse_diagonal_.assign(static_cast<std::size_t>(n), 0.0);
}

void BandedLdlt::factorize(std::span<const double> band) {
  expects(band.size() == band_size(), "BandedLdlt: band has the wrong size");
  std::copy(band.begin(), band.end(), factor_.begin());
  // Column by column (left-looking), the sums over the band only:
  //   D(j) = A(j, j) − Σ_k L(j, k)² D(k),  L(i, j) = (A(i, j) − Σ_k L(i, k) L(j, k) D(k)) / D(j).
  // The diagonal slots of factor_ hold D.
  for (int j = 0; j < n_; ++j) {
    double pivot = factor_[index(j, j)];
    for (int k = std::max(0, j - bandwidth_); k < j; ++k)
      pivot -= factor_[index(j, k)] * factor_[index(j, k)] * factor_[index(k, k)];
    if (!(pivot > 0.0)) {
      throw SolverError(fmt::format("band LDLT: the matrix is not positive definite (pivot {} at row {})", pivot, j));
    }
    factor_[index(j, j)] = pivot;
    inverse_diagonal_[static_cast<std::size_t>(j)] = 1.0 / pivot;
    const int last = std::min(n_ - 1, j + bandwidth_);
    for (int i = j + 1; i <= last; ++i) {
      double value = factor_[index(i, j)];
      for (int k = std::max(0, i - bandwidth_); k < j; ++k)
        value -= factor_[index(i, k)] * factor_[index(j, k)] * factor_[index(k, k)];
      factor_[index(i, j)] = value / pivot;
    }
  }
}

void BandedLdlt::solve(std::span<double> right) const {
  expects(right.size() == static_cast<std::size_t>(n_), "BandedLdlt: right-hand side has the wrong size");
  double* x = right.data();
  const double* factor = factor_.data();
  const std::size_t stride = static_cast<std::size_t>(bandwidth_) + 1;
  // L z = b, then z /= D, then Lᵀ x = z: the recurrences carry one multiply-add per band
  // entry, the scaling by 1/D is off the critical path.
  for (int i = 1; i < n_; ++i) {
    double value = x[i];
    for (int k = std::max(0, i - bandwidth_); k < i; ++k) value -= factor[index(i, k)] * x[k];
    x[i] = value;
  }
  for (int i = 0; i < n_; ++i) x[i] *= inverse_diagonal_[static_cast<std::size_t>(i)];
  for (int i = n_ - 2; i >= 0; --i) {
    double value = x[i];
    const std::size_t column = static_cast<std::size_t>(i) * stride;
    const int last = std::min(n_ - 1, i + bandwidth_);
    for (int k = i + 1; k <= last; ++k) value -= factor[column + static_cast<std::size_t>(k - i)] * x[k];
    x[i] = value;
  }
}

}  // namespace dermasim::numerics
