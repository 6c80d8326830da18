#include "numerics/cvode_integrator.hpp"

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <exception>
#include <limits>
#include <string>
#include <vector>

#include <cvode/cvode.h>
#include <nvector/nvector_serial.h>
#include <sundials/sundials_context.h>
#include <sunlinsol/sunlinsol_dense.h>
#include <sunlinsol/sunlinsol_klu.h>
#include <sunmatrix/sunmatrix_dense.h>
#include <sunmatrix/sunmatrix_sparse.h>

#include <fmt/format.h>
#include <Eigen/SparseCholesky>
#include <Eigen/SparseCore>

#include "core/error.hpp"
#include "numerics/integration_error.hpp"

namespace dermasim::numerics {

namespace {

// A SUNLinearSolver for Newton matrices M = I − γJ with the structure OdeSystem::
// symmetric_weights() describes: the weighted symmetric block is factorized by a sparse LDLᵀ
// (Eigen, AMD ordering; pattern analysed once), the other rows by substitution. Twice to
// several times cheaper than KLU's LU with pivoting on the transport matrices, and exact.
struct SymmetricBlockSolver {
  const OdeSystem* system = nullptr;
  std::vector<double> weights;
  std::vector<int> free_index;  // state → row of the symmetric block, or −1
  std::vector<std::size_t> independent_rows, dependent_rows;
  std::vector<Eigen::Triplet<double>> entries;
  Eigen::SparseMatrix<double> block;
  Eigen::SimplicialLDLT<Eigen::SparseMatrix<double>, Eigen::Lower, Eigen::AMDOrdering<int>> ldlt;
  Eigen::VectorXd right;
  bool analysed = false;

  // Re-indexes the block when the set of weighted rows changed (an event changed the system).
  void update_weights() {
    auto new_weights = system->symmetric_weights();
    const std::size_t n = new_weights.size();
    bool same_structure = weights.size() == n;
    for (std::size_t i = 0; same_structure && i < n; ++i) {
      same_structure = (weights[i] > 0.0) == (new_weights[i] > 0.0);
    }
    weights = std::move(new_weights);
    if (same_structure) return;
    free_index.assign(n, -1);
    int count = 0;
    for (std::size_t i = 0; i < n; ++i) {
      if (weights[i] > 0.0) free_index[i] = count++;
    }
    block.resize(count, count);
    right.resize(count);
    analysed = false;
  }

  int setup(SUNMatrix matrix) {
    const auto* row_start = SUNSparseMatrix_IndexPointers(matrix);
    const auto* columns = SUNSparseMatrix_IndexValues(matrix);
    const auto* values = SUNSparseMatrix_Data(matrix);
    update_weights();
    independent_rows.clear();
    dependent_rows.clear();
    entries.clear();
    for (std::size_t i = 0; i < weights.size(); ++i) {
      if (weights[i] > 0.0) {
        for (auto k = row_start[i]; k < row_start[i + 1]; ++k) {
          const int column = free_index[static_cast<std::size_t>(columns[k])];
          if (column >= 0 && column <= free_index[i]) {
            entries.emplace_back(free_index[i], column, weights[i] * values[k]);
          }
        }
      } else {
        bool has_off_diagonal = false;
        for (auto k = row_start[i]; k < row_start[i + 1]; ++k) {
          has_off_diagonal = has_off_diagonal || (columns[k] != static_cast<sunindextype>(i) && values[k] != 0.0);
        }
        (has_off_diagonal ? dependent_rows : independent_rows).push_back(i);
      }
    }
    block.setFromTriplets(entries.begin(), entries.end());
    if (!analysed) {
      ldlt.analyzePattern(block);
      analysed = true;
    }
    ldlt.factorize(block);
    return ldlt.info() == Eigen::Success ? SUNLS_SUCCESS : SUNLS_PACKAGE_FAIL_REC;
  }

