#include "transport/reference_problems.hpp"

#include <algorithm>
#include <cmath>
#include <numbers>

#include "core/error.hpp"

namespace dermasim::transport::reference {
namespace {

Material tissue(double diffusivity_cm2_s) {
  Material material;
  material.diffusivity = square_centimetres_per_second(diffusivity_cm2_s);
  return material;
}

}  // namespace

SkinModel problem_a_skin() {
  SkinModel skin;
  skin.layers = {{Compartment::stratum_corneum, micrometres(15), tissue(1e-10)},
                 {Compartment::viable_epidermis, micrometres(60), tissue(6e-6)},
                 {Compartment::dermis, micrometres(1000), tissue(6e-6)}};
  skin.receptor = Receptor::sink;
  return skin;
}

SkinModel problem_b_skin() {
  SkinModel skin = problem_a_skin();
  ChannelArray channels;
  const double unit_cell_radius_cm = 360e-4;
  channels.channels_per_cm2 = 1.0 / (std::numbers::pi * unit_cell_radius_cm * unit_cell_radius_cm);
  channels.depth = micrometres(460);
  channels.radius = micrometres(35);
  channels.fluid = tissue(6e-6);
  skin.channels = channels;
  return skin;
}

Application constant_donor_application() {
  Application application;
  application.constant_donor = 1.0 * units::milligram_per_millilitre;
  application.vehicle_partition = 1.0;
  application.duration = hours(24);
  application.n_samples = 24;
  return application;
}

std::array<double, 6> outflow_at_output_hours(const ApplicationResult& result) {
  std::array<double, 6> values{};
  for (std::size_t k = 0; k < output_hours.size(); ++k) {
    const auto match = std::find_if(result.samples.begin(), result.samples.end(), [&](const Sample& s) {
      return std::abs(s.time.in(units::hour)-output_hours[k]) < 1e-9;
    });
    expects(match != result.samples.end(), "outflow_at_output_hours: result lacks an hourly sample");
    values[k] = match->amounts.receptor.in(units::milligram_per_square_centimetre);
  }
  return values;
}

double worst_relative_error(const std::array<double, 6>& values, const std::array<double, 6>& reference) {
  double worst = 0.0;
  for (std::size_t k = 0; k < values.size(); ++k) {
    worst = std::max(worst, std::abs(values[k] - reference[k]) / std::abs(reference[k]));
  }
  return worst;
}

}  // namespace dermasim::transport::reference
