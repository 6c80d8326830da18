#pragma once
// Loads the data/ catalogues (actives, vehicles, devices, sites, rules) into a typed
// Catalogue. Each file comes from `data_directory` when given and present there, otherwise
// from the copy embedded at build time; errors name the file, line and column.

#include <filesystem>
#include <optional>

#include "regimen/catalogue.hpp"

namespace dermasim::io {

/// The data directory to read edited catalogues from: `--data DIR` if given, else the
/// DERMASIM_DATA environment variable, else none (embedded catalogues only).
[[nodiscard]] std::optional<std::filesystem::path> data_directory(
    const std::optional<std::filesystem::path>& from_command_line);

/// Postcondition: every Vehicle and Device enumerator has an entry and every rule of
/// regimen::rule_schemas() is present with its numbers and lists.
[[nodiscard]] regimen::Catalogue load_catalogue(const std::optional<std::filesystem::path>& directory);

/// Which catalogue files in `directory` differ from the built-in ones (regimen::CatalogueOrigin).
[[nodiscard]] regimen::CatalogueOrigin catalogue_origin(const std::optional<std::filesystem::path>& directory);

/// The text and display name of one catalogue file (for readers of other data files, e.g.
/// data/transport.toml and data/response.toml).
struct CatalogueText {
  std::string name;
  std::string text;
};
[[nodiscard]] CatalogueText catalogue_text(const std::optional<std::filesystem::path>& directory,
                                           std::string_view file_name);

}  // namespace dermasim::io
