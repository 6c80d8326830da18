#pragma once
// The reference transport problems of docs/benchmarks.md, shared by the verification tests and the
// benchmarks: problem A (1-D, three layers, constant donor, sink) and problem B (problem A's
// layers in a 2-D axisymmetric unit cell of radius 360 µm with a 35 µm × 460 µm fluid channel),
// with their published reference values of the cumulative outflow Q(t).

#include <array>

#include "core/units.hpp"
#include "transport/transport_model.hpp"

namespace dermasim::transport::reference {

inline constexpr std::array<double, 6> output_hours{1, 2, 4, 8, 12, 24};
/// Q(t) in mg/cm² at output_hours (docs/benchmarks.md, Laplace-domain transfer matrix + Talbot).
inline constexpr std::array<double, 6> problem_a_mg_per_cm2{2.556552e-05, 1.879402e-04, 6.471849e-04,
                                                            1.605150e-03, 2.564019e-03, 5.440631e-03};
inline constexpr double problem_a_steady_flux_mg_per_cm2_s = 6.6588240517e-08;
inline constexpr double problem_a_lag_time_s = 4694.42;
/// Q(t) in mg/cm² at output_hours (docs/benchmarks.md, Richardson-extrapolated nested FV grids).
inline constexpr std::array<double, 6> problem_b_mg_per_cm2{3.162039e-02, 7.250455e-02, 1.544675e-01,
                                                            3.184301e-01, 4.823935e-01, 9.742836e-01};

/// Problem A's three layers (D in cm²/s: SC 1e-10, VE and dermis 6e-6; K = 1).
[[nodiscard]] SkinModel problem_a_skin();
/// Problem B: problem A's layers with the channel (unit-cell radius 360 µm).
[[nodiscard]] SkinModel problem_b_skin();
/// The constant-donor application of both problems (u = 1 mg/cm³ for 24 h) sampled hourly.
[[nodiscard]] Application constant_donor_application();

/// Cumulative receptor amount (mg/cm²) at output_hours, from an hourly-sampled result.
[[nodiscard]] std::array<double, 6> outflow_at_output_hours(const ApplicationResult& result);
/// Worst relative error of `values` against `reference` over the six outputs.
[[nodiscard]] double worst_relative_error(const std::array<double, 6>& values, const std::array<double, 6>& reference);

}  // namespace dermasim::transport::reference
