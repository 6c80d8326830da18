#include "population/model_dimensions.hpp"

#include <fmt/format.h>
#include <algorithm>

#include "response/response_parameters.hpp"
#include "simulate/model_inputs.hpp"
#include "transport/transport_parameters.hpp"

namespace dermasim::population {

namespace {

using Setter = std::function<void(PersonInputs&, double)>;

std::string field_name(const transport::TransportParameterField& field) { return field.name(); }
std::string field_name(const response::ResponseParameterField& field) { return std::string(field.key); }

void add(std::vector<Dimension>& dimensions, std::string name, const Parameter& parameter, Setter set) {
  if (!parameter.range) return;
  dimensions.push_back(
      {std::move(name), parameter.value, *parameter.range, scale_for(*parameter.range), std::move(set)});
}

template <class Spec, class Key>
std::size_t index_of(const std::vector<Spec>& specs, Key key, auto key_of) {
  return static_cast<std::size_t>(std::ranges::find_if(specs, [&](const Spec& spec) { return key_of(spec) == key; }) -
                                  specs.begin());
}

void add_site(std::vector<Dimension>& dimensions, const regimen::Regimen& regimen,
              const regimen::Catalogue& catalogue) {
  const std::string_view id = regimen::site_names.name(regimen.person.site);
  const std::size_t at =
      index_of(catalogue.sites, id, [](const regimen::SiteSpec& s) { return std::string_view(s.id); });
  if (at == catalogue.sites.size()) return;
  const auto& site = catalogue.sites[at];
  using S = regimen::SiteSpec;
  for (const auto& [field, member_pointer] :
       {std::pair{"stratum_corneum_um", &S::stratum_corneum_um},
        std::pair{"viable_epidermis_um", &S::viable_epidermis_um}, std::pair{"dermis_um", &S::dermis_um}}) {
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
    if (product.amount_is_default &&
        std::ranges::find(default_amount_vehicles, product.vehicle) == default_amount_vehicles.end())
      default_amount_vehicles.push_back(product.vehicle);
  }
  using A = regimen::ActiveSpec;
  for (const auto active : actives) {
    const std::string_view id = regimen::active_names.name(active);
    const std::size_t at = index_of(catalogue.actives, id, [](const A& a) { return std::string_view(a.id); });
    if (at == catalogue.actives.size()) continue;
    const auto& spec = catalogue.actives[at];
    for (const auto& [field, member_pointer] :
         {std::pair{"molecular_weight_g_per_mol", &A::molecular_weight_g_per_mol}, std::pair{"log_p", &A::log_p},
          std::pair{"water_solubility_mg_per_ml", &A::water_solubility_mg_per_ml}}) {
      const auto member = member_pointer;
      add(dimensions, fmt::format("active.{}.{}", id, field), spec.*member,
          [at, member](PersonInputs& inputs, double value) { (inputs.catalogue.actives[at].*member).value = value; });
    }
    if (spec.pka)  // compound_of reads the pKa only when the catalogue gives one
      add(dimensions, fmt::format("active.{}.pka", id), *spec.pka,
          [at](PersonInputs& inputs, double value) { inputs.catalogue.actives[at].pka->value = value; });
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
    add(dimensions, fmt::format("vehicle.{}.default_amount_mg_per_cm2", id),
        catalogue.vehicles[at].default_amount_mg_per_cm2, [at, vehicle](PersonInputs& inputs, double value) {
          inputs.catalogue.vehicles[at].default_amount_mg_per_cm2.value = value;
          for (auto& product : inputs.regimen.products)
            if (product.vehicle == vehicle && product.amount_is_default) product.amount_mg_per_cm2 = value;
        });
  }
}

void add_devices(std::vector<Dimension>& dimensions, const regimen::Regimen& regimen,
                 const regimen::Catalogue& catalogue) {
  std::vector<regimen::Device> devices;
  for (const auto& session : regimen.sessions)
    if (std::ranges::find(devices, session.device) == devices.end()) devices.push_back(session.device);
  using D = regimen::DeviceSpec;
  for (const auto device : devices) {
    const std::size_t at = index_of(catalogue.devices, device, [](const D& d) { return d.device; });
    if (at == catalogue.devices.size()) continue;
    for (const auto& [field, member_pointer] :
         {std::pair{"channels_per_cm2_per_pass", &D::channels_per_cm2_per_pass},
          std::pair{"depth_fraction", &D::depth_fraction},
          std::pair{"channel_surface_diameter_um", &D::channel_surface_diameter_um}}) {
      const auto member = member_pointer;
      add(dimensions, fmt::format("device.{}.{}", regimen::device_names.name(device), field),
          catalogue.devices[at].*member,
          [at, member](PersonInputs& inputs, double value) { (inputs.catalogue.devices[at].*member).value = value; });
    }
  }
}

/// The fields of a table, in table order or by name.
template <class Field>
std::vector<const Field*> ordered(std::span<const Field> fields, bool by_name) {
  std::vector<const Field*> order;
  for (const Field& field : fields) order.push_back(&field);  // the tables have static storage
  if (by_name) std::ranges::sort(order, {}, [](const Field* field) { return field_name(*field); });
  return order;
}

/// Every field of a model's parameter table that the run reads and the data give a range.
template <class Field>
void add_table(std::vector<Dimension>& dimensions, const std::vector<const Field*>& fields,
               const ParameterRanges& ranges, std::string_view model, auto is_read_by_run, auto nominal_of,
               auto parameters_of) {
  for (const Field* field : fields) {
    const std::string key = field_name(*field);
    const auto range = ranges.find(key);
    if (range == ranges.end() || !is_read_by_run(*field)) continue;
    dimensions.push_back({fmt::format("{}.{}", model, key), nominal_of(*field), range->second, scale_for(range->second),
                          [field, parameters_of](PersonInputs& inputs, double value) {
                            set_parameter(parameters_of(inputs), *field, value);
                          }});
  }
}

/// Ranges that name no field of their table (a hand-built ModelData): reported, never silent.
template <class Field>
void add_unknown(std::vector<std::string>& not_sampled, std::span<const Field> fields, const ParameterRanges& ranges,
                 std::string_view model) {
  for (const auto& [key, range] : ranges)
    if (std::ranges::none_of(fields, [&](const Field& field) { return field_name(field) == key; }))
      not_sampled.push_back(fmt::format("{}.{}", model, key));
}

}  // namespace

ModelDimensions model_dimensions(const regimen::Regimen& regimen, const ModelData& data) {
  ModelDimensions result;
  add_site(result.dimensions, regimen, data.catalogue);
  add_actives_and_vehicles(result.dimensions, regimen, data.catalogue);
  add_devices(result.dimensions, regimen, data.catalogue);

  const auto transport_fields = transport::transport_parameter_fields();
  const transport::TransportUse transport_use = simulate::transport_use_of(regimen);
  // Transport's dimensions go by name, response's in table order: the order gives each
  // parameter its column of the Latin hypercube, so it stays what it was for seeded
  // populations to reproduce.
  add_table(
      result.dimensions, ordered(transport_fields, true), data.transport_ranges, "transport",
      [&](const auto& field) { return transport::is_read(field, transport_use); },
      [&](const auto& field) { return transport::parameter_value(data.parameters.transport, field); },
      [](PersonInputs& inputs) -> transport::TransportParameters& { return inputs.parameters.transport; });
  const auto response_fields = response::response_parameter_fields();
  const response::ResponseUse response_use = simulate::response_use_of(regimen);
  add_table(
      result.dimensions, ordered(response_fields, false), data.response_ranges, "response",
      [&](const auto& field) { return response::is_read(field, response_use); },
      [&](const auto& field) { return response::parameter_value(data.parameters.response, field); },
      [](PersonInputs& inputs) -> response::ResponseParameters& { return inputs.parameters.response; });
  add_unknown(result.not_sampled, transport_fields, data.transport_ranges, "transport");
  add_unknown(result.not_sampled, response_fields, data.response_ranges, "response");
  return result;
}

}  // namespace dermasim::population
