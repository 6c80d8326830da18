#include "simulate/outcome_figures.hpp"

#include <algorithm>
#include <cmath>

#include <fmt/format.h>

#include "core/error.hpp"
#include "simulate/concern_outcome.hpp"

namespace dermasim::simulate {

std::vector<NamedFigure> outcome_figures(const regimen::Person& person, const response::ResponseOutcomes& outcomes) {
  std::vector<NamedFigure> figures = {{"collagen_change_percent", outcomes.collagen_change_percent}};
  for (const auto concern : person.concerns)
    figures.push_back({fmt::format("{}_improvement_percent", regimen::concern_names.name(concern)),
                       improvement_of(concern, outcomes.improvement_percent)});
  figures.push_back({"peak_erythema", outcomes.peak_erythema});
  figures.push_back({"days_erythema_ge_1", static_cast<double>(outcomes.days_erythema_ge_1)});
  figures.push_back({"days_erythema_ge_2", static_cast<double>(outcomes.days_erythema_ge_2)});
  figures.push_back({"peak_irritation", outcomes.peak_irritation});
  figures.push_back({"pih_risk", outcomes.pih_risk});
  return figures;
}

std::map<std::string, double> relative_differences(const std::vector<NamedFigure>& a,
                                                   const std::vector<NamedFigure>& b) {
  expects(a.size() == b.size(), "relative_differences: figures of different people");
  std::map<std::string, double> differences;
  for (std::size_t index = 0; index < a.size(); ++index) {
    expects(a[index].name == b[index].name, "relative_differences: figures in different orders");
    const double scale = std::max({std::fabs(a[index].value), std::fabs(b[index].value), 1e-9});
    differences[a[index].name] = std::round(1e4 * std::fabs(a[index].value - b[index].value) / scale) / 1e4;
  }
  return differences;
}

}  // namespace dermasim::simulate
