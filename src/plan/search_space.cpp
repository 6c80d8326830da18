#include "plan/search_space.hpp"

#include <algorithm>

namespace dermasim::plan {

using namespace regimen;

namespace {

/// The planner never plans more sessions than this in one course (a search setting; the
/// profile's max_sessions can only lower it).
constexpr int most_sessions_searched = 6;
/// The first sessions the search tries, in days after the start (a search setting).
constexpr int first_session_days[] = {14, 28, 42, 56};
/// The default first session: four weeks in, after the first step of the ramp.
constexpr int default_first_session_day = 28;

Active active_of(RetinoidChoice retinoid) {
  return retinoid == RetinoidChoice::retinol ? Active::retinol : Active::tretinoin;
}

}  // namespace

SearchSpace::SearchSpace(const Profile& profile, const RuleTable& rules, Date start, const PlannerOptions& options)
    : profile_(profile), rules_(rules), start_(start), options_(options) {}

int SearchSpace::earliest_session_day() const {
  int day = first_session_days[0];
  const auto& last_dose = profile_.person.isotretinoin_last_dose;
  const auto& isotretinoin = rules_.isotretinoin_6_months;
  if (last_dose && !profile_.goals.accepts(isotretinoin.id))
    day = std::max(day, days_between(start_, *last_dose + Days{isotretinoin.days}));
  return day;
}

int SearchSpace::max_sessions() const {
  return std::min(profile_.goals.max_sessions.value_or(most_sessions_searched), most_sessions_searched);
}

int SearchSpace::min_washout_days(RetinoidChoice retinoid) const {
  return retinoid == RetinoidChoice::none ? 0 : rules_.recommended_washout_days(active_of(retinoid));
}

int SearchSpace::min_step_days() const { return std::max(rules_.strength_ramp.days, 1); }

CandidateDesign SearchSpace::fitted_to_rules(CandidateDesign design) const {
  design.washout_days = std::max(design.washout_days, min_washout_days(design.retinoid));
  design.resume_days = std::max(design.resume_days, rules_.min_resume_days(design.needle_mm));
  // Sessions a day apart at least, even when the spacing rule allows 0 days: same-day sessions are an error.
  design.spacing_days = std::max({design.spacing_days, rules_.session_spacing.min_days_for(design.needle_mm),
                                  regimen::SameDaySessionsRule::min_spacing_days()});
  design.step_days = std::max(design.step_days, min_step_days());
  return design;
}

bool SearchSpace::is_allowed(const CandidateDesign& design) const {
  const bool home_too_deep = profile_.goals.setting == Setting::home && design.needle_mm > home_max_needle_mm;
  return design.n_sessions >= 0 && design.n_sessions <= max_sessions() && design.strength_steps >= 1 &&
         !(design.n_sessions > 0 && home_too_deep);
}

std::vector<CandidateDesign> SearchSpace::ramps() const {
  std::vector<CandidateDesign> designs;
  CandidateDesign none;
  none.step_days = min_step_days();
  designs.push_back(none);
  const auto retinoid = profile_.goals.retinoid;
  const auto ladder = strength_ladder(retinoid, profile_.goals.max_strength_percent);
  if (retinoid == RetinoidChoice::none || ladder.empty()) return designs;
  const int step = min_step_days();
  for (const auto start_schedule : {Schedule::every_third_night, Schedule::every_other_night})
    for (const int step_days : {step, step + step / 2})
      for (int steps = 1; steps <= static_cast<int>(ladder.size()); ++steps) {
        CandidateDesign design;
        design.retinoid = retinoid;
        design.start_schedule = start_schedule;
        design.step_days = step_days;
        design.strength_steps = steps;
        design.washout_days = min_washout_days(retinoid);
        designs.push_back(design);
      }
  return designs;
}

std::vector<CandidateDesign> SearchSpace::sessions_on(const CandidateDesign& ramp) const {
  std::vector<CandidateDesign> designs;
  const int first_day = std::max(default_first_session_day, earliest_session_day());
  for (const double needle : options_.needle_options_mm) {
    for (int count = 1; count <= max_sessions(); ++count) {
      CandidateDesign design = ramp;
      design.n_sessions = count;
      design.needle_mm = needle;
      design.first_session_day = first_day;
      design.spacing_days = 0;
      design.resume_days = 0;
      design = fitted_to_rules(design);
      const bool fits = first_day + (count - 1) * design.spacing_days < profile_.goals.horizon_days;
      if (fits && is_allowed(design)) designs.push_back(design);
    }
  }
  return designs;
}

std::vector<CandidateDesign> SearchSpace::neighbours(const CandidateDesign& design) const {
  std::vector<CandidateDesign> result;
  auto vary = [&](auto member, auto values) {
    for (const auto value : values) {
      CandidateDesign next = design;
      next.*member = value;
      next = fitted_to_rules(next);
      if (next != design && is_allowed(next)) result.push_back(next);
    }
  };
  if (design.n_sessions > 0) {
    std::vector<int> first_days;
    const int earliest = earliest_session_day();
    for (const int day : first_session_days) first_days.push_back(std::max(day, earliest));
    vary(&CandidateDesign::first_session_day, first_days);
    const int spacing = rules_.session_spacing.min_days_for(design.needle_mm);
    vary(&CandidateDesign::spacing_days, std::vector{spacing, spacing + 7, spacing + 14, spacing + 28});
    const int resume = rules_.min_resume_days(design.needle_mm);
    vary(&CandidateDesign::resume_days, std::vector{resume, resume + 2, resume + 4});
    vary(&CandidateDesign::n_sessions, std::vector{design.n_sessions - 1, design.n_sessions + 1});
    const auto& needles = options_.needle_options_mm;
    const auto at = std::ranges::find(needles, design.needle_mm);
    if (at != needles.end() && at != needles.begin()) vary(&CandidateDesign::needle_mm, std::vector{*(at - 1)});
    if (at != needles.end() && at + 1 != needles.end()) vary(&CandidateDesign::needle_mm, std::vector{*(at + 1)});
  }
  if (design.retinoid != RetinoidChoice::none) {
    const int washout = min_washout_days(design.retinoid);
    vary(&CandidateDesign::washout_days, std::vector{washout, washout + 3});
    vary(&CandidateDesign::start_schedule, std::vector{Schedule::every_third_night, Schedule::every_other_night});
    const int step = min_step_days();
    vary(&CandidateDesign::step_days, std::vector{step, step + step / 2});
    vary(&CandidateDesign::strength_steps, std::vector{design.strength_steps - 1, design.strength_steps + 1});
  }
  return result;
}

CandidateDesign SearchSpace::single_session() const {
  CandidateDesign probe;
  probe.n_sessions = 1;
  probe.first_session_day = std::max(default_first_session_day, earliest_session_day());
  return fitted_to_rules(probe);
}

}  // namespace dermasim::plan
