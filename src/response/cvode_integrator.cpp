#include "response/cvode_integrator.hpp"

#include <cstdlib>
#include <limits>
#include <string>

#include <cvode/cvode.h>
#include <fmt/format.h>
#include <nvector/nvector_serial.h>
#include <sunlinsol/sunlinsol_dense.h>
#include <sunmatrix/sunmatrix_dense.h>

#include "core/error.hpp"

namespace dermasim::response {

struct CvodeIntegrator::Impl {
  std::size_t n = 0;
  RightHandSide rhs;
  SUNContext context = nullptr;
  N_Vector y = nullptr;
  SUNMatrix matrix = nullptr;
  SUNLinearSolver solver = nullptr;
  void* memory = nullptr;
  double t = 0.0;
  long reinitializations = 0;
  IntegratorStatistics before_reinitialization;  // CVODE's counters restart at CVodeReInit
  std::string last_message;  // CVODE's own words for the last error, kept for SolverError

  ~Impl() {
    if (memory != nullptr) CVodeFree(&memory);
    if (solver != nullptr) SUNLinSolFree(solver);
    if (matrix != nullptr) SUNMatDestroy(matrix);
    if (y != nullptr) N_VDestroy(y);
    if (context != nullptr) SUNContext_Free(&context);
  }

  [[nodiscard]] IntegratorStatistics statistics() const {
    IntegratorStatistics stats = before_reinitialization;
    long value = 0;
    if (CVodeGetNumSteps(memory, &value) == CV_SUCCESS) stats.steps += value;
    if (CVodeGetNumRhsEvals(memory, &value) == CV_SUCCESS) stats.rhs_evaluations += value;
    if (CVodeGetNumErrTestFails(memory, &value) == CV_SUCCESS) stats.error_test_failures += value;
    if (CVodeGetNumNonlinSolvConvFails(memory, &value) == CV_SUCCESS)
      stats.nonlinear_convergence_failures += value;
    stats.reinitializations = reinitializations;
    return stats;
  }

