#include "regimen/regimen.hpp"

#include <algorithm>

namespace dermasim::regimen {

const Product* Regimen::find_product(std::string_view id) const {
  const auto found = std::ranges::find(products, id, &Product::id);
  return found == products.end() ? nullptr : &*found;
}

bool Regimen::is_paused(std::string_view product_id, Date date) const {
  return std::ranges::any_of(pauses, [&](const Pause& pause) {
    return date >= pause.from && date <= pause.until &&
           std::ranges::find(pause.products, product_id) != pause.products.end();
  });
}

int default_days(const Regimen& regimen) {
  // docs/file-formats.md: "the default `days` ends 60 days after the latest session, `from` or
  // `until`".
  constexpr int days_after_last_event = 60;
  Date latest = regimen.start;
  for (const auto& session : regimen.sessions) latest = std::max(latest, session.date);
  for (const auto& product : regimen.products) {
    latest = std::max(latest, product.from);
    if (product.until) latest = std::max(latest, *product.until);
  }
  return days_between(regimen.start, latest) + days_after_last_event + 1;
}

double applications_per_week(Schedule schedule) {
  switch (schedule) {
    case Schedule::twice_daily:
      return 14.0;
    case Schedule::nightly:
    case Schedule::morning:
      return 7.0;
    case Schedule::every_other_night:
      return 3.5;
    case Schedule::every_third_night:
      return 7.0 / 3.0;
    case Schedule::twice_weekly:
      return 2.0;
    case Schedule::after_session:
      return 0.0;
  }
  return 0.0;
}

}  // namespace dermasim::regimen
