// Why the fixed-step BDF2 has its own band LDLᵀ (numerics/banded_ldlt.hpp): one linear
// system of a regimen simulation — C(a0 I − hJ) on the intact skin column of the `fast`
// fidelity with a film vehicle (tens of unknowns, tridiagonal) — factorized and solved by
// the band LDLᵀ and by Eigen's SimplicialLDLT (AMD ordering, as the 2-D cell uses it).
// A regimen solves ~10⁴ such systems and factorizes ~10³. Checks that both give the same
// solution (relative 1e-12) and reports the unknowns and the bandwidth.

#include <benchmark/benchmark.h>

#include <cmath>
#include <vector>

#include <Eigen/SparseCholesky>
#include <Eigen/SparseCore>

#include "numerics/banded_ldlt.hpp"
#include "transport/layered_column.hpp"
#include "transport/reference_problems.hpp"
#include "transport/transport_model.hpp"

namespace dermasim::transport {
namespace {

struct ColumnSystem {
  Eigen::SparseMatrix<double> lower;  // lower triangle, natural order
  Eigen::VectorXd right;
  int bandwidth = 0;
};

/// The backward-Euler matrix of a one-hour step on problem A's column at `fast` resolution.
ColumnSystem column_system() {
  const SkinModel skin = reference::problem_a_skin();
  FiniteVolumeSystem system = build_layered_column(skin.layers, skin.receptor, default_resolution(Fidelity::fast));
  system.set_vehicle(VehicleMode::film, 1e-5);
  const auto& pattern = system.jacobian_pattern();
  std::vector<double> values(pattern.n_nonzeros());
  system.jacobian(0.0, values);
  const auto n = static_cast<int>(system.n_cells());
  const double step = 3600.0;
  std::vector<Eigen::Triplet<double>> entries;
  ColumnSystem column;
  for (int row = 0; row < n; ++row) {
    const double capacity = system.cells()[static_cast<std::size_t>(row)].capacity;
    entries.emplace_back(row, row, capacity);
    for (auto k = pattern.row_start[static_cast<std::size_t>(row)];
         k < pattern.row_start[static_cast<std::size_t>(row) + 1]; ++k) {
      const auto column_index = static_cast<int>(pattern.column_index[static_cast<std::size_t>(k)]);
      if (column_index >= n || column_index > row) continue;
      entries.emplace_back(row, column_index, -step * capacity * values[static_cast<std::size_t>(k)]);
      column.bandwidth = std::max(column.bandwidth, row - column_index);
    }
  }
  column.lower.resize(n, n);
  column.lower.setFromTriplets(entries.begin(), entries.end());
  column.right = Eigen::VectorXd::LinSpaced(n, 1.0, 2.0);
  return column;
}

std::vector<double> band_of(const ColumnSystem& column, const numerics::BandedLdlt& layout) {
  std::vector<double> band(layout.band_size(), 0.0);
  for (int k = 0; k < column.lower.outerSize(); ++k) {
    for (Eigen::SparseMatrix<double>::InnerIterator it(column.lower, k); it; ++it) {
      band[layout.index(static_cast<int>(it.row()), static_cast<int>(it.col()))] = it.value();
    }
  }
  return band;
}

using EigenLdlt = Eigen::SimplicialLDLT<Eigen::SparseMatrix<double>, Eigen::Lower, Eigen::AMDOrdering<int>>;

double relative_difference(const Eigen::VectorXd& a, const Eigen::VectorXd& b) { return (a - b).norm() / b.norm(); }

Eigen::VectorXd band_solution(const ColumnSystem& column) {
  numerics::BandedLdlt solver(static_cast<int>(column.lower.rows()), column.bandwidth);
  solver.factorize(band_of(column, solver));
  Eigen::VectorXd x = column.right;
  solver.solve({x.data(), static_cast<std::size_t>(x.size())});
  return x;
}

void report(benchmark::State& state, const ColumnSystem& column) {
  state.counters["unknowns"] = static_cast<double>(column.lower.rows());
  state.counters["bandwidth"] = column.bandwidth;
  EigenLdlt eigen(column.lower);
  const double difference = relative_difference(band_solution(column), eigen.solve(column.right));
  state.counters["relative_difference"] = difference;
  if (!(difference < 1e-12)) state.SkipWithError("band and sparse LDLT solutions differ");
}

void BM_BandSolve_BandLdlt(benchmark::State& state) {
  const auto column = column_system();
  numerics::BandedLdlt solver(static_cast<int>(column.lower.rows()), column.bandwidth);
  solver.factorize(band_of(column, solver));
  Eigen::VectorXd x = column.right;
  for (auto _ : state) {
    x = column.right;
    solver.solve({x.data(), static_cast<std::size_t>(x.size())});
    benchmark::ClobberMemory();
  }
  report(state, column);
}

void BM_BandSolve_EigenSparseLdlt(benchmark::State& state) {
  const auto column = column_system();
  EigenLdlt solver(column.lower);
  Eigen::VectorXd x(column.right.size());
  for (auto _ : state) {
    x = solver.solve(column.right);
    benchmark::ClobberMemory();
  }
  report(state, column);
}

void BM_BandFactorize_BandLdlt(benchmark::State& state) {
  const auto column = column_system();
  numerics::BandedLdlt solver(static_cast<int>(column.lower.rows()), column.bandwidth);
  const auto band = band_of(column, solver);
  for (auto _ : state) {
    solver.factorize(band);
    benchmark::ClobberMemory();
  }
  report(state, column);
}

void BM_BandFactorize_EigenSparseLdlt(benchmark::State& state) {
  const auto column = column_system();
  EigenLdlt solver;
  solver.analyzePattern(column.lower);  // the symbolic part once, as a fixed pattern allows
  for (auto _ : state) {
    solver.factorize(column.lower);
    benchmark::ClobberMemory();
  }
  report(state, column);
}

BENCHMARK(BM_BandSolve_BandLdlt);
BENCHMARK(BM_BandSolve_EigenSparseLdlt);
BENCHMARK(BM_BandFactorize_BandLdlt);
BENCHMARK(BM_BandFactorize_EigenSparseLdlt);

}  // namespace
}  // namespace dermasim::transport
