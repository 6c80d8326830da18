#pragma once
// The decision variables of a plan (docs/planner.md) and the regimen they make: a retinoid ramp
// (start frequency, weeks per step, final strength), sessions (count, needle, first day,
// spacing), washout before and resumption after each session, and daily sunscreen.

#include <compare>
#include <string>

#include "regimen/catalogue.hpp"
#include "regimen/profile.hpp"
#include "regimen/regimen.hpp"

namespace dermasim::plan {

struct CandidateDesign {
  regimen::RetinoidChoice retinoid = regimen::RetinoidChoice::none;
  regimen::Schedule start_schedule = regimen::Schedule::every_other_night;
  // The intervals start at 0: the search space sets each from the rules table.
  int step_days = 0;       // days on each step of the ramp
  int strength_steps = 1;  // how many rungs of the strength ladder to climb to
  int n_sessions = 0;
  double needle_mm = 0.0;     // 0 when there are no sessions
  int first_session_day = 0;  // days after the start
  int spacing_days = 0;
  int washout_days = 0;  // last retinoid application → session
  int resume_days = 0;   // session → first retinoid application

  friend auto operator<=>(const CandidateDesign&, const CandidateDesign&) = default;
};

/// The marketed strengths a ramp climbs, lowest first, capped by the profile's maximum
/// (tretinoin 0.025/0.05/0.1 %; retinol 0.25/0.5/1.0 %).
[[nodiscard]] std::vector<double> strength_ladder(regimen::RetinoidChoice retinoid,
                                                  const std::optional<double>& max_strength_percent);

/// The scenario a design makes for `profile` from `start` over the profile's horizon.
/// Postcondition: the regimen is valid input (as io/ would accept it).
[[nodiscard]] regimen::Regimen build_regimen(const regimen::Profile& profile, const CandidateDesign& design, Date start,
                                             const regimen::Catalogue& catalogue);

/// A one-line description, e.g. "tretinoin 0.025 % every other night → 0.05 % nightly;
/// 3 × 1.0 mm pen sessions 28 days apart".
[[nodiscard]] std::string describe(const CandidateDesign& design, const regimen::Profile& profile);

}  // namespace dermasim::plan
