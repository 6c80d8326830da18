#include "population/population_summary.hpp"

#include <fmt/format.h>

#include "core/error.hpp"
#include "plan/evaluation.hpp"
#include "simulate/concern_outcome.hpp"

namespace dermasim::population {

namespace {

template <class Figure>
OutputSamples samples_of(std::string name, OutputKind kind, const std::vector<PersonOutcome>& people, Figure figure) {
  OutputSamples samples{std::move(name), kind, {}};
  samples.values.reserve(people.size());
  for (const auto& person : people) samples.values.push_back(static_cast<double>(figure(person.outcomes)));
  return samples;
}

double share(const std::vector<PersonOutcome>& people, auto predicate) {
  double count = 0.0;
  for (const auto& person : people) count += predicate(person) ? 1.0 : 0.0;
  return count / static_cast<double>(people.size());
}

/// The design's columns restricted to the people whose model ran, matching run.people.
std::vector<std::vector<double>> simulated_columns(const PopulationRun& run) {
  if (run.failures.empty()) return run.design.columns;
  std::vector<std::vector<double>> columns;
  columns.reserve(run.design.columns.size());
  for (const auto& column : run.design.columns) {
    auto& kept = columns.emplace_back();
    kept.reserve(run.person_ids.size());
    for (const int person : run.person_ids) kept.push_back(column[static_cast<std::size_t>(person)]);
  }
  return columns;
}

}  // namespace

std::vector<OutputSamples> output_samples(const regimen::Person& person, const std::vector<PersonOutcome>& people) {
  using O = response::ResponseOutcomes;
  const auto outcome = OutputKind::outcome;
  const auto safety = OutputKind::safety;
  std::vector<OutputSamples> outputs;
  outputs.push_back(
      samples_of("collagen_change_percent", outcome, people, [](const O& o) { return o.collagen_change_percent; }));
  for (const auto concern : person.concerns)
    outputs.push_back(
        samples_of(fmt::format("{}_improvement_percent", regimen::concern_names.name(concern)), outcome, people,
                   [concern](const O& o) { return simulate::improvement_of(concern, o.improvement_percent); }));
  outputs.push_back(samples_of("peak_erythema", safety, people, [](const O& o) { return o.peak_erythema; }));
  outputs.push_back(samples_of("days_erythema_ge_1", safety, people, [](const O& o) { return o.days_erythema_ge_1; }));
  outputs.push_back(samples_of("days_erythema_ge_2", safety, people, [](const O& o) { return o.days_erythema_ge_2; }));
  outputs.push_back(samples_of("peak_irritation", safety, people, [](const O& o) { return o.peak_irritation; }));
  outputs.push_back(samples_of("pih_risk", safety, people, [](const O& o) { return o.pih_risk; }));
  return outputs;
}

AdverseEventProbabilities adverse_event_probabilities(const std::vector<PersonOutcome>& people) {
  expects(!people.empty(), "adverse_event_probabilities: no people");
  double pih_sum = 0.0;
  for (const auto& person : people) pih_sum += person.outcomes.pih_risk;
  return {share(people, [](const PersonOutcome& p) { return p.outcomes.peak_erythema >= 3.0; }),
          share(people, [](const PersonOutcome& p) { return p.longest_redness_days > 3; }),
          pih_sum / static_cast<double>(people.size()),
          share(people, [](const PersonOutcome& p) { return p.outcomes.peak_irritation >= 2.0; })};
}

PopulationSummary summarize_population(const regimen::Person& person, const PopulationRun& run) {
  expects(!run.people.empty(), "summarize_population: no people");
  PopulationSummary summary;
  summary.n_people = run.design.n_people;
  summary.seed = run.design.seed;
  summary.n_simulated = static_cast<int>(run.people.size());
  summary.failures = run.failures;
  summary.adverse_events = adverse_event_probabilities(run.people);
  summary.parameters = run.design.parameters;
  const auto names = run.design.names();
  summary.not_sampled = run.not_sampled;
  const auto columns = simulated_columns(run);
  for (const auto& output : output_samples(person, run.people)) {
    auto& list = output.kind == OutputKind::outcome ? summary.outcomes : summary.safety;
    list.push_back({output.name, summarize(output.values)});
    if (run.people.size() >= 2)  // both measures need a spread; one person has none
      summary.sensitivity.push_back({output.name, rank_sensitivity(names, columns, output.values)});
  }
  return summary;
}

}  // namespace dermasim::population
