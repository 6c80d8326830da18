#pragma once
// A regimen judged over a virtual population rather than the median person (docs/population.md,
// docs/file-formats.md `plan --robust P`): the same people (seed, size) for every candidate
// regimen, and the samples of any objective or the robust view of the outcomes for the planner.
// app/ wraps it into a plan::Evaluator, so plan never includes population (docs/architecture.md).

#include <functional>
#include <vector>

#include "population/population_run.hpp"

namespace dermasim::population {

class PopulationEvaluator {
 public:
  /// `options.threads` threads per regimen (1 when the planner already runs candidates in
  /// parallel). @pre options as for run_population.
  PopulationEvaluator(ModelData data, PopulationOptions options);

  /// Every person's outcome for `regimen`, in person order. Safe to call concurrently.
  [[nodiscard]] std::vector<PersonOutcome> outcomes(const regimen::Regimen& regimen) const;

  /// objective(person's outcomes) for every person, in person order.
  [[nodiscard]] std::vector<double> objective_samples(
      const regimen::Regimen& regimen, const std::function<double(const response::ResponseOutcomes&)>& objective) const;

  [[nodiscard]] const PopulationOptions& options() const { return options_; }

 private:
  ModelData data_;
  PopulationOptions options_;
};

/// The robust view at `percent` P: each improvement and the collagen change at their
/// (100 − P)th percentile (a benefit most people reach), each safety figure at its Pth
/// percentile (a harm few exceed). per_session is left empty. @pre !people.empty(), 0 <= P <= 100.
[[nodiscard]] response::ResponseOutcomes robust_outcomes(const std::vector<PersonOutcome>& people, double percent);

}  // namespace dermasim::population
