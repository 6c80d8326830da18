// From people's outcomes to the population's figures, model-free: output names, adverse
// events, percentiles and the sensitivity ranking of a constructed run.

#include "population/population_summary.hpp"

#include <gtest/gtest.h>

namespace dermasim::population {
namespace {

PersonOutcome person(double peak_erythema, int longest_redness_days, double peak_irritation, double pih_risk) {
  PersonOutcome outcome;
  outcome.outcomes.peak_erythema = peak_erythema;
  outcome.outcomes.peak_irritation = peak_irritation;
  outcome.outcomes.pih_risk = pih_risk;
  outcome.longest_redness_days = longest_redness_days;
  return outcome;
}

TEST(PopulationSummary, GivesTheShareOfPeopleWithEachAdverseEvent) {
  const std::vector<PersonOutcome> people{person(3.0, 4, 2.0, 0.1), person(2.9, 3, 1.9, 0.3), person(3.5, 1, 0.5, 0.0),
                                          person(0.5, 0, 2.5, 0.2)};

  const auto events = adverse_event_probabilities(people);

  EXPECT_NEAR(events.peak_erythema_ge_3, 0.50, 1e-12);  // 3.0 counts: "3 or more"
  EXPECT_NEAR(events.redness_gt_3_days, 0.25, 1e-12);   // 3 days does not: "more than 3"
  EXPECT_NEAR(events.pih, 0.15, 1e-12);                 // the mean risk
  EXPECT_NEAR(events.retinoid_dermatitis, 0.50, 1e-12);
}

TEST(PopulationSummary, NamesOutcomesAsTheSimulationSummaryDoesForThePersonsConcerns) {
  regimen::Person someone;
  someone.concerns = {regimen::Concern::acne_scars, regimen::Concern::texture};
  PersonOutcome outcome;
  outcome.outcomes.improvement_percent.texture = 12.5;

  const auto outputs = output_samples(someone, {outcome});

  std::vector<std::string> names;
  for (const auto& output : outputs) names.push_back(output.name);
  EXPECT_EQ(names, (std::vector<std::string>{"collagen_change_percent", "acne_scars_improvement_percent",
                                             "texture_improvement_percent", "peak_erythema", "days_erythema_ge_1",
                                             "days_erythema_ge_2", "peak_irritation", "pih_risk"}));
  EXPECT_DOUBLE_EQ(outputs[2].values.front(), 12.5);
  EXPECT_EQ(outputs[3].kind, OutputKind::safety);
}

TEST(PopulationSummary, SummarizesAndRanksAConstructedRun) {
  // Peak erythema rises with "a" and ignores "b"; collagen falls with "b".
  PopulationRun run;
  run.design.n_people = 5;
  run.design.seed = 9;
  run.design.parameters = {{"a", 0.0, {0.0, 1.0}, Scale::linear}, {"b", 0.0, {0.0, 1.0}, Scale::linear}};
  run.design.columns = {{0.1, 0.5, 0.3, 0.9, 0.7}, {0.2, 0.4, 0.8, 0.6, 0.1}};
  for (int index = 0; index < 5; ++index) {
    PersonOutcome outcome;
    outcome.outcomes.peak_erythema = 4.0 * run.design.columns[0][static_cast<std::size_t>(index)];
    outcome.outcomes.collagen_change_percent = -10.0 * run.design.columns[1][static_cast<std::size_t>(index)];
    run.people.push_back(outcome);
  }

  const auto summary = summarize_population(regimen::Person{}, run);

  EXPECT_EQ(summary.n_people, 5);
  EXPECT_EQ(summary.seed, 9U);
  ASSERT_EQ(summary.outcomes.size(), 1U);
  EXPECT_EQ(summary.outcomes[0].name, "collagen_change_percent");
  EXPECT_EQ(summary.safety[0].name, "peak_erythema");
  EXPECT_NEAR(summary.safety[0].summary.p50, 2.0, 1e-12);
  EXPECT_NEAR(summary.adverse_events.peak_erythema_ge_3, 0.2, 1e-12);  // only 4 × 0.9
  ASSERT_EQ(summary.sensitivity.size(), 6U);
  EXPECT_EQ(summary.sensitivity[0].output, "collagen_change_percent");
  const auto& collagen_driver = summary.sensitivity[0].ranking[0];
  EXPECT_EQ(collagen_driver.parameter, "b");
  // 5 people in 2 bins of b, {0.1, 0.2} and {0.4, 0.6, 0.8}: SS_within = 0.5 + 8 of SS_total = 32.8.
  EXPECT_NEAR(collagen_driver.index, 1.0 - (8.5 / 3.0) / (32.8 / 4.0), 1e-12);
  EXPECT_NEAR(collagen_driver.rank_correlation, -1.0, 1e-12);  // collagen falls as b rises
  EXPECT_EQ(summary.sensitivity[1].ranking[0].parameter, "a");
}

}  // namespace
}  // namespace dermasim::population
