#pragma once
// Loads the data/ catalogues (actives, vehicles, devices, sites, rules) into a typed
// Catalogue. Each file comes from `data_directory` when given and present there, otherwise
// from the copy embedded at build time; errors name the file, line and column.

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "regimen/catalogue.hpp"

namespace dermasim::io {

/// The data directory to read edited catalogues from: `--data DIR` if given, else the
/// DERMASIM_DATA environment variable, else none (embedded catalogues only).
[[nodiscard]] std::optional<std::filesystem::path> data_directory(
    const std::optional<std::filesystem::path>& from_command_line);

/// Postcondition: every Vehicle, Device, Site and Active enumerator has an entry, each retinoid
/// with physicochemistry, and every rule of regimen::rule_schemas() is present with its numbers
/// and lists.
[[nodiscard]] regimen::Catalogue load_catalogue(const std::optional<std::filesystem::path>& directory);

/// Which catalogue files in `directory` differ from the built-in ones (regimen::CatalogueOrigin).
[[nodiscard]] regimen::CatalogueOrigin catalogue_origin(const std::optional<std::filesystem::path>& directory);

/// One catalogue file parsed from its text (`file_name` is how errors name it), with the checks
/// that file alone must pass: every Vehicle and Device enumerator and every active and site a
/// scenario may name has a block, no id has two, and every retinoid has its physicochemistry.
/// load_catalogue composes them; tests and fuzz targets call them directly.
[[nodiscard]] std::vector<regimen::ActiveSpec> read_actives(std::string_view text, const std::string& file_name);
[[nodiscard]] std::vector<regimen::VehicleSpec> read_vehicles(std::string_view text, const std::string& file_name);
[[nodiscard]] std::vector<regimen::DeviceSpec> read_devices(std::string_view text, const std::string& file_name);
[[nodiscard]] std::vector<regimen::SiteSpec> read_sites(std::string_view text, const std::string& file_name);
[[nodiscard]] regimen::RuleTable read_rules(std::string_view text, const std::string& file_name);

/// The text and display name of one catalogue file (for readers of other data files, e.g.
/// data/transport.toml and data/response.toml).
struct CatalogueText {
  std::string name;
  std::string text;
};
[[nodiscard]] CatalogueText catalogue_text(const std::optional<std::filesystem::path>& directory,
                                           std::string_view file_name);

}  // namespace dermasim::io
