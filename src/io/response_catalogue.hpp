#pragma once
// Reads data/response.toml (docs/model-response.md) into ResponseParameters through the response
// layer's own field table, so that the file, the struct and the population's sampling agree
// on every name, unit and allowed range.

#include <filesystem>
#include <optional>

#include "core/provenance.hpp"
#include "response/response_parameters.hpp"

namespace dermasim::io {

struct ResponseCatalogue {
  response::ResponseParameters parameters;
  ParameterRanges ranges;  // by file key, in file units
};

/// Postcondition: every field of response::response_parameter_fields() was read, in range.
[[nodiscard]] ResponseCatalogue load_response_catalogue(const std::optional<std::filesystem::path>& directory);

}  // namespace dermasim::io
