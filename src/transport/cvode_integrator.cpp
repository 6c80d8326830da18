#include "transport/cvode_integrator.hpp"

#include <algorithm>
#include <cstring>
#include <exception>

#include <cvode/cvode.h>
#include <nvector/nvector_serial.h>
#include <sundials/sundials_context.h>
#include <sunlinsol/sunlinsol_klu.h>
#include <sunmatrix/sunmatrix_sparse.h>

#include <Eigen/SparseCholesky>
#include <Eigen/SparseCore>
#include <fmt/format.h>

#include "core/error.hpp"

namespace dermasim::transport {

std::string IntegratorStatistics::summary() const {
  return fmt::format("{} steps, {} rhs evaluations, {} Jacobians, {} linear setups, "
                     "{} Newton iterations, {} error-test failures",
                     steps, rhs_evaluations, jacobian_evaluations, linear_setups,
                     nonlinear_iterations, error_test_failures);
}

namespace {

// A SUNLinearSolver for Newton matrices M = I − γJ with the structure OdeSystem::
// symmetric_weights() describes: the weighted symmetric block is factorized by a sparse LDLᵀ
// (Eigen, AMD ordering; pattern analysed once), the other rows by substitution. Twice to
// several times cheaper than KLU's LU with pivoting on these matrices, and exact (direct).
struct SymmetricBlockSolver {
  const OdeSystem* system = nullptr;
  std::vector<double> weights;
  std::vector<int> free_index;                  // state → row of the symmetric block, or −1
  std::vector<std::size_t> independent_rows, dependent_rows;
  std::vector<Eigen::Triplet<double>> entries;
  Eigen::SparseMatrix<double> block;
  Eigen::SimplicialLDLT<Eigen::SparseMatrix<double>, Eigen::Lower, Eigen::AMDOrdering<int>> ldlt;
  Eigen::VectorXd right;
  bool analysed = false;
  long setups = 0;

