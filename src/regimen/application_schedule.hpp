#pragma once
// The day-by-day schedule of a regimen: every application of every product, in time order,
// with the day counting of docs/file-formats.md ("Days, as the rules count them"): on a session's
// date a morning application comes before the session, an evening one after it.

#include <cstddef>
#include <vector>

#include "regimen/regimen.hpp"

namespace dermasim::regimen {

/// When in a day something happens; the order of the enumerators is the order in the day.
enum class Moment { morning, session, evening };

struct Application {
  Date date;
  Moment moment = Moment::evening;
  std::size_t product_index = 0;  // into Regimen::products

  friend auto operator<=>(const Application&, const Application&) = default;
};

/// Whether a product's schedule applies it on `date` (pauses not considered).
/// `after_session` products are never scheduled by date: sessions apply them.
[[nodiscard]] std::vector<Moment> scheduled_moments(const Product& product, Date date);

/// Every application from each product's `from` to its `until` or the scenario's last day,
/// without paused days, plus the `after` products of each session (at Moment::session).
/// Postcondition: sorted by (date, moment, product_index).
[[nodiscard]] std::vector<Application> application_schedule(const Regimen& regimen);

}  // namespace dermasim::regimen
