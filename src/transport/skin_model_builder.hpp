#pragma once
// From a compound's derived properties, a skin site and an optional micro-needle session to
// the SkinModel the transport solver runs (docs/transport.md): SC, VE and dermis materials, the
// channel array (depth = depth fraction × needle length, surface radius), the channel closure
// time (open or occluded; in vivo only), metabolism in the VE and clearance in the dermis.
// The model parameters that are not intrinsic to a compound, site or device live in
// data/transport.toml (transport_parameters.hpp).

#include <optional>
#include <string>

#include "core/units.hpp"
#include "transport/compound.hpp"
#include "transport/transport_model.hpp"
#include "transport/transport_parameters.hpp"

namespace dermasim::transport {

/// Layer thicknesses of a skin site.
struct SiteLayers {
  Length stratum_corneum;
  Length viable_epidermis;
  Length dermis;
};

/// A micro-needle session as a transport experiment sees it.
struct MicroneedleTreatment {
  double channels_per_cm2 = 0.0;
  Length needle_length;
  double depth_fraction = 1.0;  // effective depth / needle length (device catalogue)
  Length channel_surface_diameter;
  Time before_application = Time{};  // time from perforation to application
};

/// @pre thicknesses > 0; treatment depth fraction in (0, 1], density > 0.
[[nodiscard]] SkinModel build_skin_model(const CompoundProperties& properties, const SiteLayers& site,
                                         Receptor receptor, const std::optional<MicroneedleTreatment>& treatment,
                                         bool occluded, const TransportParameters& parameters);

/// The vehicle/water partition coefficient K_v = K_sc/w ÷ K_sc/vehicle.
[[nodiscard]] double vehicle_water_partition(const CompoundProperties& properties,
                                             double stratum_corneum_vehicle_partition);

/// What a vehicle's drug-holding phase is: an emulsion's oil phase (cream, lotion: the T4
/// calibration of K_sc/vehicle applies) or water (gel, serum: K_v/w = 1, an assumption).
enum class VehicleBase { emulsion, aqueous };

/// K_v for a vehicle of the given base (see VehicleBase).
[[nodiscard]] double vehicle_water_partition(const CompoundProperties& properties, VehicleBase base,
                                             const TransportParameters& parameters);

}  // namespace dermasim::transport
