#include "regimen/catalogue.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "core/error.hpp"

namespace dermasim::regimen {

std::optional<ActiveShortfall> shortfall_of(const ActiveSpec& active) {
  const auto scenario_active = active_names.parse(active.id);
  const bool claims_retinoid = active.chemical_class == ChemicalClass::retinoid;
  if (scenario_active && is_retinoid(*scenario_active) && !claims_retinoid)
    return ActiveShortfall{"class", fmt::format("active '{}' is a retinoid to the checker and the simulator; "
                                                "give class = \"retinoid\"",
                                                active.id)};
  if (scenario_active && !is_retinoid(*scenario_active) && claims_retinoid)
    return ActiveShortfall{"class", fmt::format("active '{}' is not one of the retinoids the checker and the "
                                                "simulator know (tretinoin, retinol); give it another class",
                                                active.id)};
  if (claims_retinoid && !active.has_physicochemistry)
    return ActiveShortfall{"molecular_weight_g_per_mol",
                           fmt::format("active '{}' is a retinoid, which simulate, plan and population carry into "
                                       "the skin; it needs molecular_weight_g_per_mol, log_p, ionization and "
                                       "water_solubility_mg_per_ml",
                                       active.id)};
  return std::nullopt;
}

const VehicleSpec& Catalogue::vehicle(Vehicle vehicle) const {
  const auto found = std::ranges::find(vehicles, vehicle, &VehicleSpec::vehicle);
  expects(found != vehicles.end(), "Catalogue::vehicle: the loader did not check completeness");
  return *found;
}

const DeviceSpec& Catalogue::device(Device device) const {
  const auto found = std::ranges::find(devices, device, &DeviceSpec::device);
  expects(found != devices.end(), "Catalogue::device: the loader did not check completeness");
  return *found;
}

const ActiveSpec* Catalogue::find_active(std::string_view id) const {
  const auto found = std::ranges::find(actives, id, &ActiveSpec::id);
  return found == actives.end() ? nullptr : &*found;
}

const SiteSpec* Catalogue::find_site(std::string_view id) const {
  const auto found = std::ranges::find(sites, id, &SiteSpec::id);
  return found == sites.end() ? nullptr : &*found;
}

}  // namespace dermasim::regimen
