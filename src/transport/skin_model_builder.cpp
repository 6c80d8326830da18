#include "transport/skin_model_builder.hpp"

#include <algorithm>

#include "core/error.hpp"

namespace dermasim::transport {

double vehicle_water_partition(const CompoundProperties& properties, double stratum_corneum_vehicle_partition) {
  expects(stratum_corneum_vehicle_partition > 0.0, "vehicle partition must be positive");
  return properties.stratum_corneum_water_partition / stratum_corneum_vehicle_partition;
}

double vehicle_water_partition(const CompoundProperties& properties, VehicleBase base,
                               const TransportParameters& parameters) {
  if (base == VehicleBase::aqueous) return 1.0;
  return vehicle_water_partition(properties, parameters.cream_stratum_corneum_vehicle_partition);
}

SkinModel build_skin_model(const CompoundProperties& properties, const SiteLayers& site, Receptor receptor,
                           const std::optional<MicroneedleTreatment>& treatment, bool occluded,
                           const TransportParameters& parameters) {
  const bool in_vivo = receptor == Receptor::clearance;
  Material stratum_corneum;
  stratum_corneum.diffusivity = properties.stratum_corneum_diffusivity;
  stratum_corneum.partition = properties.stratum_corneum_water_partition;
  // Surrey's viable tissue: capacity K·R = 0.6·B and conductance D·K = 0.6·D_free (only the
  // free drug in the water moves). B < 1 (hydrophilic actives) lowers K instead of R.
  const double binding = properties.binding_factor;
  Material viable;
  viable.diffusivity = properties.aqueous_diffusivity / std::min(binding, 1.0);
  viable.partition = properties.viable_water_partition * std::min(binding, 1.0);
  viable.retardation = std::max(binding, 1.0);
  Material viable_epidermis = viable;
  viable_epidermis.metabolism = in_vivo ? parameters.viable_epidermis_metabolism : Rate{};
  Material dermis = viable;
  dermis.clearance = in_vivo ? parameters.dermal_clearance : Rate{};

  SkinModel skin;
  skin.layers = {{Compartment::stratum_corneum, site.stratum_corneum, stratum_corneum},
                 {Compartment::viable_epidermis, site.viable_epidermis, viable_epidermis},
                 {Compartment::dermis, site.dermis, dermis}};
  validate_layers(skin.layers);
  skin.receptor = receptor;
  if (treatment) {
    expects(treatment->depth_fraction > 0.0 && treatment->depth_fraction <= 1.0,
            "micro-needles: depth fraction must be in (0, 1]");
    expects(treatment->channels_per_cm2 > 0.0, "micro-needles: density must be positive");
    ChannelArray channels;
    channels.channels_per_cm2 = treatment->channels_per_cm2;
    const Length total = site.stratum_corneum + site.viable_epidermis + site.dermis;
    channels.depth = std::min(treatment->depth_fraction * treatment->needle_length, 0.98 * total);
    channels.radius = 0.5 * treatment->channel_surface_diameter;
    channels.fluid = Material{properties.aqueous_diffusivity, 1.0, 1.0};
    skin.channels = channels;
    skin.closure_time_constant = occluded ? parameters.closure_time_occluded : parameters.closure_time_open;
    skin.channels_opened_at = -treatment->before_application;
  }
  return skin;
}

}  // namespace dermasim::transport
