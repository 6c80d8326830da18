#include "population/population_evaluator.hpp"

#include <cmath>
#include <utility>

#include "core/error.hpp"
#include "population/percentile_summary.hpp"

namespace dermasim::population {

PopulationEvaluator::PopulationEvaluator(ModelData data, PopulationOptions options)
    : data_(std::move(data)), options_(options) {
  expects(options_.n_people >= 1 && options_.threads >= 1, "PopulationEvaluator: needs people and threads");
}

std::vector<PersonOutcome> PopulationEvaluator::outcomes(const regimen::Regimen& regimen) const {
  return run_population(regimen, data_, options_).people;
}

std::vector<double> PopulationEvaluator::objective_samples(
    const regimen::Regimen& regimen, const std::function<double(const response::ResponseOutcomes&)>& objective) const {
  std::vector<double> samples;
  for (const auto& person : outcomes(regimen)) samples.push_back(objective(person.outcomes));
  return samples;
}

response::ResponseOutcomes robust_outcomes(const std::vector<PersonOutcome>& people, double percent) {
  expects(!people.empty() && percent >= 0.0 && percent <= 100.0,
          "robust_outcomes: needs people and 0 <= percent <= 100");
  auto at = [&](auto figure, double p) {
    std::vector<double> values;
    values.reserve(people.size());
    for (const auto& person : people) values.push_back(static_cast<double>(figure(person.outcomes)));
    return percentile(values, p);
  };
  const double benefit = 100.0 - percent;
  using O = response::ResponseOutcomes;
  O robust;
  robust.collagen_change_percent = at([](const O& o) { return o.collagen_change_percent; }, benefit);
  robust.improvement_percent = {at([](const O& o) { return o.improvement_percent.acne_scars; }, benefit),
                                at([](const O& o) { return o.improvement_percent.fine_lines; }, benefit),
                                at([](const O& o) { return o.improvement_percent.hyperpigmentation; }, benefit),
                                at([](const O& o) { return o.improvement_percent.texture; }, benefit),
                                at([](const O& o) { return o.improvement_percent.enlarged_pores; }, benefit),
                                at([](const O& o) { return o.improvement_percent.acne; }, benefit)};
  robust.peak_erythema = at([](const O& o) { return o.peak_erythema; }, percent);
  // Day counts: the smallest whole number of days not below the percentile.
  robust.days_erythema_ge_1 = static_cast<int>(std::ceil(at([](const O& o) { return o.days_erythema_ge_1; }, percent)));
  robust.days_erythema_ge_2 = static_cast<int>(std::ceil(at([](const O& o) { return o.days_erythema_ge_2; }, percent)));
  robust.peak_irritation = at([](const O& o) { return o.peak_irritation; }, percent);
  robust.pih_risk = at([](const O& o) { return o.pih_risk; }, percent);
  return robust;
}

}  // namespace dermasim::population
