// docs/validation.md T1 and T2: the analytic membrane solutions a diffusion-cell experimenter fits.
//  T1: constant donor, sink (Crank, The Mathematics of Diffusion, ch. 4, eq. 4.24a), on a
//      stratum corneum with testosterone-like properties; 0.5 % after 3 lag times.
//  T2: finite dose from a well-mixed vehicle (thickness h_v) on one membrane (h, D, K), sink:
//      Q(t)/M0 = Σ A_n (h/α_n)(1 − exp(−D α_n² t/h²)) / (K C0 h_v), α_n tan α_n = β = K h/h_v,
//      A_n = h_v C0 sin α_n / [h/2 (1 − sin 2α_n / 2α_n) + (h_v/K) sin² α_n]
//      (Kasting GB, J Pharm Sci 2001;90:202; eigen-expansion derived in docs/transport.md).

#include <cmath>
#include <numbers>

#include <algorithm>

#include <fmt/format.h>
#include <gtest/gtest.h>

#include "transport/transport_model.hpp"

namespace dermasim::transport {
namespace {

TEST(TransportT1, ConstantDonorThroughStratumCorneumMatchesCrankWithinHalfAPercent) {
  const double h = 15e-6, diffusivity = 1.7e-13, partition = 25.0;  // m, m²/s
  const double lag = h * h / (6.0 * diffusivity);
  SkinModel skin;
  skin.layers = {
      {Compartment::stratum_corneum, Length::from_si(h), Material{Diffusivity::from_si(diffusivity), partition, 1.0}}};
  TransportModel model(skin, Fidelity::full);
  Application application;
  application.constant_donor = 0.5 * units::milligram_per_millilitre;
  application.duration = Time::from_si(8.0 * lag);
  application.n_samples = 40;

  auto state = model.initial_state();
  const auto result = model.apply(state, application);

  for (const auto& sample : result.samples) {
    const double tau = diffusivity * sample.time.si() / (h * h);
    if (tau * 6.0 < 3.0) continue;
    double series = 0.0;
    for (int n = 1; n <= 100; ++n) {
      series += (n % 2 == 0 ? 1.0 : -1.0) / (n * n) * std::exp(-n * n * std::numbers::pi * std::numbers::pi * tau);
    }
    const double expected =
        partition * 0.5 * h * (tau - 1.0 / 6.0 - 2.0 / (std::numbers::pi * std::numbers::pi) * series);
    EXPECT_NEAR(sample.amounts.receptor.si() / expected, 1.0, 0.005) << tau * 6.0 << " lag times";
  }
}

double kasting_fraction(double beta, double h, double vehicle, double partition, double diffusivity, double t) {
  double fraction = 0.0;
  for (int n = 0; n < 200; ++n) {
    // Root of α tan α = β in (nπ, nπ + π/2), by bisection.
    double lo = n * std::numbers::pi + 1e-14, hi = n * std::numbers::pi + std::numbers::pi / 2 - 1e-14;
    for (int k = 0; k < 200; ++k) {
      const double mid = 0.5 * (lo + hi);
      (mid * std::tan(mid) < beta ? lo : hi) = mid;
    }
    const double alpha = 0.5 * (lo + hi);
    const double norm =
        h / 2.0 * (1.0 - std::sin(2 * alpha) / (2 * alpha)) + vehicle / partition * std::sin(alpha) * std::sin(alpha);
    const double coefficient = vehicle * std::sin(alpha) / norm;  // per unit C0
    fraction += coefficient * h / alpha * (1.0 - std::exp(-diffusivity * alpha * alpha * t / (h * h)));
  }
  return fraction / vehicle;  // M0 = h_v C0
}

TEST(TransportT2, FiniteDoseFromWellMixedVehicleMatchesKastingSeriesWithinHalfAPercent) {
  const double h = 20e-6, diffusivity = 1e-13, membrane_partition = 5.0, vehicle_partition = 1.0;
  const double vehicle = 10e-6;  // 1 mg/cm² at 1 g/cm³
  const double beta = membrane_partition / vehicle_partition * h / vehicle;
  SkinModel skin;
  skin.layers = {{Compartment::stratum_corneum, Length::from_si(h),
                  Material{Diffusivity::from_si(diffusivity), membrane_partition, 1.0}}};
  TransportModel model(skin, Fidelity::full);
  Application application;
  application.vehicle_partition = vehicle_partition;
  application.formulation_dose = milligrams_per_square_centimetre(1.0);
  application.drug_mass_fraction = 0.01;
  application.duration = Time::from_si(3.0 * h * h / diffusivity);
  application.n_samples = 60;

  auto state = model.initial_state();
  const auto result = model.apply(state, application);

  int checked = 0;
  double worst = 0.0;
  for (const auto& sample : result.samples) {
    const double expected =
        kasting_fraction(beta, h, vehicle, membrane_partition / vehicle_partition, diffusivity, sample.time.si());
    if (expected < 0.01) continue;  // compare once 1 % of the dose has crossed
    worst = std::max(worst, std::abs(sample.amounts.receptor / result.applied / expected - 1.0));
    EXPECT_NEAR(sample.amounts.receptor / result.applied / expected, 1.0, 0.005)
        << "t = " << sample.time.in(units::hour) << " h";
    ++checked;
  }
  EXPECT_GE(checked, 40);
  RecordProperty("worst_relative_error", fmt::format("{:.3e}", worst));
}

}  // namespace
}  // namespace dermasim::transport
