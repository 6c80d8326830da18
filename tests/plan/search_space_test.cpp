// The designs the planner tries respect the rules table even where an edited table allows
// more than the checker does.

#include "plan/search_space.hpp"

#include <gtest/gtest.h>

#include "built_in_catalogue.hpp"

namespace dermasim::plan {
namespace {

using namespace regimen;

TEST(SearchSpace, NeverSpacesSessionsOnTheSameDayWhenTheSpacingRuleAllowsIt) {
  // Issue 19: a spacing table of 0 days made every design put all its sessions on one day.
  RuleTable rules = test_support::built_in_catalogue().rules;
  rules.session_spacing.deep_min_days = rules.session_spacing.medium_min_days = 0;
  rules.session_spacing.shallow_min_days = 0;
  Profile profile;
  profile.person.concerns = {Concern::acne_scars};
  profile.goals.horizon_days = 180;
  const PlannerOptions options;
  const SearchSpace space(profile, rules, make_date(2027, 1, 4), options);

  const auto designs = space.sessions_on(space.ramps().front());

  ASSERT_FALSE(designs.empty());
  for (const auto& design : designs) {
    if (design.n_sessions < 2) continue;
    EXPECT_GE(design.spacing_days, SameDaySessionsRule::min_spacing_days());
    for (const auto& next : space.neighbours(design)) {
      if (next.n_sessions >= 2) {
        EXPECT_GE(next.spacing_days, SameDaySessionsRule::min_spacing_days());
      }
    }
  }
}

}  // namespace
}  // namespace dermasim::plan
