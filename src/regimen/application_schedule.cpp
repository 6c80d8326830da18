#include "regimen/application_schedule.hpp"

#include <algorithm>

namespace dermasim::regimen {

std::vector<Moment> scheduled_moments(const Product& product, Date date) {
  if (date < product.from || (product.until && date > *product.until)) return {};
  const int offset = days_between(product.from, date);
  switch (product.schedule) {
    case Schedule::nightly:
      return {Moment::evening};
    case Schedule::morning:
      return {Moment::morning};
    case Schedule::twice_daily:
      return {Moment::morning, Moment::evening};
    case Schedule::every_other_night:
      return offset % 2 == 0 ? std::vector{Moment::evening} : std::vector<Moment>{};
    case Schedule::every_third_night:
      return offset % 3 == 0 ? std::vector{Moment::evening} : std::vector<Moment>{};
    case Schedule::twice_weekly: {
      // docs/file-formats.md: on the weekday of `from` and three days later (Monday → Monday,
      // Thursday).
      const int weekday_offset = offset % 7;
      return weekday_offset == 0 || weekday_offset == 3 ? std::vector{Moment::evening} : std::vector<Moment>{};
    }
    case Schedule::after_session:
      return {};
  }
  return {};
}

std::vector<Application> application_schedule(const Regimen& regimen) {
  std::vector<Application> applications;
  const Date last_day = regimen.last_day();
  for (std::size_t index = 0; index < regimen.products.size(); ++index) {
    const Product& product = regimen.products[index];
    const Date end = product.until ? std::min(*product.until, last_day) : last_day;
    for (Date date = product.from; date <= end; date += Days{1}) {
      if (regimen.is_paused(product.id, date)) continue;
      for (const Moment moment : scheduled_moments(product, date)) applications.push_back({date, moment, index});
    }
  }
  for (const Session& session : regimen.sessions) {
    for (const std::string& id : session.after) {
      const auto found = std::ranges::find(regimen.products, id, &Product::id);
      if (found == regimen.products.end()) continue;  // io/ rejects unknown ids
      applications.push_back(
          {session.date, Moment::session, static_cast<std::size_t>(found - regimen.products.begin())});
    }
  }
  std::ranges::sort(applications);
  return applications;
}

}  // namespace dermasim::regimen
