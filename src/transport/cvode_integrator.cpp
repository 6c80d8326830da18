#include "transport/cvode_integrator.hpp"

#include <algorithm>
#include <cstring>
#include <exception>

#include <cvode/cvode.h>
#include <nvector/nvector_serial.h>
#include <sundials/sundials_context.h>
#include <sunlinsol/sunlinsol_klu.h>
#include <sunmatrix/sunmatrix_sparse.h>

#include <fmt/format.h>

#include "core/error.hpp"

namespace dermasim::transport {

std::string IntegratorStatistics::summary() const {
  return fmt::format("{} steps, {} rhs evaluations, {} Jacobians, {} linear setups, "
                     "{} Newton iterations, {} error-test failures",
                     steps, rhs_evaluations, jacobian_evaluations, linear_setups,
                     nonlinear_iterations, error_test_failures);
}

struct CvodeIntegrator::Impl {
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
  s.solver = SUNLinSol_KLU(s.state, s.matrix, s.context);
  if (s.solver == nullptr) throw SolverError("CvodeIntegrator: SUNLinSol_KLU failed");
  s.check(SUNLinSol_KLUSetOrdering(s.solver, 0), "KLUSetOrdering");  // AMD
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
