#pragma once
// Reads data/response.toml (docs/model-response.md) into ResponseParameters through the response
// layer's own field table, so that the file, the struct and the population's sampling agree
// on every name, unit and allowed range.

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

#include "core/provenance.hpp"
#include "response/response_parameters.hpp"

namespace dermasim::io {

struct ResponseCatalogue {
  response::ResponseParameters parameters;
  ParameterRanges ranges;  // by file key, in file units
};

/// Reads response.toml from its text; `file_name` is how errors name it.
/// Postcondition: every field of response::response_parameter_fields() was read, in range.
[[nodiscard]] ResponseCatalogue read_response_catalogue(std::string_view text, const std::string& file_name);
/// Reads response.toml from `directory` when present there, else the built-in copy.
[[nodiscard]] ResponseCatalogue load_response_catalogue(const std::optional<std::filesystem::path>& directory);

}  // namespace dermasim::io
