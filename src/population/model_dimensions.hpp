#pragma once
// Which catalogue numbers a virtual population samples for one regimen (docs/population.md): every
// number with a range that the regimen's simulation reads — the person's site, the retinoids
// applied and their vehicles, the devices used, data/transport.toml and data/response.toml
// (for the person's own sensitivity class, Fitzpatrick type and concerns).

#include <map>
#include <string>
#include <vector>

#include "core/provenance.hpp"
#include "population/parameter_space.hpp"

namespace dermasim::population {

using ParameterTable = std::map<std::string, Parameter, std::less<>>;

/// The model data a population is drawn from, as app/ loads it through io/.
struct ModelData {
  regimen::Catalogue catalogue;
  simulate::ModelParameters parameters;
  ParameterTable transport_entries;  // "section.key" in file units (data/transport.toml)
  ParameterTable response_entries;   // file key in file units (data/response.toml)
};

struct ModelDimensions {
  std::vector<Dimension> dimensions;     // in a fixed order: site, actives, vehicles, devices, transport, response
  std::vector<std::string> not_sampled;  // ranged entries this table cannot set yet (reported, never silent)
};

/// The dimensions of `regimen`'s population. Numbers the simulation or the reported figures
/// never read (an unused device's density, a potency the response replaces by
/// retinol_potency_ratio, defaults the scenario overrode, score coefficients of concerns the
/// person does not have) are left out: sampling them would only add noise to the rankings. A vehicle's
/// default_amount_mg_per_cm2 is sampled where a retinoid product took the default amount:
/// how much a person applies is a personal trait.
[[nodiscard]] ModelDimensions model_dimensions(const regimen::Regimen& regimen, const ModelData& data);

}  // namespace dermasim::population
