#include "io/catalogue_reader.hpp"

#include <algorithm>
#include <cstdlib>
#include <fstream>
#include <sstream>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "io/embedded_data.hpp"
#include "io/parameter_reader.hpp"
#include "io/rules_reader.hpp"
#include "regimen/person.hpp"
#include "regimen/product.hpp"
#include "transport/compound.hpp"

namespace dermasim::io {

using namespace regimen;

namespace {

constexpr NumberRange any_positive{0.0, 1e12, "give a non-negative number"};

/// Without a molar mass an active has no physicochemistry at all: the other values would be
/// ignored, and simulate, which carries every retinoid through the skin, could not run.
void require_no_physicochemistry(const TomlTable& table, const std::string& id) {
  for (const char* key : {"log_p", "pka", "ionization", "water_solubility_mg_per_ml"})
    if (table.has(key))
      table.fail(key, fmt::format("active '{}' gives {} but no molecular_weight_g_per_mol; give its "
                                  "physicochemistry in full (molecular_weight_g_per_mol, log_p, ionization, "
                                  "water_solubility_mg_per_ml) or not at all",
                                  id, key));
  if (const auto known = active_names.parse(id); known && is_retinoid(*known))
    table.fail("id", fmt::format("active '{}' is a retinoid, which simulate carries through the skin, but gives "
                                 "no molecular_weight_g_per_mol; add its physicochemistry (molecular_weight_g_per_mol, "
                                 "log_p, ionization, water_solubility_mg_per_ml)",
                                 id));
}

ActiveSpec read_active(const TomlTable& table) {
  table.allow_only({"id", "name", "class", "molecular_weight_g_per_mol", "log_p", "pka", "ionization",
                    "water_solubility_mg_per_ml", "potency_relative_to_tretinoin"});
  ActiveSpec active;
  active.id = table.string("id");
  active.name = table.string("name");
  active.chemical_class = table.choice("class", chemical_class_names);
  active.potency_relative_to_tretinoin =
      read_parameter(table, "potency_relative_to_tretinoin", {0.0, 10.0, "give the potency ratio to tretinoin"});
  active.has_physicochemistry = table.has("molecular_weight_g_per_mol");
  if (!active.has_physicochemistry) {
    require_no_physicochemistry(table, active.id);
    return active;
  }
  active.molecular_weight_g_per_mol = read_parameter(
      table, "molecular_weight_g_per_mol", {1.0, 1e8, "give the molar mass in g/mol (polymers: the typical chain)"});
  active.log_p = read_parameter(table, "log_p", {-10.0, 15.0, "give log10 of the octanol/water partition"});
  if (table.has("pka")) active.pka = read_parameter(table, "pka", {-5.0, 20.0, "give the pKa"});
  const auto ionization = read_choice_parameter(table, "ionization", ionization_names);
  active.ionization = ionization.value;
  active.ionization_provenance = ionization.provenance;
  if (active.ionization != Ionization::neutral && !active.pka)
    throw InputError(table.position_of("ionization"),
                     fmt::format("active '{}' ionizes ({}) but gives no pka; add [pka] with value and source, "
                                 "or set ionization to neutral",
                                 active.id, ionization_names.name(active.ionization)));
  active.water_solubility_mg_per_ml = read_parameter(table, "water_solubility_mg_per_ml", any_positive);
  return active;
}

VehicleSpec read_vehicle(const TomlTable& table) {
  table.allow_only({"id", "density_g_per_cm3", "default_amount_mg_per_cm2", "removal_after_hours"});
  VehicleSpec vehicle;
  vehicle.vehicle = table.choice("id", vehicle_names);
  vehicle.density_g_per_cm3 = read_parameter(table, "density_g_per_cm3", {0.1, 5.0, "give g/cm³"});
  vehicle.default_amount_mg_per_cm2 = read_parameter(table, "default_amount_mg_per_cm2", {0.0, 100.0, "give mg/cm²"});
  vehicle.removal_after_hours = read_parameter(table, "removal_after_hours", {0.0, 48.0, "give hours"});
  return vehicle;
}

DeviceSpec read_device(const TomlTable& table) {
  table.allow_only(
      {"id", "default_passes", "channels_per_cm2_per_pass", "depth_fraction", "channel_surface_diameter_um"});
  DeviceSpec device;
  device.device = table.choice("id", device_names);
  device.default_passes = read_parameter(table, "default_passes", {1.0, 100.0, "give a pass count"});
  device.channels_per_cm2_per_pass =
      read_parameter(table, "channels_per_cm2_per_pass", {0.0, 1e5, "give channels per cm² per pass"});
  device.depth_fraction = read_parameter(table, "depth_fraction", {0.0, 1.0, "give a fraction 0 .. 1"});
  device.channel_surface_diameter_um =
      read_parameter(table, "channel_surface_diameter_um", {1.0, 2000.0, "give micrometres"});
  return device;
}

SiteSpec read_site(const TomlTable& table) {
  table.allow_only({"id", "stratum_corneum_um", "viable_epidermis_um", "dermis_um"});
  SiteSpec site;
  site.id = table.string("id");
  const NumberRange micrometres{0.1, 10000.0, "give micrometres"};
  site.stratum_corneum_um = read_parameter(table, "stratum_corneum_um", micrometres);
  site.viable_epidermis_um = read_parameter(table, "viable_epidermis_um", micrometres);
  site.dermis_um = read_parameter(table, "dermis_um", micrometres);
  return site;
}

/// Reads every `[[key]]` block of one catalogue file with `read`.
template <class Spec, class Reader>
std::vector<Spec> read_blocks(std::string_view text, const std::string& file_name, std::string_view key, Reader read) {
  const toml::table document = parse_toml(text, file_name);
  const TomlTable root(document, file_name, "the file");
  root.allow_only({std::string(key)});
  std::vector<Spec> specs;
  std::vector<std::string> ids;  // a second block with one id would be shadowed by the first
  for (const TomlTable& block : root.tables(key)) {
    specs.push_back(read(block));
    std::string id = block.string("id");
    if (std::ranges::find(ids, id) != ids.end())
      block.fail("id", fmt::format("{} '{}' is defined twice; keep one [[{}]] block", key, id, key));
    ids.push_back(std::move(id));
  }
  return specs;
}

template <class Spec, class Enum, std::size_t N>
void require_every(const std::vector<Spec>& specs, Enum Spec::*member, const EnumNames<Enum, N>& names,
                   const std::string& file_name) {
  for (const auto& [value, spelling] : names.entries())
    if (std::ranges::find(specs, value, member) == specs.end())
      throw InputError({file_name, 0, 0}, fmt::format("has no entry for '{}'; every one of {} needs a block", spelling,
                                                      fmt::join(names.names(), ", ")));
}

/// Reads the catalogue file `file_name` (from `directory` or built in) with `read`.
template <class Reader>
auto read_catalogue_file(const std::optional<std::filesystem::path>& directory, std::string_view file_name,
                         Reader read) {
  const CatalogueText text = catalogue_text(directory, file_name);
  return read(text.text, text.name);
}

}  // namespace

std::optional<std::filesystem::path> data_directory(const std::optional<std::filesystem::path>& from_command_line) {
  if (from_command_line) return from_command_line;
  if (const char* variable = std::getenv("DERMASIM_DATA"); variable && *variable)
    return std::filesystem::path(variable);
  return std::nullopt;
}

CatalogueText catalogue_text(const std::optional<std::filesystem::path>& directory, std::string_view file_name) {
  if (directory) {
    const auto path = *directory / file_name;
    if (std::filesystem::exists(path)) {
      std::ifstream stream(path, std::ios::binary);
      if (!stream) throw InputError({path.string(), 0, 0}, "cannot read this catalogue file");
      std::ostringstream contents;
      contents << stream.rdbuf();
      return {path.string(), contents.str()};
    }
  }
  for (const EmbeddedFile& file : embedded_catalogue_files())
    if (file.name == file_name) return {"data/" + std::string(file_name), std::string(file.text)};
  throw InputError({std::string(file_name), 0, 0}, "no such catalogue, neither in the data directory nor built in");
}

std::vector<ActiveSpec> read_actives(std::string_view text, const std::string& file_name) {
  auto actives = read_blocks<ActiveSpec>(text, file_name, "active", read_active);
  for (const auto& [active, spelling] : active_names.entries())
    if (std::ranges::find(actives, spelling, &ActiveSpec::id) == actives.end())
      throw InputError({file_name, 0, 0},
                       fmt::format("has no entry for '{}'; every active a scenario may name needs a block", spelling));
  return actives;
}

std::vector<VehicleSpec> read_vehicles(std::string_view text, const std::string& file_name) {
  auto vehicles = read_blocks<VehicleSpec>(text, file_name, "vehicle", read_vehicle);
  require_every(vehicles, &VehicleSpec::vehicle, vehicle_names, file_name);
  return vehicles;
}

std::vector<DeviceSpec> read_devices(std::string_view text, const std::string& file_name) {
  auto devices = read_blocks<DeviceSpec>(text, file_name, "device", read_device);
  require_every(devices, &DeviceSpec::device, device_names, file_name);
  return devices;
}

std::vector<SiteSpec> read_sites(std::string_view text, const std::string& file_name) {
  auto sites = read_blocks<SiteSpec>(text, file_name, "site", read_site);
  for (const auto& [site, spelling] : site_names.entries())
    if (std::ranges::find(sites, spelling, &SiteSpec::id) == sites.end())
      throw InputError({file_name, 0, 0},
                       fmt::format("has no entry for '{}'; every site a scenario may name needs a block", spelling));
  return sites;
}

RuleTable read_rules(std::string_view text, const std::string& file_name) {
  return read_rule_table(parse_toml(text, file_name), file_name);
}

Catalogue load_catalogue(const std::optional<std::filesystem::path>& directory) {
  Catalogue catalogue;
  catalogue.actives = read_catalogue_file(directory, "actives.toml", read_actives);
  catalogue.vehicles = read_catalogue_file(directory, "vehicles.toml", read_vehicles);
  catalogue.devices = read_catalogue_file(directory, "devices.toml", read_devices);
  catalogue.sites = read_catalogue_file(directory, "sites.toml", read_sites);
  catalogue.rules = read_catalogue_file(directory, "rules.toml", read_rules);
  return catalogue;
}

}  // namespace dermasim::io
