// Rules about the sessions themselves (docs/rules.md): sessions on one date, spacing, depth for
// the site, deep needles in darker skin, and a recent isotretinoin course.

#include <algorithm>
#include <map>

#include <fmt/format.h>

#include "regimen/rule_checks.hpp"

namespace dermasim::regimen::detail {

namespace {

/// One finding per date with more sessions than the rule allows, on the date's first session.
void check_same_day(const CheckContext& context, std::vector<Finding>& findings) {
  const SameDaySessionsRule& rule = context.rules.same_day_sessions;
  std::map<Date, std::vector<const Session*>> by_date;
  for (const Session& session : context.regimen.sessions) by_date[session.date].push_back(&session);
  for (const auto& [date, sessions] : by_date) {
    const auto count = static_cast<int>(sessions.size());
    if (count <= rule.max_per_day) continue;
    double deepest_mm = 0.0;
    int passes = 0;
    for (const Session* session : sessions) {
      deepest_mm = std::max(deepest_mm, session->needle_mm);
      passes += session->passes;
    }
    findings.push_back(
        make_finding(rule, date, sessions.front()->subject(),
                     fmt::format("{} sessions on {} (needles up to {} mm, {} passes in all); at most {} a day.", count,
                                 iso(date), mm(deepest_mm), passes, rule.max_per_day)));
  }
}

void check_spacing(const CheckContext& context, std::vector<Finding>& findings) {
  const SessionSpacingRule& rule = context.rules.session_spacing;
  std::vector<const Session*> sessions;
  for (const Session& session : context.regimen.sessions) sessions.push_back(&session);
  std::ranges::sort(sessions, {}, &Session::date);
  for (std::size_t index = 1; index < sessions.size(); ++index) {
    const Session& before = *sessions[index - 1];
    const Session& next = *sessions[index];
    // Ranges are half-open and spacing uses the deeper of the two sessions (docs/file-formats.md).
    const double deeper_mm = std::max(before.needle_mm, next.needle_mm);
    const int min_days = rule.min_days_for(deeper_mm);
    const int gap = days_between(before.date, next.date);
    // Sessions on one date are same-day-sessions' finding, not this one's.
    if (gap == 0 || gap >= min_days) continue;
    findings.push_back(
        make_finding(rule, next.date, next.subject(),
                     fmt::format("The {} mm session on {} comes {} after the {} mm session on {}; at "
                                 "{} mm allow at least {} between sessions.",
                                 mm(next.needle_mm), iso(next.date), day_count(gap), mm(before.needle_mm),
                                 iso(before.date), mm(deeper_mm), day_count(min_days))));
  }
}

void check_site_depth(const CheckContext& context, std::vector<Finding>& findings) {
  const SiteDepthRule& rule = context.rules.site_depth;
  const auto site = site_names.name(context.regimen.person.site);
  const double limit_mm = rule.limit_mm(context.regimen.person.site);
  for (const Session& session : context.regimen.sessions) {
    if (session.needle_mm <= limit_mm) continue;
    findings.push_back(make_finding(rule, session.date, session.subject(),
                                    fmt::format("The {} mm needles on {} exceed the {} mm the {} tolerates.",
                                                mm(session.needle_mm), iso(session.date), mm(limit_mm), site)));
  }
}

void check_pih_deep_needles(const CheckContext& context, std::vector<Finding>& findings) {
  const PihDeepNeedlesRule& rule = context.rules.pih_deep_needles;
  const int fitzpatrick = context.regimen.person.fitzpatrick;
  if (fitzpatrick < rule.min_fitzpatrick) return;
  for (const Session& session : context.regimen.sessions) {
    if (session.needle_mm < rule.min_needle_mm) continue;
    findings.push_back(make_finding(rule, session.date, session.subject(),
                                    fmt::format("Fitzpatrick type {} with {} mm needles on {}.", fitzpatrick,
                                                mm(session.needle_mm), iso(session.date))));
  }
}

void check_isotretinoin(const CheckContext& context, std::vector<Finding>& findings) {
  const auto& last_dose = context.regimen.person.isotretinoin_last_dose;
  if (!last_dose) return;
  const DaysRule& rule = context.rules.isotretinoin_6_months;
  for (const Session& session : context.regimen.sessions) {
    const int days_since = days_between(*last_dose, session.date);
    if (days_since >= rule.days) continue;
    findings.push_back(make_finding(
        rule, session.date, session.subject(),
        fmt::format("The session on {} is {} after the last isotretinoin dose ({}); the first "
                    "session without this warning is on {}.",
                    iso(session.date), day_count(days_since), iso(*last_dose), iso(*last_dose + Days{rule.days}))));
  }
}

}  // namespace

void check_session_plan(const CheckContext& context, std::vector<Finding>& findings) {
  check_same_day(context, findings);
  check_spacing(context, findings);
  check_site_depth(context, findings);
  check_pih_deep_needles(context, findings);
  check_isotretinoin(context, findings);
}

}  // namespace dermasim::regimen::detail
