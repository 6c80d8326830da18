// The outputs of `plan` from a hand-built plan: summary.json as a whole value (the regimen,
// outcomes, limits, alternatives, binding limits, fast-vs-full, search counts) and the text.

#include "report/plan_report.hpp"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "json_near.hpp"
#include "report/findings_report.hpp"
#include "report/regimen_json.hpp"
#include "report/simulation_summary.hpp"
#include "report/svg_chart.hpp"
#include "simulation_fixture.hpp"

namespace dermasim::report {
namespace {

// Outcomes and safety figures are rounded by the writer; the rest is copied: tight.
constexpr double rounded_tolerance = 1e-12;

regimen::Profile two_concern_profile() {
  regimen::Profile profile;
  profile.person = testing::two_day_regimen().person;
  profile.goals.horizon_days = 60;
  profile.goals.max_erythema = 2.0;
  profile.goals.max_sessions = 1;
  profile.goals.retinoid = regimen::RetinoidChoice::none;
  return profile;
}

plan::ScoredCandidate candidate(int n_sessions, double objective, double collagen) {
  plan::ScoredCandidate scored;
  scored.design.retinoid = regimen::RetinoidChoice::none;
  scored.design.n_sessions = n_sessions;
  scored.design.needle_mm = 1.0;
  scored.design.first_session_day = 1;
  scored.regimen = testing::two_day_regimen();
  scored.evaluation = plan::Evaluation{testing::two_day_result().outcomes};
  scored.evaluation->outcomes.collagen_change_percent = collagen;
  scored.objective = objective;
  return scored;
}

struct PlanFixture {
  regimen::Profile profile = two_concern_profile();
  plan::PlanResult plan;
  simulate::SimulationResult fast = testing::two_day_result();
  std::map<std::string, double> fast_vs_full{{"peak_erythema", 0.0006}};

  PlanFixture() {
    plan.chosen = candidate(1, 25.69, 8.77549);
    plan.chosen.findings = {{"herpes-history", regimen::Severity::warning, make_date(2027, 1, 15), std::nullopt,
                             "session:2027-01-15", "consider antiviral prophylaxis", "clinic practice"}};
    plan.alternatives = {candidate(0, 20.5, 1.0)};
    plan.binding_constraints = {{"max_erythema", 2.0, 2.3834}, {"max_sessions", 1.0, 1.0}};
    plan.explanations = {"no retinoid: the profile asks for none"};
    plan.n_checked = 12;
    plan.n_evaluated = 9;
  }
  [[nodiscard]] PlanReportInput input() const { return {profile, plan, fast, fast_vs_full}; }
};

TEST(PlanReport, SummaryJsonHoldsThePlanItsAlternativesAndWhatBoundTheSearch) {
  const PlanFixture fixture;
  const auto& chosen = fixture.plan.chosen;
  const auto& alternative = fixture.plan.alternatives[0];

  const nlohmann::json summary = plan_summary_json(fixture.input());

  const nlohmann::json expected = {{"plan", plan::describe(chosen.design, fixture.profile)},
                                   {"objective", 25.69},
                                   {"fidelity", "fast"},
                                   {"forced", false},
                                   {"regimen", regimen_json(chosen.regimen)},
                                   {"outcomes", testing::two_day_outcomes_json()},
                                   {"safety", testing::two_day_safety_json()},
                                   {"per_session",
                                    {{{"date", "2027-01-15"},
                                      {"needle_mm", 1.0},
                                      {"peak_erythema", 2.43456},
                                      {"days_to_erythema_below_1", 2},
                                      {"downtime_days", 1}}}},
                                   {"findings", findings_json(chosen.findings)},
                                   {"limits",
                                    {{"max_erythema", 2.0},
                                     {"max_downtime_days", nullptr},
                                     {"max_sessions", 1},
                                     {"setting", "clinic"},
                                     {"horizon_days", 60}}},
                                   {"alternatives",
                                    {{{"rank", 2},
                                      {"description", plan::describe(alternative.design, fixture.profile)},
                                      {"objective", 20.5},
                                      {"outcomes",
                                       {{"collagen_change_percent", 1.0},
                                        {"acne_scars_improvement_percent", 13.6},
                                        {"fine_lines_improvement_percent", 12.09}}},
                                      {"safety", safety_json(alternative.evaluation->outcomes)},
                                      {"trade", plan::trade_against(alternative, chosen)}}}},
                                   {"binding_constraints",
                                    {{{"name", "max_erythema"}, {"limit", 2.0}, {"value", 2.3834}},
                                     {{"name", "max_sessions"}, {"limit", 1.0}, {"value", 1.0}}}},
                                   {"explanations", {"no retinoid: the profile asks for none"}},
                                   {"fast_vs_full", {{"peak_erythema", 0.0006}}},
                                   {"search", {{"candidates_checked", 12}, {"candidates_simulated", 9}}},
                                   {"notice", medical_notice}};
  EXPECT_EQ(testing::json_differences(summary, expected, rounded_tolerance), std::vector<std::string>{});
}

TEST(PlanReport, TextListsTheSessionsThePredictionTheLimitsAndThePrecautions) {
  const PlanFixture fixture;

  const std::string text = plan_text(fixture.input());

  const std::string expected =
      "Plan: " + plan::describe(fixture.plan.chosen.design, fixture.profile) + "\n" +
      "  2027-01-14 to 2027-01-15 (2 days); 1 sessions\n"
      "  session 2027-01-15: 1 mm pen\n"
      "Predicted at day 2: collagen +8.8 %, acne_scars +13.6 %, fine_lines +12.1 %\n"
      "Safety: peak erythema 2.43, 1 day(s) of erythema >= 2, peak irritation 1.09, PIH risk 3 %\n"
      "Binding: max_erythema = 2 (a better-scoring plan would reach 2.38)\n"
      "Binding: max_sessions = 1 (the plan uses every session allowed)\n"
      "Note: no retinoid: the profile asks for none\n"
      "Precaution (herpes-history): consider antiviral prophylaxis\n" +
      std::string(medical_notice) + "\n";
  EXPECT_EQ(text, expected);
}

TEST(PlanReport, HtmlIsSelfContainedAndNamesThePlanAndTheNotice) {
  const PlanFixture fixture;

  const std::string html = plan_html(fixture.input());

  EXPECT_TRUE(html.starts_with("<!DOCTYPE html>"));
  EXPECT_EQ(html.find("<script"), std::string::npos);
  EXPECT_EQ(html.find("src=\""), std::string::npos);
  EXPECT_NE(html.find(html_escape(plan::describe(fixture.plan.chosen.design, fixture.profile))), std::string::npos);
  EXPECT_NE(html.find("consider antiviral prophylaxis"), std::string::npos);
  EXPECT_NE(html.find(html_escape(medical_notice)), std::string::npos);
}

}  // namespace
}  // namespace dermasim::report
