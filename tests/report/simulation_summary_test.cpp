// The outputs of `simulate` from a hand-built result: summary.json as a whole value (rounded to
// 4 significant digits, only the person's concerns), timeseries.csv row by row, and the text.

#include "report/simulation_summary.hpp"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "json_near.hpp"
#include "report/findings_report.hpp"
#include "simulation_fixture.hpp"

namespace dermasim::report {
namespace {

using testing::two_day_regimen;
using testing::two_day_result;

// The summary's numbers are rounded by the writer; a rounded value is the double nearest to
// its printed digits, so the comparison can be tight.
constexpr double rounded_tolerance = 1e-12;

regimen::Finding resume_error() {
  return {"retinoid-resume", regimen::Severity::error, make_date(2027, 1, 15), std::nullopt, "tret",
          "wait 3 days",     "Buchanan 2016"};
}

TEST(SimulationSummary, WritesEveryFigureRoundedAndOnlyThePersonsConcerns) {
  const nlohmann::json summary =
      simulation_summary_json(two_day_regimen(), two_day_result(), {resume_error()}, /*forced=*/true);

  const nlohmann::json expected = {
      {"scenario", "Two days <with> a session"},
      {"start", "2027-01-14"},
      {"days", 2},
      {"fidelity", "full"},
      {"forced", true},
      {"outcomes", testing::two_day_outcomes_json()},
      {"safety", testing::two_day_safety_json()},
      {"per_session",
       {{{"date", "2027-01-15"},
         {"needle_mm", 1.0},
         {"peak_erythema", 2.435},
         {"days_to_erythema_below_1", 2},
         {"downtime_days", 1}}}},
      {"retinoid", {{"applications", 2}, {"applied_ng_per_cm2", 1000.0}, {"absorbed_ng_per_cm2", 12.35}}},
      {"assumptions", {"age_years not given: 40 years assumed"}},
      {"findings", findings_json({resume_error()})},
      {"notice", medical_notice}};
  EXPECT_EQ(testing::json_differences(summary, expected, rounded_tolerance), std::vector<std::string>{});
}

TEST(SimulationSummary, AGivenAgeIsNoAssumptionAndASessionThatNeverClearsHasNull) {
  auto regimen = two_day_regimen();
  regimen.person.age_years = 38;
  regimen.person.age_is_default = false;
  auto result = two_day_result();
  result.outcomes.per_session[0].days_to_erythema_below_1.reset();

  const nlohmann::json summary = simulation_summary_json(regimen, result, {}, false);

  EXPECT_EQ(summary["assumptions"], nlohmann::json::array());
  EXPECT_TRUE(summary["per_session"][0]["days_to_erythema_below_1"].is_null());
  EXPECT_EQ(summary["forced"], false);
}

TEST(SimulationSummary, TimeseriesHasTheHeaderAndOneRowADay) {
  const std::string expected =
      "date,erythema,barrier,retinoid_activation,irritation,tolerance,collagen_change_percent,"
      "pigment_index,acne_lesion_index,retinoid_ve_ng_per_cm2\n"
      "2027-01-14,0.0000,1.0000,0.2500,0.5000,0.1250,0.0000,1.0000,0.9988,0\n"
      "2027-01-15,2.4346,0.6123,0.2500,0.5000,0.1250,0.0123,1.0000,0.9988,5.5\n";

  EXPECT_EQ(timeseries_csv(two_day_result()), expected);
}

TEST(SimulationSummary, TextGivesOutcomesSafetyEachSessionAndTheNotice) {
  const std::string text = simulation_text(two_day_regimen(), two_day_result(), {resume_error()}, true);

  const std::string expected =
      "Scenario: Two days <with> a session (2 days from 2027-01-14, full fidelity)\n"
      "FORCED: this regimen has error findings; the simulation shows an unsafe regimen.\n"
      "\nOutcomes at day 2:\n"
      "  collagen change        +8.8 %\n"
      "  acne_scars improvement +13.6 %\n"
      "  fine_lines improvement +12.1 %\n"
      "\nSafety:\n"
      "  peak erythema 2.43 (0-4), 2 day(s) >= 1, 1 day(s) >= 2\n"
      "  peak irritation 1.09 (0-4), PIH risk 3 %\n"
      "  session 2027-01-15 (1 mm): peak erythema 2.43, below 1 after 2 day(s), downtime 1 day(s)\n"
      "\n1 finding(s) of the protocol check; see summary.json.\n"
      "\n" +
      std::string(medical_notice) + "\n";
  EXPECT_EQ(text, expected);
}

}  // namespace
}  // namespace dermasim::report