  // Turns a CVODE status into SolverError with the flag name, CVODE's message and statistics.
  void check(int flag, const char* call) const {
    if (flag >= 0) return;
    char* name = CVodeGetReturnFlagName(flag);
    const std::string flag_name = name != nullptr ? name : "unknown";
    std::free(name);
    const IntegratorStatistics stats = memory != nullptr ? statistics() : IntegratorStatistics{};
    throw SolverError(fmt::format(
        "response model: CVODE {} failed with {} at t = {:.6g} s ({}); steps {}, rhs "
        "evaluations {}, error-test failures {}, convergence failures {}",
        call, flag_name, t, last_message.empty() ? "no message" : last_message, stats.steps,
        stats.rhs_evaluations, stats.error_test_failures, stats.nonlinear_convergence_failures));
  }
};

namespace {

int evaluate_rhs(sunrealtype t, N_Vector y, N_Vector ydot, void* user_data) {
  auto* impl = static_cast<CvodeIntegrator::Impl*>(user_data);
  const std::span<const double> state(N_VGetArrayPointer(y), impl->n);
  const std::span<double> derivative(N_VGetArrayPointer(ydot), impl->n);
  try {
    switch (impl->rhs(t, state, derivative)) {
      case RhsStatus::ok: return 0;
      case RhsStatus::recoverable_failure: return 1;
      case RhsStatus::unrecoverable_failure: return -1;
    }
  } catch (...) {
    // An exception must not cross the C library; CVODE reports CV_RHSFUNC_FAIL instead.
    impl->last_message = "the right-hand side threw an exception";
  }
  return -1;
}

void keep_error_message(int, const char*, const char* function, char* message, void* user_data) {
  auto* impl = static_cast<CvodeIntegrator::Impl*>(user_data);
  impl->last_message = fmt::format("{}: {}", function, message);
}

}  // namespace

CvodeIntegrator::CvodeIntegrator(std::size_t n_states, RightHandSide rhs,
                                 IntegratorOptions options, double t0,
                                 std::span<const double> y0)
    : impl_(std::make_unique<Impl>()) {
  expects(n_states > 0, "CvodeIntegrator: the system needs at least one state");
  expects(static_cast<bool>(rhs), "CvodeIntegrator: right-hand side missing");
  expects(options.relative_tolerance > 0.0 && options.absolute_tolerance > 0.0,
          "CvodeIntegrator: tolerances must be positive");
  expects(y0.size() == n_states, "CvodeIntegrator: initial state has the wrong size");
  Impl& s = *impl_;
  s.n = n_states;
  s.rhs = std::move(rhs);
  s.t = t0;
  const auto n = static_cast<sunindextype>(n_states);
  s.check(SUNContext_Create(nullptr, &s.context), "SUNContext_Create");
  s.y = N_VNew_Serial(n, s.context);
  expects(s.y != nullptr, "CvodeIntegrator: N_VNew_Serial failed");
  std::copy(y0.begin(), y0.end(), N_VGetArrayPointer(s.y));
  s.memory = CVodeCreate(CV_BDF, s.context);
  expects(s.memory != nullptr, "CvodeIntegrator: CVodeCreate failed");
  s.check(CVodeSetErrHandlerFn(s.memory, keep_error_message, &s), "CVodeSetErrHandlerFn");
  s.check(CVodeInit(s.memory, evaluate_rhs, t0, s.y), "CVodeInit");
  s.check(CVodeSetUserData(s.memory, &s), "CVodeSetUserData");
  s.check(CVodeSStolerances(s.memory, options.relative_tolerance, options.absolute_tolerance),
          "CVodeSStolerances");
  s.matrix = SUNDenseMatrix(n, n, s.context);
  s.solver = SUNLinSol_Dense(s.y, s.matrix, s.context);
  expects(s.matrix != nullptr && s.solver != nullptr, "CvodeIntegrator: dense solver failed");
  s.check(CVodeSetLinearSolver(s.memory, s.solver, s.matrix), "CVodeSetLinearSolver");
  s.check(CVodeSetMaxNumSteps(s.memory, 100000), "CVodeSetMaxNumSteps");
}

CvodeIntegrator::~CvodeIntegrator() = default;
CvodeIntegrator::CvodeIntegrator(CvodeIntegrator&&) noexcept = default;
CvodeIntegrator& CvodeIntegrator::operator=(CvodeIntegrator&&) noexcept = default;

void CvodeIntegrator::reinitialize(double t, std::span<const double> y) {
  Impl& s = *impl_;
  expects(y.size() == s.n, "CvodeIntegrator::reinitialize: state has the wrong size");
  std::copy(y.begin(), y.end(), N_VGetArrayPointer(s.y));
  s.before_reinitialization = s.statistics();
  s.t = t;
  s.check(CVodeReInit(s.memory, t, s.y), "CVodeReInit");
  // SUNDIALS 6.4 keeps a reached stop time across CVodeReInit (and has no CVodeClearStopTime):
  // move it out of the way; the caller sets the next one.
  s.check(CVodeSetStopTime(s.memory, std::numeric_limits<double>::max()), "CVodeSetStopTime");
  ++s.reinitializations;
}

void CvodeIntegrator::set_stop_time(double t_stop) {
  Impl& s = *impl_;
  expects(t_stop > s.t, "CvodeIntegrator::set_stop_time: stop time must lie ahead");
  s.check(CVodeSetStopTime(s.memory, t_stop), "CVodeSetStopTime");
}

void CvodeIntegrator::advance(double t_out, std::span<double> y) {
  Impl& s = *impl_;
  expects(y.size() == s.n, "CvodeIntegrator::advance: state has the wrong size");
  expects(t_out >= s.t, "CvodeIntegrator::advance: cannot integrate backwards");
  if (t_out > s.t) {
    double t_reached = s.t;
    const int flag = CVode(s.memory, t_out, s.y, &t_reached, CV_NORMAL);
    s.check(flag, "CVode");
    s.t = t_reached;
  }
  const double* values = N_VGetArrayPointer(s.y);
  std::copy(values, values + s.n, y.begin());
}

double CvodeIntegrator::time() const { return impl_->t; }
std::size_t CvodeIntegrator::n_states() const { return impl_->n; }
IntegratorStatistics CvodeIntegrator::statistics() const { return impl_->statistics(); }

}  // namespace dermasim::response
