#pragma once
// Inputs shared by the planner tests: a fair-skinned person with acne scars on the cheek, and the
// small search budget of the property tests (they check safety over many profiles, not quality).

#include "plan/planner.hpp"
#include "regimen/profile.hpp"

namespace dermasim::plan::testing {

inline regimen::Profile cheek_acne_scar_profile(int horizon_days, regimen::RetinoidChoice retinoid) {
  regimen::Profile profile;
  profile.person.fitzpatrick = 2;
  profile.person.site = regimen::Site::cheek;
  profile.person.concerns = {regimen::Concern::acne_scars};
  profile.goals.horizon_days = horizon_days;
  profile.goals.retinoid = retinoid;
  return profile;
}

inline PlannerOptions property_test_options() {
  PlannerOptions options;
  options.max_evaluations = 40;
  options.threads = 1;
  return options;
}

}  // namespace dermasim::plan::testing
