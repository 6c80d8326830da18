#pragma once
// Reads data/transport.toml (docs/transport.md): the transport-model parameters that are not
// properties of a compound, site, device or vehicle (pH, SC composition, channel closure,
// clearance, metabolism, the T4 calibration), through the transport layer's field table, so
// that the file, the struct and the population's sampling agree on every name and unit.

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

#include "core/provenance.hpp"
#include "transport/transport_parameters.hpp"

namespace dermasim::io {

struct TransportCatalogue {
  transport::TransportParameters parameters;
  ParameterRanges ranges;  // by "section.key", in file units
};

/// Reads transport.toml from its text; `file_name` is how errors name it.
/// Postcondition: every field of transport::transport_parameter_fields() was read, in range.
[[nodiscard]] TransportCatalogue read_transport_catalogue(std::string_view text, const std::string& file_name);
/// Reads transport.toml from `directory` when present there, else the built-in copy.
[[nodiscard]] TransportCatalogue load_transport_catalogue(const std::optional<std::filesystem::path>& directory);

}  // namespace dermasim::io
