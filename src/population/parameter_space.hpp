#pragma once
// The sampled dimensions of a virtual population (docs/population.md): each dimension is one
// catalogue number that carries a range, the rule that maps a unit coordinate into that
// range, and how a sampled value is set into one person's model inputs.

#include <functional>
#include <string>
#include <vector>

#include "core/provenance.hpp"
#include "regimen/catalogue.hpp"
#include "regimen/regimen.hpp"
#include "simulate/regimen_simulation.hpp"

namespace dermasim::population {

/// Everything one simulated person runs with: the regimen (product amounts may be a trait),
/// the catalogue and the model parameters. Each person's copy is set from the base and the
/// person's sample.
struct PersonInputs {
  regimen::Regimen regimen;
  regimen::Catalogue catalogue;
  simulate::ModelParameters parameters;
};

/// Uniform in the range, or uniform in its logarithm when the range is positive and spans a
/// factor of 10 or more (a multiplicative uncertainty, e.g. channel density 100–1500 /cm²).
enum class Scale { linear, logarithmic };

struct Dimension {
  std::string name;      // e.g. "response.inflammation_half_life_h" or "site.cheek.dermis_um"
  double nominal = 0.0;  // the catalogue value, file units
  Range range;           // file units; low <= high
  Scale scale = Scale::linear;
  std::function<void(PersonInputs&, double)> set;  // sets the value (file units)
};

/// The scale a range is sampled on (see Scale).
[[nodiscard]] Scale scale_for(const Range& range);

/// The value at unit coordinate `unit` ∈ (0, 1): low + unit·(high − low), or its geometric
/// counterpart on a logarithmic scale. @pre 0 <= unit <= 1. @post within the range.
[[nodiscard]] double value_at(const Dimension& dimension, double unit);

}  // namespace dermasim::population
