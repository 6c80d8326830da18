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

}  // namespace

std::vector<SessionTiming> session_timings(const Regimen& regimen) {
  std::vector<Application> retinoid;
  for (const Application& application : application_schedule(regimen))
    if (is_retinoid(regimen.products[application.product_index].active)) retinoid.push_back(application);
  std::vector<Date> dates;
  for (const Session& session : regimen.sessions) dates.push_back(session.date);
  std::ranges::sort(dates);
  std::vector<SessionTiming> timings;
  for (const Date date : dates) {
    SessionTiming timing{date, std::nullopt, std::nullopt};
    const auto is_before = [&](const Application& a) {
      return std::tie(a.date, a.moment) < std::make_tuple(date, Moment::session);
    };
    const auto first_after = std::ranges::find_if_not(retinoid, is_before);
    if (first_after != retinoid.begin()) timing.last_before = timed(regimen, *std::prev(first_after), date);
    if (first_after != retinoid.end()) timing.first_after = timed(regimen, *first_after, date);
    timings.push_back(timing);
  }
  return timings;
}

}  // namespace dermasim::regimen
