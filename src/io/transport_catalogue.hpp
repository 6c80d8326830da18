#pragma once
// Reads data/transport.toml (docs/transport.md): the transport-model parameters that are not
// properties of a compound, site, device or vehicle (pH, SC composition, channel closure,
// clearance, metabolism, the T4 calibration).

#include <filesystem>
#include <map>
#include <optional>
#include <string>

#include "core/provenance.hpp"
#include "transport/skin_model_builder.hpp"

namespace dermasim::io {

struct TransportCatalogue {
  transport::TransportParameters parameters;
  std::map<std::string, Parameter, std::less<>> entries;  // "section.key", in file units
};

[[nodiscard]] TransportCatalogue load_transport_catalogue(const std::optional<std::filesystem::path>& directory);

}  // namespace dermasim::io
