#include "regimen/catalogue.hpp"

#include <algorithm>

#include "core/error.hpp"

namespace dermasim::regimen {

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
