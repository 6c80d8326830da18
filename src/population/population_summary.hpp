#pragma once
// What a population run tells a user (docs/population.md; docs/file-formats.md population.json):
// percentiles and mean of each outcome and safety figure, the probability of each adverse event,
// and which sampled parameters drive each figure (rank_sensitivity.hpp: first-order Sobol index
// from the given samples, with Spearman's rank correlation for the direction).

#include <cstdint>
#include <string>
#include <vector>

#include "population/percentile_summary.hpp"
#include "population/population_run.hpp"
#include "population/rank_sensitivity.hpp"
#include "regimen/person.hpp"

namespace dermasim::population {

enum class OutputKind { outcome, safety };

/// One figure's samples, one per person, under the name summary.json gives it.
struct OutputSamples {
  std::string name;
  OutputKind kind = OutputKind::outcome;
  std::vector<double> values;
};

/// collagen_change_percent and <concern>_improvement_percent for the person's concerns, then
/// peak_erythema, days_erythema_ge_1, days_erythema_ge_2, peak_irritation, pih_risk.
[[nodiscard]] std::vector<OutputSamples> output_samples(const regimen::Person& person,
                                                        const std::vector<PersonOutcome>& people);

struct AdverseEventProbabilities {
  double peak_erythema_ge_3 = 0.0;   // share of people whose peak erythema is >= 3
  double redness_gt_3_days = 0.0;    // share whose visible redness (erythema >= 1) lasts > 3 days in a row
  double pih = 0.0;                  // mean risk of visible post-inflammatory hyperpigmentation
  double retinoid_dermatitis = 0.0;  // share whose peak irritation is >= 2 (moderate)
};

/// @pre !people.empty().
[[nodiscard]] AdverseEventProbabilities adverse_event_probabilities(const std::vector<PersonOutcome>& people);

struct NamedSummary {
  std::string name;
  PercentileSummary summary;
};

struct OutputSensitivity {
  std::string output;
  std::vector<SensitivityEntry> ranking;  // largest first-order index first
};

struct PopulationSummary {
  int n_people = 0;  // the population sampled
  std::uint64_t seed = 1;
  int n_simulated = 0;                  // the people whose model ran: every figure is over them
  std::vector<PersonFailure> failures;  // the others
  std::vector<NamedSummary> outcomes;
  std::vector<NamedSummary> safety;
  AdverseEventProbabilities adverse_events;
  std::vector<OutputSensitivity> sensitivity;  // one per output, in output order
  std::vector<SampledParameter> parameters;    // the sampled parameters
  std::vector<std::string> not_sampled;
};

/// @pre run.people not empty.
[[nodiscard]] PopulationSummary summarize_population(const regimen::Person& person, const PopulationRun& run);

}  // namespace dermasim::population
