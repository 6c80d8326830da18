// Property test: the planner reads its intervals from the rules table. Over randomly edited
// tables (each threshold scaled by 0.5 to 3, seeded), every plan passes the check with the
// same table, and a person whom nothing but the rules limits still gets sessions.

#include <algorithm>
#include <cmath>
#include <random>

#include <gtest/gtest.h>

#include "plan_test_inputs.hpp"

#include "built_in_catalogue.hpp"

#include "plan/planner.hpp"
#include "regimen/protocol_check.hpp"
#include "synthetic_evaluator.hpp"

namespace dermasim::plan {
namespace {

using namespace regimen;

int scaled_days(int days, double factor) { return static_cast<int>(std::lround(days * factor)); }
double scaled_mm(double millimetres, double factor) { return std::min(3.0, millimetres * factor); }

/// The built-in table with every day and depth threshold scaled by its own random factor.
RuleTable randomly_edited(std::mt19937_64& random) {
  std::uniform_real_distribution<double> factor(0.5, 3.0);
  RuleTable rules = test_support::built_in_catalogue().rules;
  rules.tretinoin_washout.min_days = scaled_days(rules.tretinoin_washout.min_days, factor(random));
  rules.tretinoin_washout_short.recommended_days =
      scaled_days(rules.tretinoin_washout_short.recommended_days, factor(random));
  rules.retinol_washout.min_days = scaled_days(rules.retinol_washout.min_days, factor(random));
  rules.retinoid_resume.min_days = scaled_days(rules.retinoid_resume.min_days, factor(random));
  rules.retinoid_resume_deep.min_days = scaled_days(rules.retinoid_resume_deep.min_days, factor(random));
  rules.retinoid_resume_deep.min_needle_mm = scaled_mm(rules.retinoid_resume_deep.min_needle_mm, factor(random));
  auto& spacing = rules.session_spacing;
  const double bands = factor(random);  // one factor keeps the depth bands in order
  spacing.deep_from_mm = scaled_mm(spacing.deep_from_mm, bands);
  spacing.medium_from_mm = scaled_mm(spacing.medium_from_mm, bands) * (1.0 - 1e-9);
  spacing.deep_min_days = scaled_days(spacing.deep_min_days, factor(random));
  spacing.medium_min_days = scaled_days(spacing.medium_min_days, factor(random));
  spacing.shallow_min_days = scaled_days(spacing.shallow_min_days, factor(random));
  for (auto& [site, limit] : rules.site_depth.max_needle_mm) limit = scaled_mm(limit, factor(random));
  rules.strength_ramp.days = scaled_days(rules.strength_ramp.days, factor(random));
  rules.sunscreen.days = scaled_days(rules.sunscreen.days, factor(random));
  rules.isotretinoin_6_months.days = scaled_days(rules.isotretinoin_6_months.days, factor(random));
  rules.pih_deep_needles.min_needle_mm = scaled_mm(rules.pih_deep_needles.min_needle_mm, factor(random));
  return rules;
}

/// A person whom only the rules limit: no condition, no pregnancy, no profile limits.
Profile unlimited_profile(std::mt19937_64& random) {
  auto uniform = [&](int low, int high) { return std::uniform_int_distribution<int>(low, high)(random); };
  Profile profile;
  profile.person.fitzpatrick = uniform(1, 6);
  profile.person.site = site_names.entries()[static_cast<std::size_t>(uniform(0, 6))].first;
  profile.person.concerns = {Concern::acne_scars};
  profile.goals.horizon_days = 180;
  profile.goals.retinoid = retinoid_choice_names.entries()[static_cast<std::size_t>(uniform(0, 2))].first;
  return profile;
}

TEST(PlannerWithEditedRules, EveryPlanPassesTheCheckOfItsOwnTableAndKeepsSessions) {
  std::mt19937_64 random(20261202);
  const Date start = make_date(2027, 1, 4);
  const PlannerOptions options = testing::property_test_options();
  for (int index = 0; index < 150; ++index) {
    Catalogue catalogue = test_support::built_in_catalogue();
    catalogue.rules = randomly_edited(random);
    const Profile profile = unlimited_profile(random);

    const auto outcome = plan_regimen(profile, start, catalogue, testing::synthetic_evaluation, options);

    ASSERT_TRUE(outcome.plan.has_value()) << "table " << index;
    const auto& chosen = outcome.plan->chosen;
    const auto findings = check_protocol(chosen.regimen, catalogue.rules);
    EXPECT_FALSE(has_error(findings)) << "table " << index;
    for (const auto& finding : findings)
      EXPECT_TRUE(catalogue.rules.is_person_level_warning(finding.rule)) << "table " << index << ": " << finding.rule;
    EXPECT_FALSE(chosen.regimen.sessions.empty()) << "table " << index << ": " << describe(chosen.design, profile);
  }
}

TEST(PlannerWithEditedRules, AStrictWashoutTableStillSchedulesSessionsWithItsWashout) {
  Catalogue catalogue = test_support::built_in_catalogue();
  catalogue.rules.tretinoin_washout.min_days = 12;
  catalogue.rules.tretinoin_washout_short.recommended_days = 14;
  Profile profile;
  profile.person.concerns = {Concern::acne_scars};
  profile.goals.horizon_days = 180;
  profile.goals.retinoid = RetinoidChoice::tretinoin;

  const auto outcome = plan_regimen(profile, make_date(2027, 1, 4), catalogue, testing::synthetic_evaluation);

  ASSERT_TRUE(outcome.plan.has_value());
  const auto& chosen = outcome.plan->chosen;
  ASSERT_FALSE(chosen.regimen.sessions.empty());
  EXPECT_EQ(chosen.design.retinoid, RetinoidChoice::tretinoin);
  EXPECT_GE(chosen.design.washout_days, 14);
  EXPECT_TRUE(check_protocol(chosen.regimen, catalogue.rules).empty());
}

TEST(PlannerWithEditedRules, ATableWithoutSpacingStillPutsEachSessionOnItsOwnDay) {
  // Issue 19: the spacing rule allows 0 days here, but same-day sessions are an error.
  Catalogue catalogue = test_support::built_in_catalogue();
  auto& spacing = catalogue.rules.session_spacing;
  spacing.deep_min_days = spacing.medium_min_days = spacing.shallow_min_days = 0;
  Profile profile;
  profile.person.concerns = {Concern::acne_scars};
  profile.goals.horizon_days = 180;
  PlannerOptions options;
  options.threads = 1;

  const auto outcome = plan_regimen(profile, make_date(2027, 1, 4), catalogue, testing::synthetic_evaluation, options);

  ASSERT_TRUE(outcome.plan.has_value());
  std::vector<const ScoredCandidate*> plans = {&outcome.plan->chosen};
  for (const auto& alternative : outcome.plan->alternatives) plans.push_back(&alternative);
  for (const ScoredCandidate* plan : plans) {
    const auto& sessions = plan->regimen.sessions;
    for (std::size_t index = 1; index < sessions.size(); ++index)
      EXPECT_LT(sessions[index - 1].date, sessions[index].date) << describe(plan->design, profile);
    EXPECT_FALSE(has_error(check_protocol(plan->regimen, catalogue.rules))) << describe(plan->design, profile);
  }
  EXPECT_GE(outcome.plan->chosen.regimen.sessions.size(), 2u);
}

}  // namespace
}  // namespace dermasim::plan
