#pragma once
// The sampled values of a virtual population (docs/population.md): one Latin hypercube column per
// dimension, mapped into the dimension's range. A dimension's column depends only on the
// seed, the population size and the dimension's name, so the same person keeps the same
// value of a parameter across regimens that sample different sets (common random numbers).

#include <cstdint>
#include <string>
#include <vector>

#include "population/parameter_space.hpp"

namespace dermasim::population {

/// A dimension as reports show it.
struct SampledParameter {
  std::string name;
  double nominal = 0.0;
  Range range;
  Scale scale = Scale::linear;
};

struct PopulationDesign {
  int n_people = 0;
  std::uint64_t seed = 1;
  std::vector<SampledParameter> parameters;  // one per dimension
  std::vector<std::vector<double>> columns;  // columns[dimension][person], file units

  /// The parameters' names, in dimension order.
  [[nodiscard]] std::vector<std::string> names() const;

  /// One person's values in dimension order. @pre 0 <= person < n_people.
  [[nodiscard]] std::vector<double> person(int person) const;
};

/// Samples `n_people` people over `dimensions`. @pre 1 <= n_people <= max_people.
[[nodiscard]] PopulationDesign design_population(const std::vector<Dimension>& dimensions, int n_people,
                                                 std::uint64_t seed);

/// Sets person `person`'s sample into `inputs` (every dimension, so `inputs` may be reused).
/// @pre design made from `dimensions`.
void apply_person(const PopulationDesign& design, const std::vector<Dimension>& dimensions, int person,
                  PersonInputs& inputs);

}  // namespace dermasim::population
