#pragma once
// One product on the skin as transport integrates it (docs/transport.md): the one place where a
// regimen's product or an `absorb` experiment becomes a transport::Application — the film of
// the applied amount at the product's strength (or a constant donor), its wash-off, the
// barrier, and the vehicle/water partition K_v by the vehicle rule (docs/model.md, "The
// vehicle rule"). The compound's water solubility caps what the vehicle dissolves.

#include <cstddef>
#include <optional>
#include <vector>

#include "core/units.hpp"
#include "regimen/catalogue.hpp"
#include "regimen/product.hpp"
#include "transport/compound.hpp"
#include "transport/skin_model_builder.hpp"
#include "transport/transport_model.hpp"

namespace dermasim::simulate {

/// Which K_v a vehicle gets. Regimens use the one calibrated value for every vehicle (the
/// aqueous rule is not validated, and with it every shipped retinoid product stays below
/// saturation); `absorb` shows the transport engine's own rule, by the vehicle's base.
enum class VehicleRule {
  calibrated_cream_for_every_vehicle,  // K_v = K_sc/w ÷ K_sc/vehicle (cream, T4) for all
  by_vehicle_base,                     // emulsions as the cream; gels and serums K_v = 1
};

/// Cream and lotion are emulsions (the drug in the oil phase); gels and serums are aqueous.
[[nodiscard]] transport::VehicleBase vehicle_base(regimen::Vehicle vehicle);

/// K_v (vehicle/water) of `vehicle` for a compound with `properties`, under `rule`.
[[nodiscard]] double vehicle_partition(regimen::Vehicle vehicle, VehicleRule rule,
                                       const transport::CompoundProperties& properties,
                                       const transport::TransportParameters& parameters);

/// A product on the skin as a regimen or an experiment describes it.
struct ProductApplication {
  regimen::Vehicle vehicle = regimen::Vehicle::cream;
  double strength_percent = 0.0;       // drug mass percent in the product
  std::optional<MassPerArea> amount;   // applied product; absent: an infinite dose
  Time duration;                       // integrated for this long
  std::optional<Time> wash_off_after;  // from the start; absent: stays on
  double barrier = 1.0;                // SC barrier state, [0.05, 1]
  std::vector<Time> profile_times;     // depth profiles, from the start
  std::size_t n_samples = 96;
};

/// The transport application of `product`: a finite film holds strength × amount of drug;
/// an infinite dose keeps the vehicle at strength × density. @pre duration > 0.
[[nodiscard]] transport::Application assemble_application(const ProductApplication& product,
                                                          const regimen::VehicleSpec& vehicle,
                                                          const transport::Compound& compound,
                                                          const transport::CompoundProperties& properties,
                                                          const transport::TransportParameters& parameters,
                                                          VehicleRule rule);

/// One application of a regimen's retinoid product, integrated for `duration`: the product's
/// amount at its strength, washed off after the vehicle's removal time when that comes first,
/// the barrier clamped to the transport model's range, nine samples.
[[nodiscard]] transport::Application regimen_application(const regimen::Product& product,
                                                         const regimen::VehicleSpec& vehicle,
                                                         const transport::Compound& compound,
                                                         const transport::CompoundProperties& properties,
                                                         const transport::TransportParameters& parameters,
                                                         double barrier, Time duration);

}  // namespace dermasim::simulate
