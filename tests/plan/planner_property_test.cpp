// Property test (issue 6): over 1000 generated profiles (seeded), every plan the planner
// returns passes `check` with no error, keeps no warning the profile did not accept (except
// the person-level precautions), and respects the profile's limits on its own predictions;
// a profile with a session contraindication gets no plan. The evaluator is a cheap synthetic
// model: these properties must hold whatever the model predicts.

#include <random>

#include <gtest/gtest.h>

#include "plan_test_inputs.hpp"

#include "built_in_catalogue.hpp"

#include "io/catalogue_reader.hpp"
#include "plan/planner.hpp"
#include "regimen/protocol_check.hpp"
#include "synthetic_evaluator.hpp"

namespace dermasim::plan {
namespace {

using namespace regimen;

const Catalogue& catalogue() { return test_support::built_in_catalogue(); }

Profile random_profile(std::mt19937_64& random) {
  auto uniform = [&](int low, int high) { return std::uniform_int_distribution<int>(low, high)(random); };
  auto chance = [&](double p) { return std::bernoulli_distribution(p)(random); };
  Profile profile;
  profile.person.fitzpatrick = uniform(1, 6);
  profile.person.site = site_names.entries()[static_cast<std::size_t>(uniform(0, 6))].first;
  profile.person.concerns = {concern_names.entries()[static_cast<std::size_t>(uniform(0, 5))].first};
  profile.person.sensitivity = sensitivity_names.entries()[static_cast<std::size_t>(uniform(0, 2))].first;
  profile.person.pregnant = chance(0.05);
  profile.person.breastfeeding = chance(0.05);
  if (chance(0.1)) profile.person.isotretinoin_last_dose = make_date(2026, 10, 1) + Days{uniform(0, 90)};
  for (const auto condition : {Condition::keloid_history, Condition::herpes_history, Condition::anticoagulants,
                               Condition::active_infection, Condition::sunburn})
    if (chance(0.04)) profile.person.conditions.insert(condition);
  profile.goals.horizon_days = uniform(40, 80);
  if (chance(0.7)) profile.goals.max_sessions = uniform(0, 3);
  if (chance(0.5)) profile.goals.max_erythema = 0.5 + 0.25 * uniform(0, 10);
  if (chance(0.5)) profile.goals.max_downtime_days = uniform(0, 3);
  profile.goals.setting = chance(0.3) ? Setting::home : Setting::clinic;
  profile.goals.retinoid = retinoid_choice_names.entries()[static_cast<std::size_t>(uniform(0, 2))].first;
  if (chance(0.3)) profile.goals.max_strength_percent = chance(0.5) ? 0.05 : 0.5;
  if (chance(0.1)) profile.goals.accept_warnings = {"isotretinoin-6-months"};
  return profile;
}

TEST(PlannerProperty, EveryPlanPassesTheCheckAndRespectsTheProfilesLimits) {
  std::mt19937_64 random(20261125);
  const Date start = make_date(2027, 1, 4);
  const PlannerOptions options = testing::property_test_options();
  int plans = 0, refused = 0, with_sessions = 0;
  for (int index = 0; index < 1000; ++index) {
    const Profile profile = random_profile(random);

    const auto outcome = plan_regimen(profile, start, catalogue(), testing::synthetic_evaluation, options);

    const bool contraindicated =
        profile.person.has(Condition::active_infection) || profile.person.has(Condition::sunburn);
    if (!outcome.plan) {
      ++refused;
      EXPECT_TRUE(contraindicated) << "profile " << index << " got no plan";
      EXPECT_FALSE(outcome.contraindications.empty());
      continue;
    }
    ++plans;
    EXPECT_FALSE(contraindicated) << "profile " << index;
    const auto& chosen = outcome.plan->chosen;
    const auto findings = check_protocol(chosen.regimen, catalogue().rules);
    EXPECT_FALSE(has_error(findings)) << "profile " << index;
    for (const auto& finding : findings)
      EXPECT_TRUE(profile.goals.accepts(finding.rule) || catalogue().rules.is_person_level_warning(finding.rule))
          << "profile " << index << " keeps " << finding.rule;
    const auto predicted = testing::synthetic_evaluation(chosen.regimen).outcomes;
    EXPECT_TRUE(limit_breaches(profile, catalogue().rules, predicted).empty()) << "profile " << index;
    if (profile.goals.max_sessions) {
      EXPECT_LE(static_cast<int>(chosen.regimen.sessions.size()), *profile.goals.max_sessions);
    }
    for (const auto& session : chosen.regimen.sessions) {
      if (profile.goals.setting == Setting::home) {
        EXPECT_LE(session.needle_mm, home_max_needle_mm);
      }
      EXPECT_LE(session.date, chosen.regimen.last_day());
    }
    if (profile.person.pregnant) {
      for (const auto& product : chosen.regimen.products) EXPECT_FALSE(is_retinoid(product.active));
    }
    if (!chosen.regimen.sessions.empty()) ++with_sessions;
  }
  EXPECT_GT(plans, 800);
  EXPECT_GT(refused, 10);
  EXPECT_GT(with_sessions, 300);
}

}  // namespace
}  // namespace dermasim::plan
