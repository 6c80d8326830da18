// Verification 1 (issue 4; docs/validation.md T1): one homogeneous membrane, constant donor, sink.
// Crank, The Mathematics of Diffusion, eq. 4.24a:
//   Q(t) / (l C) = D t / l² − 1/6 − (2/π²) Σ (−1)ⁿ/n² exp(−D n² π² t / l²),  lag time l²/6D.

#include <algorithm>
#include <cmath>
#include <numbers>

#include <fmt/format.h>
#include <gtest/gtest.h>

#include "transport/transport_model.hpp"

namespace dermasim::transport {
namespace {

double crank_cumulative_fraction(double diffusivity, double thickness, double t) {
  const double tau = diffusivity * t / (thickness * thickness);
  double sum = 0.0;
  for (int n = 1; n <= 200; ++n) {
    const double sign = n % 2 == 0 ? 1.0 : -1.0;
    sum += sign / (n * n) * std::exp(-n * n * std::numbers::pi * std::numbers::pi * tau);
  }
  return tau - 1.0 / 6.0 - 2.0 / (std::numbers::pi * std::numbers::pi) * sum;
}

// The membrane of both tests: 20 µm, D = 1e-9 cm²/s, K = 1, donor 1 kg/m³, sink below.
const Length thickness = micrometres(20);
const Diffusivity diffusivity = square_centimetres_per_second(1e-9);
const double lag_time_s = thickness.si() * thickness.si() / (6.0 * diffusivity.si());

/// The membrane exposed for `lag_times` lag times, sampled `n_samples` times evenly.
ApplicationResult membrane_run(double lag_times, std::size_t n_samples) {
  SkinModel skin;
  skin.layers = {{Compartment::stratum_corneum, thickness, Material{diffusivity, 1.0, 1.0}}};
  TransportModel model(skin, Fidelity::full);
  Application application;
  application.constant_donor = 1.0 * units::milligram_per_millilitre;
  application.duration = Time::from_si(lag_times * lag_time_s);
  application.n_samples = n_samples;
  auto state = model.initial_state();
  return model.apply(state, application);
}

TEST(AnalyticMembrane, CumulativeAmountMatchesCrankSeriesWithinHalfAPercentAfterThreeLagTimes) {
  const auto result = membrane_run(10.0, 70);  // samples at multiples of lag/7

  int checked = 0;
  double worst = 0.0;
  for (const auto& sample : result.samples) {
    const double t = sample.time.si();
    if (t < 3.0 * lag_time_s) continue;
    const double expected =
        crank_cumulative_fraction(diffusivity.si(), thickness.si(), t) * thickness.si() * 1.0;  // C = 1 kg/m³
    EXPECT_NEAR(sample.amounts.receptor.si() / expected, 1.0, 0.005) << "t = " << t / lag_time_s << " lag times";
    worst = std::max(worst, std::abs(sample.amounts.receptor.si() / expected - 1.0));
    ++checked;
  }
  EXPECT_GE(checked, 40);
  RecordProperty("worst_relative_error", fmt::format("{:.4e}", worst));
}

TEST(AnalyticMembrane, LateTimeAsymptoteGivesTheLagTimeWithinHalfAPercent) {
  const auto result = membrane_run(12.0, 12);

  // Straight line through the last two samples (12 and 11 lag times: the series term is < 1e-8).
  const auto& last = result.samples.back();
  const auto& before = result.samples[result.samples.size() - 2];
  const double slope = (last.amounts.receptor - before.amounts.receptor).si() / (last.time.si() - before.time.si());
  const double intercept_time = last.time.si() - last.amounts.receptor.si() / slope;
  EXPECT_NEAR(intercept_time / lag_time_s, 1.0, 0.005);
  EXPECT_NEAR(slope / (diffusivity.si() / thickness.si()), 1.0, 0.005);
}

}  // namespace
}  // namespace dermasim::transport
