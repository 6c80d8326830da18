#include "population/model_dimensions.hpp"

#include <algorithm>
#include <fmt/format.h>

#include "response/response_parameters.hpp"

namespace dermasim::population {

namespace {

using Setter = std::function<void(PersonInputs&, double)>;

void add(std::vector<Dimension>& dimensions, std::string name, const Parameter& parameter, Setter set) {
  if (!parameter.range) return;
  dimensions.push_back({std::move(name), parameter.value, *parameter.range, scale_for(*parameter.range), std::move(set)});
}

/// Every data/transport.toml key by "section.key", with the field it sets (units as the reader).
Setter transport_setter(std::string_view key) {
  using P = transport::TransportParameters;
  auto on = [](auto set) -> Setter { return [set](PersonInputs& inputs, double value) { set(inputs.parameters.transport, value); }; };
  if (key == "properties.stratum_corneum_surface_ph") return on([](P& p, double v) { p.properties.stratum_corneum_surface_ph = v; });
  if (key == "properties.viable_tissue_ph") return on([](P& p, double v) { p.properties.viable_tissue_ph = v; });
  if (key == "properties.lipid_volume_fraction") return on([](P& p, double v) { p.properties.lipid_volume_fraction = v; });
  if (key == "properties.keratin_volume_fraction") return on([](P& p, double v) { p.properties.keratin_volume_fraction = v; });
  if (key == "properties.tissue_water_fraction") return on([](P& p, double v) { p.properties.tissue_water_fraction = v; });
  if (key == "properties.reference_stratum_corneum_um")
    return on([](P& p, double v) { p.properties.reference_stratum_corneum = micrometres(v); });
  if (key == "closure.time_constant_open_h") return on([](P& p, double v) { p.closure_time_open = hours(v); });
  if (key == "closure.time_constant_occluded_h") return on([](P& p, double v) { p.closure_time_occluded = hours(v); });
  if (key == "clearance.dermal_clearance_per_h") return on([](P& p, double v) { p.dermal_clearance = v * units::per_hour; });
  if (key == "metabolism.viable_epidermis_metabolism_per_h")
    return on([](P& p, double v) { p.viable_epidermis_metabolism = v * units::per_hour; });
  if (key == "calibration.cream_stratum_corneum_vehicle_partition")
    return on([](P& p, double v) { p.cream_stratum_corneum_vehicle_partition = v; });
  return {};
}

bool has_concern(const regimen::Person& person, regimen::Concern concern) {
  return std::ranges::find(person.concerns, concern) != person.concerns.end();
}

/// Whether the regimen's reported figures read a response key: the sensitivity factor and PIH
/// reactivity of the person's own class and type, the clinical-score coefficients of the
/// person's concerns, acne dynamics only for the acne and pore scores, and the retinol
/// potency only with retinol. Keys not named here are always read.
bool is_read_for(std::string_view key, const regimen::Regimen& regimen) {
  using regimen::Concern;
  const auto& person = regimen.person;
  constexpr std::string_view sensitivity_prefix = "sensitivity_factor_";
  constexpr std::string_view reactivity_prefix = "pih_reactivity_type_";
  if (key.starts_with(sensitivity_prefix))
    return key.substr(sensitivity_prefix.size()) == regimen::sensitivity_names.name(person.sensitivity);
  if (key.starts_with(reactivity_prefix))
    return key.substr(reactivity_prefix.size()) == std::to_string(person.fitzpatrick);
  if (key.starts_with("scar_improvement_")) return has_concern(person, Concern::acne_scars);
  if (key.starts_with("fine_lines_")) return has_concern(person, Concern::fine_lines);
  if (key.starts_with("texture_")) return has_concern(person, Concern::texture);
  if (key.starts_with("pores_")) return has_concern(person, Concern::enlarged_pores);
  if (key.starts_with("purge_")) return has_concern(person, Concern::acne);  // only acne-prone skin purges
  if (key.starts_with("comedolysis_") || key.starts_with("acne_"))
    return has_concern(person, Concern::acne) || has_concern(person, Concern::enlarged_pores);
  if (key == "retinol_potency_ratio")
    return std::ranges::any_of(regimen.products, [](const auto& p) { return p.active == regimen::Active::retinol; });
  return true;
}

template <class Spec, class Key>
std::size_t index_of(const std::vector<Spec>& specs, Key key, auto key_of) {
  return static_cast<std::size_t>(
      std::ranges::find_if(specs, [&](const Spec& spec) { return key_of(spec) == key; }) - specs.begin());
}

void add_site(std::vector<Dimension>& dimensions, const regimen::Regimen& regimen, const regimen::Catalogue& catalogue) {
  const std::string_view id = regimen::site_names.name(regimen.person.site);
  const std::size_t at = index_of(catalogue.sites, id, [](const regimen::SiteSpec& s) { return std::string_view(s.id); });
  if (at == catalogue.sites.size()) return;
  const auto& site = catalogue.sites[at];
  using S = regimen::SiteSpec;
  for (const auto& [field, member_pointer] : {std::pair{"stratum_corneum_um", &S::stratum_corneum_um},
                                              std::pair{"viable_epidermis_um", &S::viable_epidermis_um},
                                              std::pair{"dermis_um", &S::dermis_um}}) {
    const auto member = member_pointer;  // a named copy: lambdas capture variables, not bindings
    add(dimensions, fmt::format("site.{}.{}", id, field), site.*member,
        [at, member](PersonInputs& inputs, double value) { (inputs.catalogue.sites[at].*member).value = value; });
  }
}

void add_actives_and_vehicles(std::vector<Dimension>& dimensions, const regimen::Regimen& regimen,
                              const regimen::Catalogue& catalogue) {
  std::vector<regimen::Active> actives;
  std::vector<regimen::Vehicle> vehicles;
  std::vector<regimen::Vehicle> default_amount_vehicles;
  for (const auto& product : regimen.products) {
    if (!regimen::is_retinoid(product.active)) continue;  // only retinoids go through transport
    if (std::ranges::find(actives, product.active) == actives.end()) actives.push_back(product.active);
    if (std::ranges::find(vehicles, product.vehicle) == vehicles.end()) vehicles.push_back(product.vehicle);
    if (product.amount_is_default && std::ranges::find(default_amount_vehicles, product.vehicle) == default_amount_vehicles.end())
      default_amount_vehicles.push_back(product.vehicle);
  }
  using A = regimen::ActiveSpec;
  for (const auto active : actives) {
    const std::string_view id = regimen::active_names.name(active);
    const std::size_t at = index_of(catalogue.actives, id, [](const A& a) { return std::string_view(a.id); });
    if (at == catalogue.actives.size()) continue;
    const auto& spec = catalogue.actives[at];
    std::vector<std::pair<const char*, Parameter A::*>> fields{
        {"molecular_weight_g_per_mol", &A::molecular_weight_g_per_mol},
        {"log_p", &A::log_p},
        {"water_solubility_mg_per_ml", &A::water_solubility_mg_per_ml}};
    if (!spec.pka.provenance.source.empty()) fields.emplace_back("pka", &A::pka);  // compound_of reads it only then
    for (const auto& [field, member_pointer] : fields) {
      const auto member = member_pointer;
      add(dimensions, fmt::format("active.{}.{}", id, field), spec.*member,
          [at, member](PersonInputs& inputs, double value) { (inputs.catalogue.actives[at].*member).value = value; });
    }
  }
  using V = regimen::VehicleSpec;
  for (const auto vehicle : vehicles) {
    const std::size_t at = index_of(catalogue.vehicles, vehicle, [](const V& v) { return v.vehicle; });
    if (at == catalogue.vehicles.size()) continue;
    const std::string_view id = regimen::vehicle_names.name(vehicle);
    for (const auto& [field, member_pointer] : {std::pair{"density_g_per_cm3", &V::density_g_per_cm3},
                                                std::pair{"removal_after_hours", &V::removal_after_hours}}) {
      const auto member = member_pointer;
      add(dimensions, fmt::format("vehicle.{}.{}", id, field), catalogue.vehicles[at].*member,
          [at, member](PersonInputs& inputs, double value) { (inputs.catalogue.vehicles[at].*member).value = value; });
    }
    if (std::ranges::find(default_amount_vehicles, vehicle) == default_amount_vehicles.end()) continue;
    add(dimensions, fmt::format("vehicle.{}.default_amount_mg_per_cm2", id), catalogue.vehicles[at].default_amount_mg_per_cm2,
        [at, vehicle](PersonInputs& inputs, double value) {
          inputs.catalogue.vehicles[at].default_amount_mg_per_cm2.value = value;
          for (auto& product : inputs.regimen.products)
            if (product.vehicle == vehicle && product.amount_is_default) product.amount_mg_per_cm2 = value;
        });
  }
}

void add_devices(std::vector<Dimension>& dimensions, const regimen::Regimen& regimen, const regimen::Catalogue& catalogue) {
  std::vector<regimen::Device> devices;
  for (const auto& session : regimen.sessions)
    if (std::ranges::find(devices, session.device) == devices.end()) devices.push_back(session.device);
  using D = regimen::DeviceSpec;
  for (const auto device : devices) {
    const std::size_t at = index_of(catalogue.devices, device, [](const D& d) { return d.device; });
    if (at == catalogue.devices.size()) continue;
    for (const auto& [field, member_pointer] : {std::pair{"channels_per_cm2_per_pass", &D::channels_per_cm2_per_pass},
                                                std::pair{"depth_fraction", &D::depth_fraction},
                                                std::pair{"channel_surface_diameter_um", &D::channel_surface_diameter_um}}) {
      const auto member = member_pointer;
      add(dimensions, fmt::format("device.{}.{}", regimen::device_names.name(device), field),
          catalogue.devices[at].*member,
          [at, member](PersonInputs& inputs, double value) { (inputs.catalogue.devices[at].*member).value = value; });
    }
  }
}

}  // namespace

ModelDimensions model_dimensions(const regimen::Regimen& regimen, const ModelData& data) {
  ModelDimensions result;
  add_site(result.dimensions, regimen, data.catalogue);
  add_actives_and_vehicles(result.dimensions, regimen, data.catalogue);
  add_devices(result.dimensions, regimen, data.catalogue);

  const bool has_retinoid = std::ranges::any_of(regimen.products, [](const auto& p) { return regimen::is_retinoid(p.active); });
  for (const auto& [key, parameter] : data.transport_entries) {
    if (!parameter.range) continue;
    const bool is_closure = key.starts_with("closure.");
    if (is_closure ? regimen.sessions.empty() : !has_retinoid) continue;  // read only by what the regimen has
    Setter set = transport_setter(key);
    if (!set) result.not_sampled.push_back("transport." + key);
    else add(result.dimensions, "transport." + key, parameter, std::move(set));
  }
  for (const auto& field : response::response_parameter_fields()) {
    const auto entry = data.response_entries.find(field.key);
    if (entry == data.response_entries.end() || !is_read_for(field.key, regimen)) continue;
    const auto* field_pointer = &field;  // the table has static storage
    add(result.dimensions, fmt::format("response.{}", field.key), entry->second,
        [field_pointer](PersonInputs& inputs, double value) {
          response::set_parameter(inputs.parameters.response, *field_pointer, value);
        });
  }
  return result;
}

}  // namespace dermasim::population