  int setup(SUNMatrix matrix) {
    const auto* row_start = SUNSparseMatrix_IndexPointers(matrix);
    const auto* columns = SUNSparseMatrix_IndexValues(matrix);
    const auto* values = SUNSparseMatrix_Data(matrix);
    auto new_weights = system->symmetric_weights();
    const std::size_t n = new_weights.size();
    bool same_structure = weights.size() == n;
    for (std::size_t i = 0; same_structure && i < n; ++i) {
      same_structure = (weights[i] > 0.0) == (new_weights[i] > 0.0);
    }
    weights = std::move(new_weights);
    if (!same_structure) {
      free_index.assign(n, -1);
      int count = 0;
      for (std::size_t i = 0; i < n; ++i) {
        if (weights[i] > 0.0) free_index[i] = count++;
      }
      block.resize(count, count);
      right.resize(count);
      analysed = false;
    }
    independent_rows.clear();
    dependent_rows.clear();
    entries.clear();
    for (std::size_t i = 0; i < n; ++i) {
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
    ++setups;
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

}  // namespace

struct CvodeIntegrator::Impl {
  SymmetricBlockSolver symmetric_block;
  const OdeSystem* system = nullptr;
  SUNContext context = nullptr;
  N_Vector state = nullptr;
  N_Vector absolute = nullptr;
  SUNMatrix matrix = nullptr;
  SUNLinearSolver solver = nullptr;
  void* memory = nullptr;
  std::exception_ptr callback_error;
  std::string last_message;

  ~Impl() {
    if (memory != nullptr) CVodeFree(&memory);
    if (solver != nullptr) SUNLinSolFree(solver);
    if (matrix != nullptr) SUNMatDestroy(matrix);
    if (absolute != nullptr) N_VDestroy(absolute);
    if (state != nullptr) N_VDestroy(state);
    if (context != nullptr) SUNContext_Free(&context);
  }

  [[nodiscard]] std::size_t size() const { return system->n_states(); }

  void check(int status, const char* call) const {
    if (status >= 0) return;
    throw SolverError(fmt::format("CVODE {} failed: {} ({}){}{}", call,
                                  CVodeGetReturnFlagName(status), status,
                                  last_message.empty() ? "" : ": ", last_message));
  }

  static int rhs(sunrealtype t, N_Vector y, N_Vector ydot, void* user) {
    auto* self = static_cast<Impl*>(user);
    try {
      const auto n = self->size();
      self->system->rhs(t, std::span<const double>(N_VGetArrayPointer(y), n),
                        std::span<double>(N_VGetArrayPointer(ydot), n));
      return 0;
    } catch (...) {
      self->callback_error = std::current_exception();
      return -1;
    }
  }

  static int jacobian(sunrealtype t, N_Vector, N_Vector, SUNMatrix matrix, void* user, N_Vector,
                      N_Vector, N_Vector) {
    auto* self = static_cast<Impl*>(user);
    try {
      const auto& pattern = self->system->jacobian_pattern();
      sunindextype* row_start = SUNSparseMatrix_IndexPointers(matrix);
      sunindextype* columns = SUNSparseMatrix_IndexValues(matrix);
      std::copy(pattern.row_start.begin(), pattern.row_start.end(), row_start);
      std::copy(pattern.column_index.begin(), pattern.column_index.end(), columns);
      self->system->jacobian(t, std::span<double>(SUNSparseMatrix_Data(matrix),
                                                  pattern.n_nonzeros()));
      return 0;
    } catch (...) {
      self->callback_error = std::current_exception();
      return -1;
    }
  }

  static void error_handler(int, const char*, const char* function, char* message, void* user) {
    static_cast<Impl*>(user)->last_message = fmt::format("{}: {}", function, message);
  }
};

CvodeIntegrator::CvodeIntegrator(const OdeSystem& system, double relative_tolerance,
                                 std::span<const double> absolute_tolerance)
    : impl_(std::make_unique<Impl>()) {
  static_assert(sizeof(sunindextype) == sizeof(std::int64_t), "SUNDIALS index type is 64-bit");
  auto& s = *impl_;
  s.system = &system;
  const auto n = static_cast<sunindextype>(system.n_states());
  const auto nnz = static_cast<sunindextype>(system.jacobian_pattern().n_nonzeros());
  expects(system.jacobian_pattern().n_rows() == system.n_states(),
          "CvodeIntegrator: Jacobian pattern must be square with n_states rows");
  if (SUNContext_Create(nullptr, &s.context) != 0) throw SolverError("SUNContext_Create failed");
  s.state = N_VNew_Serial(n, s.context);
  s.absolute = N_VNew_Serial(n, s.context);
  s.matrix = SUNSparseMatrix(n, n, nnz, CSR_MAT, s.context);
  s.memory = CVodeCreate(CV_BDF, s.context);
  if (s.state == nullptr || s.absolute == nullptr || s.matrix == nullptr || s.memory == nullptr) {
    throw SolverError("CvodeIntegrator: SUNDIALS allocation failed");
  }
  N_VConst(0.0, s.state);
  s.check(CVodeSetErrHandlerFn(s.memory, &Impl::error_handler, &s), "SetErrHandlerFn");
  s.check(CVodeInit(s.memory, &Impl::rhs, 0.0, s.state), "Init");
  s.check(CVodeSetUserData(s.memory, &s), "SetUserData");
  set_tolerances(relative_tolerance, absolute_tolerance);
  if (!system.symmetric_weights().empty()) {
    s.symmetric_block.system = &system;
    s.solver = make_symmetric_block_solver(s.symmetric_block, s.context);
    if (s.solver == nullptr) throw SolverError("CvodeIntegrator: linear solver allocation failed");
  } else {
    s.solver = SUNLinSol_KLU(s.state, s.matrix, s.context);
    if (s.solver == nullptr) throw SolverError("CvodeIntegrator: SUNLinSol_KLU failed");
    s.check(SUNLinSol_KLUSetOrdering(s.solver, 0), "KLUSetOrdering");  // AMD
  }
  s.check(CVodeSetLinearSolver(s.memory, s.solver, s.matrix), "SetLinearSolver");
  s.check(CVodeSetJacFn(s.memory, &Impl::jacobian), "SetJacFn");
  s.check(CVodeSetLinearSolutionScaling(s.memory, SUNFALSE), "SetLinearSolutionScaling");
  s.check(CVodeSetMaxNumSteps(s.memory, 200000), "SetMaxNumSteps");
}

CvodeIntegrator::~CvodeIntegrator() = default;
CvodeIntegrator::CvodeIntegrator(CvodeIntegrator&&) noexcept = default;
CvodeIntegrator& CvodeIntegrator::operator=(CvodeIntegrator&&) noexcept = default;

void CvodeIntegrator::set_tolerances(double relative_tolerance,
                                     std::span<const double> absolute_tolerance) {
  auto& s = *impl_;
  expects(relative_tolerance > 0.0 && relative_tolerance < 1.0,
          "CvodeIntegrator: relative tolerance must be in (0, 1)");
  expects(absolute_tolerance.size() == s.size(), "CvodeIntegrator: one absolute tolerance per state");
  double* data = N_VGetArrayPointer(s.absolute);
  for (std::size_t i = 0; i < s.size(); ++i) {
    expects(absolute_tolerance[i] > 0.0, "CvodeIntegrator: absolute tolerances must be positive");
    data[i] = absolute_tolerance[i];
  }
  s.check(CVodeSVtolerances(s.memory, relative_tolerance, s.absolute), "SVtolerances");
}

void CvodeIntegrator::reinitialize(double t0, std::span<const double> y0) {
  auto& s = *impl_;
  expects(y0.size() == s.size(), "CvodeIntegrator: initial state has the wrong size");
  std::copy(y0.begin(), y0.end(), N_VGetArrayPointer(s.state));
  s.check(CVodeReInit(s.memory, t0, s.state), "ReInit");
}

void CvodeIntegrator::advance(double t_out, double t_stop, std::span<double> y) {
  auto& s = *impl_;
  expects(y.size() == s.size(), "CvodeIntegrator: state has the wrong size");
  expects(t_stop >= t_out, "CvodeIntegrator: stop time before output time");
  s.check(CVodeSetStopTime(s.memory, t_stop), "SetStopTime");
  sunrealtype reached = 0.0;
  s.last_message.clear();
  const int status = CVode(s.memory, t_out, s.state, &reached, CV_NORMAL);
  if (s.callback_error) {
    auto error = s.callback_error;
    s.callback_error = nullptr;
    std::rethrow_exception(error);
  }
  if (status < 0) {
    throw SolverError(fmt::format("CVODE failed at t = {:.6g} s: {} ({}); {}; {}", reached,
                                  CVodeGetReturnFlagName(status), status, s.last_message,
                                  statistics().summary()));
  }
  const double* data = N_VGetArrayPointer(s.state);
  std::copy(data, data + s.size(), y.begin());
}

IntegratorStatistics CvodeIntegrator::statistics() const {
  const auto& s = *impl_;
  IntegratorStatistics stats;
  CVodeGetNumSteps(s.memory, &stats.steps);
  CVodeGetNumRhsEvals(s.memory, &stats.rhs_evaluations);
  CVodeGetNumJacEvals(s.memory, &stats.jacobian_evaluations);
  CVodeGetNumLinSolvSetups(s.memory, &stats.linear_setups);
  CVodeGetNumNonlinSolvIters(s.memory, &stats.nonlinear_iterations);
  CVodeGetNumErrTestFails(s.memory, &stats.error_test_failures);
  return stats;
}

}  // namespace dermasim::transport
