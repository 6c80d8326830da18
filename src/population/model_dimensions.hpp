#pragma once
// Which catalogue numbers a virtual population samples for one regimen (docs/population.md): every
// number with a range that the regimen's simulation reads — the person's site, the retinoids
// applied and their vehicles, the devices used, and every field of the transport and response
// parameter tables that the run reads (each table says which part of a run reads a field:
// the person's own sensitivity class, Fitzpatrick type and concerns, sessions, retinol).

#include <string>
#include <vector>

#include "core/provenance.hpp"
#include "population/parameter_space.hpp"

namespace dermasim::population {

/// The model data a population is drawn from, as app/ loads it through io/: the values are
/// the parameters themselves; the data files add the ranges, which the parameter tables of
/// transport and response turn into dimensions.
struct ModelData {
  regimen::Catalogue catalogue;
  simulate::ModelParameters parameters;
  ParameterRanges transport_ranges;  // "section.key" in file units (data/transport.toml)
  ParameterRanges response_ranges;   // file key in file units (data/response.toml)
};

struct ModelDimensions {
  std::vector<Dimension> dimensions;     // in a fixed order: site, actives, vehicles, devices, transport, response
  std::vector<std::string> not_sampled;  // ranges that name no parameter of their table (reported, never silent)
};

/// The dimensions of `regimen`'s population. Numbers the simulation or the reported figures
/// never read (an unused device's density, a potency the response replaces by
/// retinol_potency_ratio, defaults the scenario overrode, score coefficients of concerns the
/// person does not have) are left out: sampling them would only add noise to the rankings. A vehicle's
/// default_amount_mg_per_cm2 is sampled where a retinoid product took the default amount:
/// how much a person applies is a personal trait.
[[nodiscard]] ModelDimensions model_dimensions(const regimen::Regimen& regimen, const ModelData& data);

}  // namespace dermasim::population
