#pragma once
// The sourced catalogues of data/ as typed values (docs/architecture.md: data/ holds actives,
// vehicles, devices, skin sites and the rules table). Built by io/ from the embedded files or
// from `--data DIR`; every number keeps its provenance for reports and docs.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/chemistry.hpp"
#include "core/provenance.hpp"
#include "regimen/product.hpp"
#include "regimen/rule_table.hpp"
#include "regimen/session.hpp"

namespace dermasim::regimen {

struct ActiveSpec {
  std::string id;
  std::string name;
  ChemicalClass chemical_class = ChemicalClass::inert;
  bool has_physicochemistry = false;  // false for "none" (plain moisturiser)
  Parameter molecular_weight_g_per_mol;
  Parameter log_p;
  std::optional<Parameter> pka;  // absent: the pH does not enter (a neutral compound needs none)
  Ionization ionization = Ionization::neutral;
  Provenance ionization_provenance;
  Parameter water_solubility_mg_per_ml;
  Parameter potency_relative_to_tretinoin;
};

struct VehicleSpec {
  Vehicle vehicle = Vehicle::cream;
  Parameter density_g_per_cm3;
  Parameter default_amount_mg_per_cm2;
  Parameter removal_after_hours;
};

struct DeviceSpec {
  Device device = Device::pen;
  Parameter default_passes;
  Parameter channels_per_cm2_per_pass;
  Parameter depth_fraction;  // effective channel depth / needle length
  Parameter channel_surface_diameter_um;
};

struct SiteSpec {
  std::string id;  // a face site of Person, or abdomen / forearm
  Parameter stratum_corneum_um;
  Parameter viable_epidermis_um;
  Parameter dermis_um;
};

/// What one active of the catalogue lacks for some command, as the loader refuses it.
struct ActiveShortfall {
  std::string key;  // the key to add or change, e.g. "molecular_weight_g_per_mol" or "class"
  std::string message;
};

/// The one statement of what the commands need of an active: the simulator carries every
/// retinoid a scenario names into the skin, so a scenario retinoid needs class "retinoid" and
/// the physicochemistry; any entry of class "retinoid" needs the physicochemistry too; a
/// scenario active that is not a retinoid may not claim the class (the checker's retinoid
/// rules go by the scenario's name). Other entries (e.g. "none", the validation compounds) may
/// go without physicochemistry: `absorb` refuses such a compound at the experiment's line.
[[nodiscard]] std::optional<ActiveShortfall> shortfall_of(const ActiveSpec& active);

/// Where the catalogues came from, for every output to say: the files read from the data
/// directory (--data or DERMASIM_DATA) whose text differs from the built-in copy, by the path
/// they were read under, all seven catalogues considered.
struct CatalogueOrigin {
  std::optional<std::string> data_directory;  // as given; absent: built-in catalogues only
  std::vector<std::string> edited_files;
  bool rules_edited = false;  // rules.toml is among them: reports show a banner
};

struct Catalogue {
  CatalogueOrigin origin;
  std::vector<ActiveSpec> actives;
  std::vector<VehicleSpec> vehicles;
  std::vector<DeviceSpec> devices;
  std::vector<SiteSpec> sites;
  RuleTable rules;

  /// Preconditions: the loader checked that every enumerator has an entry.
  [[nodiscard]] const VehicleSpec& vehicle(Vehicle vehicle) const;
  [[nodiscard]] const DeviceSpec& device(Device device) const;
  /// nullptr when the catalogue has no such id.
  [[nodiscard]] const ActiveSpec* find_active(std::string_view id) const;
  [[nodiscard]] const SiteSpec* find_site(std::string_view id) const;
};

}  // namespace dermasim::regimen
