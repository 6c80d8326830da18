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
#include "transport/compound.hpp"

namespace dermasim::io {

using namespace regimen;

namespace {

constexpr NumberRange any_positive{0.0, 1e12, "give a non-negative number"};

toml::table parse_catalogue(const std::optional<std::filesystem::path>& directory, std::string_view file_name,
                            std::string& display_name) {
  const CatalogueText text = catalogue_text(directory, file_name);
  display_name = text.name;
  return parse_toml(text.text, text.name);
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
  if (!active.has_physicochemistry) return active;
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
std::vector<Spec> read_blocks(const std::optional<std::filesystem::path>& directory, std::string_view file_name,
                              std::string_view key, Reader read) {
  std::string name;
  const toml::table document = parse_catalogue(directory, file_name, name);
  const TomlTable root(document, name, "the file");
  root.allow_only({std::string(key)});
  std::vector<Spec> specs;
  for (const TomlTable& block : root.tables(key)) specs.push_back(read(block));
  return specs;
}

template <class Spec, class Enum, std::size_t N>
void require_every(const std::vector<Spec>& specs, Enum Spec::*member, const EnumNames<Enum, N>& names,
                   std::string_view file_name) {
  for (const auto& [value, spelling] : names.entries())
    if (std::ranges::find(specs, value, member) == specs.end())
      throw InputError({std::string(file_name), 0, 0},
                       fmt::format("has no entry for '{}'; every one of {} needs a block", spelling,
                                   fmt::join(names.names(), ", ")));
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

Catalogue load_catalogue(const std::optional<std::filesystem::path>& directory) {
  Catalogue catalogue;
  catalogue.actives = read_blocks<ActiveSpec>(directory, "actives.toml", "active", read_active);
  catalogue.vehicles = read_blocks<VehicleSpec>(directory, "vehicles.toml", "vehicle", read_vehicle);
  catalogue.devices = read_blocks<DeviceSpec>(directory, "devices.toml", "device", read_device);
  catalogue.sites = read_blocks<SiteSpec>(directory, "sites.toml", "site", read_site);
  require_every(catalogue.vehicles, &VehicleSpec::vehicle, vehicle_names, "data/vehicles.toml");
  require_every(catalogue.devices, &DeviceSpec::device, device_names, "data/devices.toml");
  for (const auto& [active, spelling] : active_names.entries())
    if (!catalogue.find_active(spelling))
      throw InputError({"data/actives.toml", 0, 0},
                       fmt::format("has no entry for '{}'; every active a scenario may name needs a block", spelling));
  std::string rules_name;
  const toml::table rules_document = parse_catalogue(directory, "rules.toml", rules_name);
  catalogue.rules = read_rule_table(rules_document, rules_name);
  return catalogue;
}

}  // namespace dermasim::io
