// The outputs of `population` from a hand-built summary: population.json as a whole value
// (percentiles rounded to 4 significant digits, sensitivities to 3), and the terminal text.

#include "report/population_report.hpp"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "json_near.hpp"
#include "report/findings_report.hpp"
#include "simulation_fixture.hpp"

namespace dermasim::report {
namespace {

// Rounded values are the doubles nearest to their printed digits.
constexpr double rounded_tolerance = 1e-12;

population::PopulationSummary two_figure_summary() {
  population::PopulationSummary summary;
  summary.n_people = 20;
  summary.seed = 7;
  summary.n_simulated = 20;
  summary.outcomes = {{"collagen_change_percent", {1.76321, 4.16149, 10.6712, 12.2911, 23.1438, 10.5617}}};
  summary.safety = {{"peak_erythema", {0.941234, 1.82712, 2.22149, 2.81449, 4.0, 2.34912}}};
  summary.adverse_events = {0.25, 0.6, 0.0728649, 0.4};
  summary.sensitivity = {
      {"peak_erythema",
       {{"device.pen.depth_fraction", 0.44321, 0.71049}, {"response.irritation_gain", 0.0412, -0.0030149}}}};
  summary.parameters = {{"site.cheek.dermis_um", 1100.0, {800.0, 1400.0}, population::Scale::linear},
                        {"response.irritation_gain", 0.5, {0.1, 2.5}, population::Scale::logarithmic}};
  summary.not_sampled = {"vehicle.gel.density_g_per_cm3"};
  return summary;
}

TEST(PopulationReport, JsonHoldsEverySummaryRoundedWithTheRunAndTheRegimen) {
  const auto regimen = testing::two_day_regimen();
  const std::vector<regimen::Finding> findings;
  const PopulationContext context{regimen, transport::Fidelity::fast, findings, false};

  nlohmann::json actual = population_json(context, two_figure_summary());

  ASSERT_TRUE(actual["sensitivity_method"].is_string());
  EXPECT_NE(actual["sensitivity_method"].get<std::string>().find("first-order Sobol index"), std::string::npos);
  actual.erase("sensitivity_method");
  const nlohmann::json expected = {
      {"scenario", "Two days <with> a session"},
      {"start", "2027-01-14"},
      {"days", 2},
      {"fidelity", "fast"},
      {"forced", false},
      {"n", 20},
      {"seed", 7},
      {"n_simulated", 20},
      {"failures", nlohmann::json::array()},
      {"outcomes",
       {{"collagen_change_percent",
         {{"p5", 1.763}, {"p25", 4.161}, {"p50", 10.67}, {"p75", 12.29}, {"p95", 23.14}, {"mean", 10.56}}}}},
      {"safety",
       {{"peak_erythema",
         {{"p5", 0.9412}, {"p25", 1.827}, {"p50", 2.221}, {"p75", 2.814}, {"p95", 4.0}, {"mean", 2.349}}}}},
      {"adverse_event_probability",
       {{"peak_erythema_ge_3", 0.25}, {"redness_gt_3_days", 0.6}, {"pih", 0.07286}, {"retinoid_dermatitis", 0.4}}},
      {"sensitivity",
       {{"peak_erythema",
         {{{"parameter", "device.pen.depth_fraction"}, {"index", 0.443}, {"rank_correlation", 0.71}},
          {{"parameter", "response.irritation_gain"}, {"index", 0.0412}, {"rank_correlation", -0.00301}}}}}},
      {"parameters",
       {{{"name", "site.cheek.dermis_um"}, {"nominal", 1100.0}, {"range", {800.0, 1400.0}}, {"scale", "linear"}},
        {{"name", "response.irritation_gain"}, {"nominal", 0.5}, {"range", {0.1, 2.5}}, {"scale", "logarithmic"}}}},
      {"not_sampled", {"vehicle.gel.density_g_per_cm3"}},
      {"findings", nlohmann::json::array()},
      {"notice", medical_notice}};
  EXPECT_EQ(testing::json_differences(actual, expected, rounded_tolerance), std::vector<std::string>{});
}

TEST(PopulationReport, AForcedRunCarriesItsFindings) {
  const auto regimen = testing::two_day_regimen();
  const std::vector<regimen::Finding> findings = {
      {"retinoid-resume", regimen::Severity::error, make_date(2027, 1, 15), std::nullopt, "tret", "wait", "source"}};
  const PopulationContext context{regimen, transport::Fidelity::full, findings, true};

  const nlohmann::json actual = population_json(context, two_figure_summary());

  EXPECT_EQ(actual["forced"], true);
  EXPECT_EQ(actual["fidelity"], "full");
  EXPECT_EQ(actual["findings"], findings_json(findings));
}

TEST(PopulationReport, TextGivesThePercentilesTheEventsAndTheDrivers) {
  const auto regimen = testing::two_day_regimen();
  const std::vector<regimen::Finding> findings;
  const PopulationContext context{regimen, transport::Fidelity::fast, findings, false};

  const std::string text = population_text(context, two_figure_summary());

  const auto has = [&](const std::string& line) { return text.find(line) != std::string::npos; };
  EXPECT_TRUE(
      text.starts_with("Population: Two days <with> a session\n"
                       "20 people (seed 7), 2 days from 2027-01-14, fast fidelity, 2 sampled parameters\n"));
  EXPECT_TRUE(has("  collagen_change_percent              1.76     4.16     10.7     12.3     23.1     10.6\n"));
  EXPECT_TRUE(has("  peak_erythema                       0.941     1.83     2.22     2.81        4     2.35\n"));
  EXPECT_TRUE(has("   25.0 %  peak erythema 3 or more (marked redness)\n"));
  EXPECT_TRUE(has("    7.3 %  post-inflammatory hyperpigmentation (mean risk)\n"));
  EXPECT_TRUE(
      has("  peak_erythema: device.pen.depth_fraction (S 0.44, rho +0.71), "
          "response.irritation_gain (S 0.04, rho -0.00)\n"));
  EXPECT_TRUE(has("Carry a range but are not sampled yet: vehicle.gel.density_g_per_cm3\n"));
  EXPECT_TRUE(text.ends_with(std::string(medical_notice) + "\n"));
}

}  // namespace
}  // namespace dermasim::report
