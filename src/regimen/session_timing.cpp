#include "regimen/session_timing.hpp"

#include <algorithm>
#include <tuple>

namespace dermasim::regimen {

namespace {

TimedApplication timed(const Regimen& regimen, const Application& application, Date session_date) {
  const int days = days_between(session_date, application.date);
  return {application.date, application.moment, regimen.products[application.product_index].id,
          days < 0 ? -days : days};
}

/// The retinoid products used at some point from `from` to `until`.
std::vector<std::string> retinoids_used(const Regimen& regimen, Date from, Date until) {
  std::vector<std::string> ids;
  for (const Product& product : regimen.products) {
    if (!is_retinoid(product.active)) continue;
    const Date last = product.until.value_or(regimen.last_day());
    if (product.from <= until && last >= from) ids.push_back(product.id);
  }
  return ids;
}

std::optional<Pause> pause_that_fixes(const Regimen& regimen, const Session& session, const SessionTiming& timing,
                                      const RuleTable& rules) {
  int washout_days = 0;
  for (const Product& product : regimen.products)
    if (is_retinoid(product.active))
      washout_days = std::max(washout_days, rules.recommended_washout_days(product.active));
  const int resume_days = rules.min_resume_days(session.needle_mm);
  const bool stops_late = timing.last_before && timing.last_before->days_from_session < washout_days;
  const bool resumes_early = timing.first_after && timing.first_after->days_from_session < resume_days;
  if (!stops_late && !resumes_early) return std::nullopt;
  const Date from = std::max(regimen.start, session.date - Days{washout_days - 1});
  const Date until = std::min(regimen.last_day(), session.date + Days{resume_days - 1});
  return Pause{retinoids_used(regimen, from, until), from, until};
}

}  // namespace

std::vector<SessionTiming> session_timings(const Regimen& regimen, const RuleTable& rules) {
  std::vector<Application> retinoid;
  for (const Application& application : application_schedule(regimen))
    if (is_retinoid(regimen.products[application.product_index].active)) retinoid.push_back(application);
  std::vector<Session> sessions = regimen.sessions;
  std::ranges::sort(sessions, {}, &Session::date);
  std::vector<SessionTiming> timings;
  for (const Session& session : sessions) {
    const Date date = session.date;
    SessionTiming timing{date, std::nullopt, std::nullopt, std::nullopt};
    const auto is_before = [&](const Application& a) {
      return std::tie(a.date, a.moment) < std::make_tuple(date, Moment::session);
    };
    const auto first_after = std::ranges::find_if_not(retinoid, is_before);
    if (first_after != retinoid.begin()) timing.last_before = timed(regimen, *std::prev(first_after), date);
    if (first_after != retinoid.end()) timing.first_after = timed(regimen, *first_after, date);
    timing.suggested_pause = pause_that_fixes(regimen, session, timing, rules);
    timings.push_back(timing);
  }
  return timings;
}

}  // namespace dermasim::regimen
