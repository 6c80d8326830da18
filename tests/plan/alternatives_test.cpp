#include "plan/alternatives.hpp"

#include <set>

#include <gtest/gtest.h>

#include "built_in_catalogue.hpp"

#include "plan/planner.hpp"
#include "synthetic_evaluator.hpp"

namespace dermasim::plan {
namespace {

using namespace regimen;

const Catalogue& catalogue() { return test_support::built_in_catalogue(); }
const Date start = make_date(2027, 1, 4);

Profile tretinoin_profile() {
  Profile profile;
  profile.person.fitzpatrick = 2;
  profile.person.concerns = {Concern::acne_scars, Concern::fine_lines};
  profile.goals.horizon_days = 120;
  profile.goals.max_sessions = 3;
  profile.goals.retinoid = RetinoidChoice::tretinoin;
  return profile;
}

TEST(Alternatives, AreFeasibleOfOtherKindsThanTheChosenPlanAndOfEachOther) {
  const auto outcome = plan_regimen(tretinoin_profile(), start, catalogue(), testing::synthetic_evaluation);

  ASSERT_TRUE(outcome.plan.has_value());
  const auto& plan = *outcome.plan;
  ASSERT_GE(plan.alternatives.size(), 3u);
  std::set<PlanKind> kinds = {kind_of(plan.chosen)};
  for (const auto& alternative : plan.alternatives) {
    EXPECT_TRUE(alternative.is_feasible());
    EXPECT_TRUE(kinds.insert(kind_of(alternative)).second) << describe(alternative.design, tretinoin_profile());
    EXPECT_FALSE(trade_against(alternative, plan.chosen).empty());
  }
}

TEST(Alternatives, SpanAnotherDepthFewerSessionsNoSessionsAndNoRetinoid) {
  const auto outcome = plan_regimen(tretinoin_profile(), start, catalogue(), testing::synthetic_evaluation);

  ASSERT_TRUE(outcome.plan.has_value());
  const auto& plan = *outcome.plan;
  const PlanKind chosen = kind_of(plan.chosen);
  ASSERT_GT(chosen.n_sessions, 1u);
  ASSERT_EQ(chosen.retinoid, RetinoidChoice::tretinoin);
  auto has = [&](auto predicate) {
    return std::ranges::any_of(plan.alternatives, [&](const ScoredCandidate& c) { return predicate(kind_of(c)); });
  };
  EXPECT_TRUE(has([&](const PlanKind& k) { return k.n_sessions > 0 && k.needle_mm != chosen.needle_mm; }));
  EXPECT_TRUE(has([&](const PlanKind& k) { return k.n_sessions > 0 && k.n_sessions < chosen.n_sessions; }));
  EXPECT_TRUE(has([](const PlanKind& k) { return k.n_sessions == 0; }));
  EXPECT_TRUE(has([](const PlanKind& k) { return k.retinoid == RetinoidChoice::none; }));
}

TEST(Alternatives, APregnancyPlanNeverListsItselfAsARunnerUp) {
  Profile profile = tretinoin_profile();
  profile.person.pregnant = true;

  const auto outcome = plan_regimen(profile, start, catalogue(), testing::synthetic_evaluation);

  ASSERT_TRUE(outcome.plan.has_value());
  const auto& plan = *outcome.plan;
  EXPECT_EQ(kind_of(plan.chosen), (PlanKind{RetinoidChoice::none, 0, 0.0}));
  for (const auto& alternative : plan.alternatives) EXPECT_NE(kind_of(alternative), kind_of(plan.chosen));
}

TEST(Alternatives, TheKindOfAPlanWithoutSessionsHasNoDepth) {
  ScoredCandidate candidate;
  candidate.design.needle_mm = 1.0;
  candidate.design.n_sessions = 2;  // sessions past the horizon are dropped from the regimen

  EXPECT_EQ(kind_of(candidate), (PlanKind{RetinoidChoice::none, 0, 0.0}));
}

}  // namespace
}  // namespace dermasim::plan