  int solve(SUNMatrix matrix, N_Vector x, N_Vector b) {
    const auto* row_start = SUNSparseMatrix_IndexPointers(matrix);
    const auto* columns = SUNSparseMatrix_IndexValues(matrix);
    const auto* values = SUNSparseMatrix_Data(matrix);
    double* out = N_VGetArrayPointer(x);
    const double* in = N_VGetArrayPointer(b);
    const auto diagonal = [&](std::size_t i) {
      for (auto k = row_start[i]; k < row_start[i + 1]; ++k) {
        if (columns[k] == static_cast<sunindextype>(i)) return values[k];
      }
      return 0.0;
    };
    for (const auto i : independent_rows) out[i] = in[i] / diagonal(i);
    for (std::size_t i = 0; i < weights.size(); ++i) {
      if (weights[i] <= 0.0) continue;
      double value = in[i];
      for (auto k = row_start[i]; k < row_start[i + 1]; ++k) {
        const auto column = static_cast<std::size_t>(columns[k]);
        if (free_index[column] < 0) value -= values[k] * out[column];  // independent unknowns
      }
      right(free_index[i]) = weights[i] * value;
    }
    const Eigen::VectorXd solution = ldlt.solve(right);
    for (std::size_t i = 0; i < weights.size(); ++i) {
      if (free_index[i] >= 0) out[i] = solution(free_index[i]);
    }
    for (const auto i : dependent_rows) {
      double value = in[i];
      double pivot = 1.0;
      for (auto k = row_start[i]; k < row_start[i + 1]; ++k) {
        const auto column = static_cast<std::size_t>(columns[k]);
        if (column == i) {
          pivot = values[k];
        } else {
          value -= values[k] * out[column];
        }
      }
      out[i] = value / pivot;
    }
    return SUNLS_SUCCESS;
  }
};

SUNLinearSolver make_symmetric_block_solver(SymmetricBlockSolver& content, SUNContext context) {
  SUNLinearSolver solver = SUNLinSolNewEmpty(context);
  if (solver == nullptr) return nullptr;
  solver->content = &content;
  solver->ops->gettype = [](SUNLinearSolver) { return SUNLINEARSOLVER_DIRECT; };
  solver->ops->getid = [](SUNLinearSolver) { return SUNLINEARSOLVER_CUSTOM; };
  solver->ops->initialize = [](SUNLinearSolver) { return SUNLS_SUCCESS; };
  solver->ops->setup = [](SUNLinearSolver self, SUNMatrix matrix) {
    return static_cast<SymmetricBlockSolver*>(self->content)->setup(matrix);
  };
  solver->ops->solve = [](SUNLinearSolver self, SUNMatrix matrix, N_Vector x, N_Vector b, sunrealtype) {
    return static_cast<SymmetricBlockSolver*>(self->content)->solve(matrix, x, b);
  };
  solver->ops->lastflag = [](SUNLinearSolver) -> sunindextype { return 0; };
  solver->ops->free = [](SUNLinearSolver self) {
    self->content = nullptr;
    SUNLinSolFreeEmpty(self);
    return SUNLS_SUCCESS;
  };
  return solver;
}

std::string flag_name(int status) {
  char* name = CVodeGetReturnFlagName(status);  // allocated by SUNDIALS
  std::string result = name != nullptr ? name : "unknown flag";
  std::free(name);
  return result;
}

}  // namespace

struct CvodeIntegrator::Impl {
  SymmetricBlockSolver symmetric_block;
  const OdeSystem* system = nullptr;
  std::size_t n = 0;
  SUNContext context = nullptr;
  N_Vector state = nullptr;
  N_Vector absolute = nullptr;
  SUNMatrix matrix = nullptr;
  SUNLinearSolver solver = nullptr;
  void* memory = nullptr;
  double t = 0.0;
  bool started = false;
  IntegratorStatistics before_restart;  // CVODE's counters restart at CVodeReInit
  std::exception_ptr callback_error;
  std::string last_message;  // CVODE's own words for the last error, kept for SolverError

  ~Impl() {
    if (memory != nullptr) CVodeFree(&memory);
    if (solver != nullptr) SUNLinSolFree(solver);
    if (matrix != nullptr) SUNMatDestroy(matrix);
    if (absolute != nullptr) N_VDestroy(absolute);
    if (state != nullptr) N_VDestroy(state);
    if (context != nullptr) SUNContext_Free(&context);
  }

  [[nodiscard]] IntegratorStatistics since_restart() const {
    IntegratorStatistics stats;
    if (memory == nullptr) return stats;
    CVodeGetNumSteps(memory, &stats.steps);
    CVodeGetNumRhsEvals(memory, &stats.rhs_evaluations);
    CVodeGetNumJacEvals(memory, &stats.jacobian_evaluations);
    CVodeGetNumLinSolvSetups(memory, &stats.linear_setups);
    CVodeGetNumNonlinSolvIters(memory, &stats.nonlinear_iterations);
    CVodeGetNumErrTestFails(memory, &stats.error_test_failures);
    CVodeGetNumNonlinSolvConvFails(memory, &stats.nonlinear_convergence_failures);
    return stats;
  }

  // Turns a CVODE status into an IntegrationError with the flag, CVODE's message and the statistics.
  void check(int status, const char* call) const {
    if (status >= 0) return;
    const IntegratorStatistics statistics = since_restart();
    throw IntegrationError(
        fmt::format("CVODE {} failed at t = {:.6g} s: {} ({}); {}; {}", call, t, flag_name(status), status,
                    last_message.empty() ? "no message" : last_message, statistics.summary()),
        statistics);
  }

