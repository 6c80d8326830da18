#pragma once
// The answer to "when do I stop, when do I resume": for each session, the last retinoid
// application before it and the first after it, counted as the rules count days (an evening
// application on the session's date comes after the session; docs/file-formats.md).

#include <optional>
#include <string>
#include <vector>

#include "regimen/application_schedule.hpp"
#include "regimen/regimen.hpp"
#include "regimen/rule_table.hpp"

namespace dermasim::regimen {

/// One retinoid application near a session: when, which product, how many days from the session.
struct TimedApplication {
  Date date;
  Moment moment = Moment::evening;
  std::string product_id;
  int days_from_session = 0;  // positive: before the session (last) or after it (first)
};

struct SessionTiming {
  Date session_date;
  std::optional<TimedApplication> last_before;  // absent: no retinoid before the session
  std::optional<TimedApplication> first_after;  // absent: none after it within the scenario
  /// When the retinoid stops later than the recommended washout or resumes sooner than the
  /// resume rules allow: the pause of every retinoid product that gives both (from the rule
  /// table's recommended_washout_days and min_resume_days), clamped to the scenario.
  std::optional<Pause> suggested_pause;
};

/// One entry per session, in date order.
[[nodiscard]] std::vector<SessionTiming> session_timings(const Regimen& regimen, const RuleTable& rules);

}  // namespace dermasim::regimen
