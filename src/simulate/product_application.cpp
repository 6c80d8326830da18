#include "simulate/product_application.hpp"

#include <algorithm>

#include "core/error.hpp"

namespace dermasim::simulate {

namespace {

// The SC barrier state the transport model accepts (transport::Application::barrier).
constexpr double lowest_barrier = 0.05;
constexpr double intact_barrier = 1.0;
// A regimen's application reports its amounts at nine times: the response reads the VE amount
// piecewise constant between them, and its day-scale dynamics need no more.
constexpr std::size_t regimen_samples = 9;

}  // namespace

transport::VehicleBase vehicle_base(regimen::Vehicle vehicle) {
  switch (vehicle) {
    case regimen::Vehicle::cream:
    case regimen::Vehicle::lotion:
      return transport::VehicleBase::emulsion;
    case regimen::Vehicle::gel:
    case regimen::Vehicle::microsphere_gel:
    case regimen::Vehicle::serum:
      return transport::VehicleBase::aqueous;
  }
  return transport::VehicleBase::emulsion;
}

double vehicle_partition(regimen::Vehicle vehicle, VehicleRule rule, const transport::CompoundProperties& properties,
                         const transport::TransportParameters& parameters) {
  const transport::VehicleBase base =
      rule == VehicleRule::by_vehicle_base ? vehicle_base(vehicle) : transport::VehicleBase::emulsion;
  return transport::vehicle_water_partition(properties, base, parameters);
}

transport::Application assemble_application(const ProductApplication& product, const regimen::VehicleSpec& vehicle,
                                            const transport::Compound& compound,
                                            const transport::CompoundProperties& properties,
                                            const transport::TransportParameters& parameters, VehicleRule rule) {
  expects(product.duration.si() > 0.0, "assemble_application: the duration must be positive");
  const Density density = vehicle.density_g_per_cm3.value * units::gram_per_cubic_centimetre;
  const double mass_fraction = product.strength_percent / 100.0;
  transport::Application application;
  application.vehicle_partition = vehicle_partition(product.vehicle, rule, properties, parameters);
  application.vehicle_density = density;
  application.water_solubility = compound.water_solubility;
  if (product.amount) {
    application.formulation_dose = *product.amount;
    application.drug_mass_fraction = mass_fraction;
  } else {
    application.constant_donor = mass_fraction * density;
  }
  application.duration = product.duration;
  application.wash_off_after = product.wash_off_after;
  application.barrier = product.barrier;
  application.profile_times = product.profile_times;
  application.n_samples = product.n_samples;
  return application;
}

transport::Application regimen_application(const regimen::Product& product, const regimen::VehicleSpec& vehicle,
                                           const transport::Compound& compound,
                                           const transport::CompoundProperties& properties,
                                           const transport::TransportParameters& parameters, double barrier,
                                           Time duration) {
  ProductApplication application;
  application.vehicle = product.vehicle;
  application.strength_percent = product.strength_percent.value_or(0.0);
  application.amount = milligrams_per_square_centimetre(product.amount_mg_per_cm2);
  application.duration = duration;
  const Time removal = hours(vehicle.removal_after_hours.value);
  if (removal < duration) application.wash_off_after = removal;
  application.barrier = std::clamp(barrier, lowest_barrier, intact_barrier);
  application.n_samples = regimen_samples;
  return assemble_application(application, vehicle, compound, properties, parameters,
                              VehicleRule::calibrated_cream_for_every_vehicle);
}

}  // namespace dermasim::simulate
