// The population evaluator for `plan --robust`: the robust view of a population's outcomes
// (model-free), and objective samples in person order (real model, short scenario).

#include "population/population_evaluator.hpp"

#include <gtest/gtest.h>

#include "support/population_test_support.hpp"

namespace dermasim::population {
namespace {

TEST(PopulationEvaluator, JudgesBenefitsAtTheLowPercentileAndHarmsAtTheHighOne) {
  std::vector<PersonOutcome> people;
  for (int index = 0; index <= 100; ++index) {  // 0 … 100: the p-th percentile is p
    PersonOutcome person;
    person.outcomes.collagen_change_percent = index;
    person.outcomes.improvement_percent.acne_scars = 2.0 * index;
    person.outcomes.peak_erythema = 0.04 * index;
    person.outcomes.days_erythema_ge_1 = index / 10;
    people.push_back(person);
  }

  const auto robust = robust_outcomes(people, 90.0);

  EXPECT_NEAR(robust.collagen_change_percent, 10.0, 1e-9);
  EXPECT_NEAR(robust.improvement_percent.acne_scars, 20.0, 1e-9);
  EXPECT_NEAR(robust.peak_erythema, 3.6, 1e-9);
  EXPECT_EQ(robust.days_erythema_ge_1, 9);
}

TEST(PopulationEvaluator, GivesOneObjectiveSamplePerPersonInPersonOrder) {
  auto data = testing::shipped_model_data();
  const auto regimen = testing::scenario("short-session", data.catalogue);
  const PopulationOptions options{5, 1, 2, transport::Fidelity::fast};
  const auto direct = run_population(regimen, data, options);
  const PopulationEvaluator evaluator(std::move(data), options);

  const auto samples =
      evaluator.objective_samples(regimen, [](const response::ResponseOutcomes& o) { return o.peak_erythema; });

  ASSERT_EQ(samples.size(), 5U);
  for (std::size_t person = 0; person < samples.size(); ++person)
    EXPECT_EQ(samples[person], direct.people[person].outcomes.peak_erythema) << person;  // same inputs, same bits
}

}  // namespace
}  // namespace dermasim::population