  static int rhs(sunrealtype time, N_Vector y, N_Vector ydot, void* user) {
    auto* self = static_cast<Impl*>(user);
    try {
      switch (self->system->rhs(time, std::span<const double>(N_VGetArrayPointer(y), self->n),
                                std::span<double>(N_VGetArrayPointer(ydot), self->n))) {
        case RhsStatus::ok:
          return 0;
        case RhsStatus::recoverable_failure:
          return 1;
        case RhsStatus::unrecoverable_failure:
          return -1;
      }
    } catch (...) {  // must not cross the C library: kept and rethrown by advance()
      self->callback_error = std::current_exception();
    }
    return -1;
  }

  static int jacobian(sunrealtype time, N_Vector, N_Vector, SUNMatrix matrix, void* user, N_Vector, N_Vector,
                      N_Vector) {
    auto* self = static_cast<Impl*>(user);
    try {
      const auto& pattern = self->system->jacobian_pattern();
      std::copy(pattern.row_start.begin(), pattern.row_start.end(), SUNSparseMatrix_IndexPointers(matrix));
      std::copy(pattern.column_index.begin(), pattern.column_index.end(), SUNSparseMatrix_IndexValues(matrix));
      self->system->jacobian(time, std::span<double>(SUNSparseMatrix_Data(matrix), pattern.n_nonzeros()));
      return 0;
    } catch (...) {
      self->callback_error = std::current_exception();
      return -1;
    }
  }

  static void error_handler(int, const char*, const char* function, char* message, void* user) {
    static_cast<Impl*>(user)->last_message = fmt::format("{}: {}", function, message);
  }

