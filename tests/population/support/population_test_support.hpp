#pragma once
// Shared by the population tests: the shipped catalogues as population::ModelData, and the
// short scenarios under tests/population/scenarios/ (21 days, so a run of a few dozen people
// stays fast).

#include <optional>
#include <string>

#include "io/catalogue_reader.hpp"
#include "io/response_catalogue.hpp"
#include "io/scenario_reader.hpp"
#include "io/transport_catalogue.hpp"
#include "population/model_dimensions.hpp"

namespace dermasim::population::testing {

inline ModelData shipped_model_data() {
  auto transport_catalogue = io::load_transport_catalogue(std::nullopt);
  auto response_catalogue = io::load_response_catalogue(std::nullopt);
  return {io::load_catalogue(std::nullopt),
          {transport_catalogue.parameters, response_catalogue.parameters},
          std::move(transport_catalogue.ranges),
          std::move(response_catalogue.ranges)};
}

inline regimen::Regimen scenario(const std::string& name, const regimen::Catalogue& catalogue) {
  return io::read_scenario_file(
      std::string(DERMASIM_SOURCE_DIR) + "/tests/population/scenarios/" + name + ".scenario.toml", catalogue);
}

}  // namespace dermasim::population::testing
