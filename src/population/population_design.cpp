#include "population/population_design.hpp"

#include "core/error.hpp"
#include "population/latin_hypercube.hpp"

namespace dermasim::population {

std::vector<double> PopulationDesign::person(int person) const {
  expects(person >= 0 && person < n_people, "PopulationDesign::person: no such person");
  std::vector<double> values;
  values.reserve(columns.size());
  for (const auto& column : columns) values.push_back(column[static_cast<std::size_t>(person)]);
  return values;
}

std::vector<std::string> PopulationDesign::names() const {
  std::vector<std::string> names;
  for (const auto& parameter : parameters) names.push_back(parameter.name);
  return names;
}

PopulationDesign design_population(const std::vector<Dimension>& dimensions, int n_people, std::uint64_t seed) {
  PopulationDesign design{n_people, seed, {}, {}};
  for (const auto& dimension : dimensions) {
    auto column = latin_hypercube_column(n_people, seed, stream_of(dimension.name));
    for (double& value : column) value = value_at(dimension, value);
    design.parameters.push_back({dimension.name, dimension.nominal, dimension.range, dimension.scale});
    design.columns.push_back(std::move(column));
  }
  return design;
}

void apply_person(const PopulationDesign& design, const std::vector<Dimension>& dimensions, int person,
                  PersonInputs& inputs) {
  expects(design.columns.size() == dimensions.size(), "apply_person: the design has other dimensions");
  expects(person >= 0 && person < design.n_people, "apply_person: no such person");
  for (std::size_t index = 0; index < dimensions.size(); ++index)
    dimensions[index].set(inputs, design.columns[index][static_cast<std::size_t>(person)]);
}

}  // namespace dermasim::population
