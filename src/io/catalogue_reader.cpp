#include "io/catalogue_reader.hpp"

#include <algorithm>
#include <cstdlib>
#include <fstream>
#include <sstream>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "io/embedded_data.hpp"
#include "io/nearest_name.hpp"
#include "io/parameter_reader.hpp"
#include "io/rules_reader.hpp"
#include "transport/compound.hpp"

namespace dermasim::io {

using namespace regimen;

namespace {

constexpr NumberRange any_positive{0.0, 1e12, "give a non-negative number"};

ActiveSpec read_active_fields(const TomlTable& table) {
  table.allow_only({"id", "name", "class", "molecular_weight_g_per_mol", "log_p", "pka", "ionization",
                    "water_solubility_mg_per_ml", "potency_relative_to_tretinoin"});
  ActiveSpec active;
  active.id = table.nonblank_string("id");
  active.name = table.nonblank_string("name");
  active.chemical_class = table.choice("class", chemical_class_names);
  active.potency_relative_to_tretinoin =
      read_parameter(table, "potency_relative_to_tretinoin", {0.0, 10.0, "give the potency ratio to tretinoin"});
  active.has_physicochemistry = table.has("molecular_weight_g_per_mol");
  if (!active.has_physicochemistry) {
    // Half a description would be ignored without a word: all of it, or none.
    for (const auto* key : {"log_p", "pka", "ionization", "water_solubility_mg_per_ml"})
      if (table.has(key))
        table.fail(key, fmt::format("active '{}' gives {} but no molecular_weight_g_per_mol, so the transport "
                                    "model would ignore it; add molecular_weight_g_per_mol (with log_p, ionization "
                                    "and water_solubility_mg_per_ml) or remove {}",
                                    active.id, key, key));
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

/// One active, refused at its block when it lacks what a command needs (regimen::shortfall_of).
ActiveSpec read_active(const TomlTable& table) {
  ActiveSpec active = read_active_fields(table);
  if (const auto shortfall = shortfall_of(active)) table.fail(shortfall->key, shortfall->message);
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
  site.id = table.nonblank_string("id");
  const NumberRange micrometres{0.1, 10000.0, "give micrometres"};
  site.stratum_corneum_um = read_parameter(table, "stratum_corneum_um", micrometres);
  site.viable_epidermis_um = read_parameter(table, "viable_epidermis_um", micrometres);
  site.dermis_um = read_parameter(table, "dermis_um", micrometres);
  return site;
}

/// Reads every `[[key]]` block of one catalogue file's text with `read`; `id_of` names an entry,
/// and an id given twice is refused at the second (no entry may silently shadow another).
template <class Spec, class Reader, class IdOf>
std::vector<Spec> read_blocks(std::string_view text, const std::string& file_name, std::string_view key, Reader read,
                              IdOf id_of) {
  const toml::table document = parse_toml(text, file_name);
  const TomlTable root(document, file_name, "the file");
  root.allow_only({std::string(key)});
  std::vector<Spec> specs;
  std::vector<SourcePosition> positions;
  for (const TomlTable& block : root.tables(key)) {
    Spec spec = read(block);
    for (std::size_t index = 0; index < specs.size(); ++index)
      if (std::invoke(id_of, specs[index]) == std::invoke(id_of, spec))
        block.fail("id", fmt::format("{} '{}' is defined twice (first at line {}); keep one block", key,
                                     std::invoke(id_of, spec), positions[index].line));
    positions.push_back(block.position_of("id"));
    specs.push_back(std::move(spec));
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

/// Every name of `names` is the `id` of one of `specs` (the entries a scenario may name).
template <class Spec, class Enum, std::size_t N>
void require_every_id(const std::vector<Spec>& specs, const EnumNames<Enum, N>& names, const std::string& file_name,
                      std::string_view what) {
  for (const auto& [value, spelling] : names.entries())
    if (std::ranges::find(specs, spelling, &Spec::id) == specs.end())
      throw InputError({file_name, 0, 0}, fmt::format("has no entry for '{}'; every {} needs a block ({})", spelling,
                                                      what, fmt::join(names.names(), ", ")));
}

/// Reads the catalogue file `file_name` (from `directory` or built in) with `read`.
template <class Reader>
auto read_catalogue_file(const std::optional<std::filesystem::path>& directory, std::string_view file_name,
                         Reader read) {
  const CatalogueText text = catalogue_text(directory, file_name);
  return read(text.text, text.name);
}

/// The catalogue files dermasim reads, from the embedded list.
std::vector<std::string> catalogue_names() {
  std::vector<std::string> names;
  for (const EmbeddedFile& file : embedded_catalogue_files()) names.emplace_back(file.name);
  return names;
}

/// A data directory must exist, and a .toml file in it whose name is close to a catalogue's is
/// refused: an edited copy under a misspelt name would otherwise be ignored without a word.
/// Other files (a scenario kept alongside, a README) are left alone.
void check_data_directory(const std::filesystem::path& directory, const std::string& given_by) {
  std::error_code error;
  if (!std::filesystem::is_directory(directory, error))
    throw InputError({given_by, 0, 0}, fmt::format("{} is not a directory; give a directory holding edited copies "
                                                   "of the catalogues (any of {}), or leave it out for the "
                                                   "built-in ones",
                                                   directory.string(), join_alternatives(catalogue_names())));
  for (const auto& entry : std::filesystem::directory_iterator(directory, error)) {
    if (entry.path().extension() != ".toml") continue;
    const std::string name = entry.path().filename().string();
    const auto names = catalogue_names();
    if (std::ranges::find(names, name) != names.end()) continue;
    const auto suggestion = nearest_name(name, names);
    if (!suggestion) continue;
    throw InputError({entry.path().string(), 0, 0},
                     fmt::format("is not a catalogue dermasim reads, so its values would be ignored; did you mean "
                                 "{}? (the catalogues are {})",
                                 *suggestion, join_alternatives(names)));
  }
}

}  // namespace

std::optional<std::filesystem::path> data_directory(const std::optional<std::filesystem::path>& from_command_line) {
  if (from_command_line) {
    check_data_directory(*from_command_line, "--data");
    return from_command_line;
  }
  if (const char* variable = std::getenv("DERMASIM_DATA"); variable && *variable) {
    check_data_directory(variable, "DERMASIM_DATA");
    return std::filesystem::path(variable);
  }
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

CatalogueOrigin catalogue_origin(const std::optional<std::filesystem::path>& directory) {
  CatalogueOrigin origin;
  if (!directory) return origin;
  origin.data_directory = directory->string();
  for (const EmbeddedFile& file : embedded_catalogue_files()) {
    const CatalogueText text = catalogue_text(directory, file.name);
    if (text.text == file.text) continue;  // a copy of the built-in file (or none) is no edit
    origin.edited_files.push_back(text.name);
    if (file.name == "rules.toml") origin.rules_edited = true;
  }
  return origin;
}

std::vector<ActiveSpec> read_actives(std::string_view text, const std::string& file_name) {
  auto actives = read_blocks<ActiveSpec>(text, file_name, "active", read_active, &ActiveSpec::id);
  require_every_id(actives, active_names, file_name, "active a scenario may name");
  return actives;
}

std::vector<VehicleSpec> read_vehicles(std::string_view text, const std::string& file_name) {
  const auto name_of = [](const VehicleSpec& spec) { return vehicle_names.name(spec.vehicle); };
  auto vehicles = read_blocks<VehicleSpec>(text, file_name, "vehicle", read_vehicle, name_of);
  require_every(vehicles, &VehicleSpec::vehicle, vehicle_names, file_name);
  return vehicles;
}

std::vector<DeviceSpec> read_devices(std::string_view text, const std::string& file_name) {
  const auto name_of = [](const DeviceSpec& spec) { return device_names.name(spec.device); };
  auto devices = read_blocks<DeviceSpec>(text, file_name, "device", read_device, name_of);
  require_every(devices, &DeviceSpec::device, device_names, file_name);
  return devices;
}

/// Every face site a scenario's person may have is present (abdomen and forearm serve only
/// experiments, which name their site at their own line).
std::vector<SiteSpec> read_sites(std::string_view text, const std::string& file_name) {
  auto sites = read_blocks<SiteSpec>(text, file_name, "site", read_site, &SiteSpec::id);
  require_every_id(sites, site_names, file_name, "face site a scenario may name");
  return sites;
}

RuleTable read_rules(std::string_view text, const std::string& file_name) {
  return read_rule_table(parse_toml(text, file_name), file_name);
}

Catalogue load_catalogue(const std::optional<std::filesystem::path>& directory) {
  Catalogue catalogue;
  catalogue.origin = catalogue_origin(directory);
  catalogue.actives = read_catalogue_file(directory, "actives.toml", read_actives);
  catalogue.vehicles = read_catalogue_file(directory, "vehicles.toml", read_vehicles);
  catalogue.devices = read_catalogue_file(directory, "devices.toml", read_devices);
  catalogue.sites = read_catalogue_file(directory, "sites.toml", read_sites);
  catalogue.rules = read_catalogue_file(directory, "rules.toml", read_rules);
  return catalogue;
}

}  // namespace dermasim::io
