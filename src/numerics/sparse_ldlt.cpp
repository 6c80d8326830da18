#include "numerics/sparse_ldlt.hpp"

#include <algorithm>

#include <cholmod.h>
#include <fmt/format.h>

#include "core/error.hpp"

namespace dermasim::numerics {
namespace {

/// A CHOLMOD view (no copy) of the lower triangle as a symmetric matrix.
cholmod_sparse view_of(const Eigen::SparseMatrix<double>& lower) {
  cholmod_sparse view{};
  view.nrow = static_cast<std::size_t>(lower.rows());
  view.ncol = static_cast<std::size_t>(lower.cols());
  view.nzmax = static_cast<std::size_t>(lower.nonZeros());
  view.p = const_cast<int*>(lower.outerIndexPtr());
  view.i = const_cast<int*>(lower.innerIndexPtr());
  view.x = const_cast<double*>(lower.valuePtr());
  view.stype = -1;  // symmetric, lower triangle stored
  view.itype = CHOLMOD_INT;
  view.xtype = CHOLMOD_REAL;
  view.dtype = CHOLMOD_DOUBLE;
  view.sorted = 1;
  view.packed = 1;
  return view;
}

}  // namespace

SparseLdltPattern::SparseLdltPattern(const Eigen::SparseMatrix<double>& lower) : common_(new cholmod_common) {
  expects(lower.isCompressed() && lower.rows() == lower.cols(), "SparseLdltPattern: needs a square compressed matrix");
  cholmod_start(common_);
  common_->supernodal = CHOLMOD_SIMPLICIAL;  // tens of thousands of unknowns in 2-D: no dense blocks to gain from
  common_->final_ll = 0;                     // keep LDLᵀ
  common_->print = 0;
  cholmod_sparse view = view_of(lower);
  symbolic_ = cholmod_analyze(&view, common_);
  if (symbolic_ == nullptr || common_->status < CHOLMOD_OK) {
    throw SolverError(fmt::format("CHOLMOD could not analyze the matrix (status {})", common_->status));
  }
}

SparseLdltPattern::~SparseLdltPattern() {
  if (symbolic_ != nullptr) cholmod_free_factor(&symbolic_, common_);
  cholmod_finish(common_);
  delete common_;
}

SparseLdlt::~SparseLdlt() {
  if (factor_ != nullptr) cholmod_free_factor(&factor_, pattern_->common_);
}

void SparseLdlt::factorize(SparseLdltPattern& pattern, const Eigen::SparseMatrix<double>& lower) {
  expects(pattern_ == nullptr || pattern_ == &pattern, "SparseLdlt: factorized with another pattern");
  pattern_ = &pattern;
  if (factor_ == nullptr) factor_ = cholmod_copy_factor(pattern.symbolic_, pattern.common_);
  cholmod_sparse view = view_of(lower);
  if (factor_ == nullptr || !cholmod_factorize(&view, factor_, pattern.common_) ||
      pattern.common_->status != CHOLMOD_OK) {
    throw SolverError(
        fmt::format("CHOLMOD LDLT factorization broke down (status {}: a zero pivot)", pattern.common_->status));
  }
}

void SparseLdlt::solve(const Eigen::VectorXd& right, Eigen::VectorXd& solution) const {
  expects(factor_ != nullptr && static_cast<std::size_t>(right.size()) == factor_->n,
          "SparseLdlt: solve before factorize");
  cholmod_dense view{};
  view.nrow = factor_->n;
  view.ncol = 1;
  view.nzmax = factor_->n;
  view.d = factor_->n;
  view.x = const_cast<double*>(right.data());
  view.xtype = CHOLMOD_REAL;
  view.dtype = CHOLMOD_DOUBLE;
  cholmod_dense* result = cholmod_solve(CHOLMOD_A, factor_, &view, pattern_->common_);
  if (result == nullptr) throw SolverError("CHOLMOD solve failed");
  solution.resize(right.size());
  const auto* x = static_cast<const double*>(result->x);
  std::copy(x, x + right.size(), solution.data());
  cholmod_free_dense(&result, pattern_->common_);
}

}  // namespace dermasim::numerics
