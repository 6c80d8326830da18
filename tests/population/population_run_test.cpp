// A population run with the real model on a short scenario: reproducible whatever the thread
// count, people in design order, the same people for the same seed.

#include "population/population_run.hpp"

#include <algorithm>

#include <gtest/gtest.h>

#include "core/error.hpp"
#include "population/population_summary.hpp"
#include "report/population_report.hpp"
#include "support/population_test_support.hpp"

namespace dermasim::population {
namespace {

class PopulationRunTest : public ::testing::Test {
 protected:
  ModelData data = testing::shipped_model_data();
  regimen::Regimen regimen = testing::scenario("short-session", data.catalogue);

  std::string population_json_text(const PopulationRun& run) const {
    const std::vector<regimen::Finding> findings;
    const report::PopulationContext context{regimen, transport::Fidelity::fast, findings, false};
    return report::population_json(context, summarize_population(regimen.person, run)).dump(2);
  }
};

TEST_F(PopulationRunTest, GivesBitIdenticalResultsOnOneAndTwoThreads) {
  const PopulationOptions one_thread{12, 7, 1, transport::Fidelity::fast};
  PopulationOptions two_threads = one_thread;
  two_threads.threads = 2;

  const auto serial = run_population(regimen, data, one_thread);
  const auto parallel = run_population(regimen, data, two_threads);

  EXPECT_EQ(population_json_text(serial), population_json_text(parallel));
  ASSERT_EQ(serial.people.size(), parallel.people.size());
  for (std::size_t person = 0; person < serial.people.size(); ++person) {
    // Exact equality is the property under test: the same inputs give the same bits.
    EXPECT_EQ(serial.people[person].outcomes.collagen_change_percent,
              parallel.people[person].outcomes.collagen_change_percent)
        << person;
    EXPECT_EQ(serial.people[person].outcomes.peak_erythema, parallel.people[person].outcomes.peak_erythema) << person;
  }
}

TEST_F(PopulationRunTest, StoresEachPersonsOutcomeUnderThatPersonsIndex) {
  const PopulationOptions options{6, 3, 2, transport::Fidelity::fast};
  const auto run = run_population(regimen, data, options);
  const auto dimensions = model_dimensions(regimen, data).dimensions;

  for (const int person : {0, 5}) {
    PersonInputs inputs{regimen, data.catalogue, data.parameters};
    apply_person(run.design, dimensions, person, inputs);
    const auto alone =
        simulate::simulate_regimen(inputs.regimen, inputs.catalogue, inputs.parameters, transport::Fidelity::fast);

    EXPECT_EQ(run.people[static_cast<std::size_t>(person)].outcomes.peak_erythema, alone.outcomes.peak_erythema);
    EXPECT_EQ(run.people[static_cast<std::size_t>(person)].longest_redness_days, longest_redness_days(alone));
  }
}

TEST_F(PopulationRunTest, SpreadsTheOutcomesOfDifferentPeople) {
  const auto run = run_population(regimen, data, {8, 1, 2, transport::Fidelity::fast});

  double lowest = run.people.front().outcomes.peak_erythema;
  double highest = lowest;
  for (const auto& person : run.people) {
    lowest = std::min(lowest, person.outcomes.peak_erythema);
    highest = std::max(highest, person.outcomes.peak_erythema);
  }
  EXPECT_GT(highest - lowest, 0.05);
}

TEST_F(PopulationRunTest, DrawsTheSamePeopleForTheSameSeedAndOthersForAnotherSeed) {
  const auto dimensions = model_dimensions(regimen, data).dimensions;

  const auto first = design_population(dimensions, 30, 1);
  const auto again = design_population(dimensions, 30, 1);
  const auto other = design_population(dimensions, 30, 2);

  EXPECT_EQ(first.columns, again.columns);
  EXPECT_NE(first.columns, other.columns);
}

TEST_F(PopulationRunTest, KeepsAParametersValuesWhenTheRegimenSamplesOtherParameters) {
  const auto sunscreen_only = testing::scenario("sunscreen-only", data.catalogue);
  const auto with_session = design_population(model_dimensions(regimen, data).dimensions, 20, 4);
  const auto without = design_population(model_dimensions(sunscreen_only, data).dimensions, 20, 4);

  const auto column = [](const PopulationDesign& design, const std::string& name) {
    const auto names = design.names();
    return design.columns[static_cast<std::size_t>(std::ranges::find(names, name) - names.begin())];
  };

  EXPECT_EQ(column(with_session, "response.irritation_gain"), column(without, "response.irritation_gain"));
}

TEST(LongestRedness, CountsTheLongestRunOfDaysWithErythemaOfOneOrMore) {
  simulate::SimulationResult result;
  for (const double erythema : {0.2, 1.0, 1.5, 0.9, 1.2, 2.0, 1.1, 1.0, 0.5}) {
    simulate::DailyRecord day;
    day.response.erythema = erythema;
    result.days.push_back(day);
  }

  EXPECT_EQ(longest_redness_days(result), 4);
}

TEST_F(PopulationRunTest, ReportsThePeopleWhoseModelFailsAndSummarizesTheOthers) {
  // A site whose stratum corneum may be thinner than nothing: the people drawn below zero have
  // no valid skin model, the others do.
  for (auto& site : data.catalogue.sites) site.stratum_corneum_um.range = Range{-20.0, 20.0};
  const PopulationOptions options{10, 1, 2, transport::Fidelity::fast};

  const auto run = run_population(regimen, data, options);
  const auto summary = summarize_population(regimen.person, run);

  ASSERT_FALSE(run.failures.empty());
  ASSERT_FALSE(run.people.empty());
  EXPECT_EQ(run.people.size() + run.failures.size(), 10U);
  EXPECT_EQ(run.person_ids.size(), run.people.size());
  for (const auto& failure : run.failures) {
    EXPECT_FALSE(failure.reason.empty()) << failure.person;
    EXPECT_EQ(std::ranges::count(run.person_ids, failure.person), 0) << failure.person;
    EXPECT_LT(run.design.columns[0][static_cast<std::size_t>(failure.person)], 0.0) << failure.person;
  }
  EXPECT_EQ(summary.n_people, 10);
  EXPECT_EQ(summary.n_simulated, static_cast<int>(run.people.size()));
  EXPECT_EQ(summary.failures.size(), run.failures.size());
}

TEST_F(PopulationRunTest, FailsWhenTheModelFailsForEveryPerson) {
  for (auto& site : data.catalogue.sites) site.stratum_corneum_um.range = Range{-20.0, -10.0};

  EXPECT_THROW((void)run_population(regimen, data, PopulationOptions{4, 1, 2, transport::Fidelity::fast}), SolverError);
}

}  // namespace
}  // namespace dermasim::population
