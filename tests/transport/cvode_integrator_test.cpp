#include "transport/cvode_integrator.hpp"

#include <cmath>
#include <limits>

#include <gtest/gtest.h>

#include "core/error.hpp"

namespace dermasim::transport {
namespace {

// dy/dt = −λ y for one state (or NaN, to make CVODE fail).
class Decay final : public OdeSystem {
 public:
  explicit Decay(double rate, bool broken = false) : rate_(rate), broken_(broken) {
    pattern_.row_start = {0, 1};
    pattern_.column_index = {0};
  }
  std::size_t n_states() const override { return 1; }
  void rhs(double, std::span<const double> y, std::span<double> ydot) const override {
    ydot[0] = broken_ ? std::numeric_limits<double>::quiet_NaN() : -rate_ * y[0];
  }
  const SparsityPattern& jacobian_pattern() const override { return pattern_; }
  void jacobian(double, std::span<double> values) const override { values[0] = -rate_; }

 private:
  double rate_;
  bool broken_;
  SparsityPattern pattern_;
};

TEST(CvodeIntegrator, ExponentialDecayMatchesTheExactSolutionWithinTenTimesTolerance) {
  const Decay decay(0.5);
  const std::vector<double> absolute{1e-12};
  CvodeIntegrator integrator(decay, 1e-8, absolute);
  std::vector<double> y{1.0};
  integrator.reinitialize(0.0, y);

  integrator.advance(4.0, 4.0, y);

  EXPECT_NEAR(y[0], std::exp(-2.0), 10 * 1e-8 * std::exp(-2.0));
  EXPECT_GT(integrator.statistics().steps, 0);
}

TEST(CvodeIntegrator, FailureBecomesASolverErrorWithStatistics) {
  const Decay broken(0.5, true);
  const std::vector<double> absolute{1e-12};
  CvodeIntegrator integrator(broken, 1e-6, absolute);
  std::vector<double> y{1.0};
  integrator.reinitialize(0.0, y);

  EXPECT_THROW(integrator.advance(1.0, 1.0, y), SolverError);
}

}  // namespace
}  // namespace dermasim::transport