  void attach_linear_solver();
};

// The linear solver as the system's structure allows (see the header).
void CvodeIntegrator::Impl::attach_linear_solver() {
  const auto size = static_cast<sunindextype>(n);
  if (!system->has_jacobian()) {
    matrix = SUNDenseMatrix(size, size, context);
    solver = matrix != nullptr ? SUNLinSol_Dense(state, matrix, context) : nullptr;
    if (solver == nullptr) throw SolverError("CvodeIntegrator: SUNDIALS dense solver allocation failed");
    check(CVodeSetLinearSolver(memory, solver, matrix), "SetLinearSolver");
    return;
  }
  const auto& pattern = system->jacobian_pattern();
  expects(pattern.n_rows() == n, "CvodeIntegrator: Jacobian pattern must be square with n_states rows");
  matrix = SUNSparseMatrix(size, size, static_cast<sunindextype>(pattern.n_nonzeros()), CSR_MAT, context);
  if (matrix == nullptr) throw SolverError("CvodeIntegrator: SUNDIALS sparse matrix allocation failed");
  if (!system->symmetric_weights().empty()) {
    symmetric_block.system = system;
    solver = make_symmetric_block_solver(symmetric_block, context);
    if (solver == nullptr) throw SolverError("CvodeIntegrator: linear solver allocation failed");
  } else {
    solver = SUNLinSol_KLU(state, matrix, context);
    if (solver == nullptr) throw SolverError("CvodeIntegrator: SUNLinSol_KLU failed");
    check(SUNLinSol_KLUSetOrdering(solver, 0), "KLUSetOrdering");  // AMD
  }
  check(CVodeSetLinearSolver(memory, solver, matrix), "SetLinearSolver");
  check(CVodeSetJacFn(memory, &Impl::jacobian), "SetJacFn");
  check(CVodeSetLinearSolutionScaling(memory, SUNFALSE), "SetLinearSolutionScaling");
}

CvodeIntegrator::CvodeIntegrator(const OdeSystem& system, CvodeOptions options) : impl_(std::make_unique<Impl>()) {
  static_assert(sizeof(sunindextype) == sizeof(std::int64_t), "SUNDIALS index type is 64-bit");
  expects(system.n_states() > 0, "CvodeIntegrator: the system needs at least one state");
  expects(options.max_steps > 0, "CvodeIntegrator: max_steps must be positive");
  auto& s = *impl_;
  s.system = &system;
  s.n = system.n_states();
  const auto n = static_cast<sunindextype>(s.n);
  if (SUNContext_Create(nullptr, &s.context) != 0) throw SolverError("SUNContext_Create failed");
  s.state = N_VNew_Serial(n, s.context);
  s.absolute = N_VNew_Serial(n, s.context);
  s.memory = CVodeCreate(CV_BDF, s.context);
  if (s.state == nullptr || s.absolute == nullptr || s.memory == nullptr) {
    throw SolverError("CvodeIntegrator: SUNDIALS allocation failed");
  }
  N_VConst(0.0, s.state);
  s.check(CVodeSetErrHandlerFn(s.memory, &Impl::error_handler, &s), "SetErrHandlerFn");
  s.check(CVodeInit(s.memory, &Impl::rhs, 0.0, s.state), "Init");
  s.check(CVodeSetUserData(s.memory, &s), "SetUserData");
  set_tolerances(options.relative_tolerance, std::span<const double>(&options.absolute_tolerance, 1));
  s.attach_linear_solver();
  s.check(CVodeSetMaxNumSteps(s.memory, options.max_steps), "SetMaxNumSteps");
}

CvodeIntegrator::CvodeIntegrator(const OdeSystem& system, double relative_tolerance,
                                 std::span<const double> absolute_tolerance)
    : CvodeIntegrator(system, CvodeOptions{}) {
  set_tolerances(relative_tolerance, absolute_tolerance);
}

CvodeIntegrator::~CvodeIntegrator() = default;
CvodeIntegrator::CvodeIntegrator(CvodeIntegrator&&) noexcept = default;
CvodeIntegrator& CvodeIntegrator::operator=(CvodeIntegrator&&) noexcept = default;

void CvodeIntegrator::set_tolerances(double relative_tolerance, std::span<const double> absolute_tolerance) {
  auto& s = *impl_;
  expects(relative_tolerance > 0.0 && relative_tolerance < 1.0,
          "CvodeIntegrator: relative tolerance must be in (0, 1)");
  expects(absolute_tolerance.size() == 1 || absolute_tolerance.size() == s.n,
          "CvodeIntegrator: one absolute tolerance per state, or one for all");
  for (const double tolerance : absolute_tolerance) {
    // Callers floor their tolerances (transport: SolverOptions::absolute_tolerance_floor): a zero,
    // subnormal or infinite one makes CVODE's error weights overflow.
    expects(tolerance >= std::numeric_limits<double>::min() && std::isfinite(tolerance),
            "CvodeIntegrator: absolute tolerances must be positive, normal and finite");
  }
  if (absolute_tolerance.size() == 1 && s.n != 1) {
    s.check(CVodeSStolerances(s.memory, relative_tolerance, absolute_tolerance[0]), "SStolerances");
    return;
  }
  std::copy(absolute_tolerance.begin(), absolute_tolerance.end(), N_VGetArrayPointer(s.absolute));
  s.check(CVodeSVtolerances(s.memory, relative_tolerance, s.absolute), "SVtolerances");
}

void CvodeIntegrator::reinitialize(double t0, std::span<const double> y0) {
  auto& s = *impl_;
  expects(y0.size() == s.n, "CvodeIntegrator: initial state has the wrong size");
  std::copy(y0.begin(), y0.end(), N_VGetArrayPointer(s.state));
  if (s.started) {
    s.before_restart += s.since_restart();
    ++s.before_restart.reinitializations;
  }
  s.started = true;
  s.t = t0;
  s.check(CVodeReInit(s.memory, t0, s.state), "ReInit");
  // SUNDIALS 6.4 keeps a reached stop time across CVodeReInit (and has no CVodeClearStopTime):
  // move it out of the way; advance() sets the next one.
  s.check(CVodeSetStopTime(s.memory, std::numeric_limits<double>::max()), "SetStopTime");
}

void CvodeIntegrator::advance(double t_out, double t_stop, std::span<double> y) {
  auto& s = *impl_;
  expects(s.started, "CvodeIntegrator: reinitialize() before the first advance()");
  expects(y.size() == s.n, "CvodeIntegrator: state has the wrong size");
  expects(t_out >= s.t, "CvodeIntegrator: cannot integrate backwards");
  expects(t_stop >= t_out, "CvodeIntegrator: stop time before output time");
  if (t_out > s.t) {
    s.check(CVodeSetStopTime(s.memory, t_stop), "SetStopTime");
    sunrealtype reached = s.t;
    s.last_message.clear();
    const int status = CVode(s.memory, t_out, s.state, &reached, CV_NORMAL);
    if (s.callback_error) {
      auto error = s.callback_error;
      s.callback_error = nullptr;
      std::rethrow_exception(error);
    }
    s.t = reached;
    s.check(status, "CVode");
  }
  const double* data = N_VGetArrayPointer(s.state);
  std::copy(data, data + s.n, y.begin());
}

IntegratorStatistics CvodeIntegrator::statistics() const { return impl_->since_restart(); }

IntegratorStatistics CvodeIntegrator::total_statistics() const {
  IntegratorStatistics total = impl_->before_restart;
  total += impl_->since_restart();
  return total;
}

double CvodeIntegrator::time() const { return impl_->t; }
std::size_t CvodeIntegrator::n_states() const { return impl_->n; }

}  // namespace dermasim::numerics
