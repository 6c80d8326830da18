#pragma once
// Outcomes of a simulated response (docs/model-response.md clinical scores; docs/file-formats.md
// summary.json `outcomes`, `safety` and `per_session`): collagen change and concern improvements at
// the horizon, erythema and irritation safety figures, PIH risk, and each session's recovery.

#include <optional>
#include <vector>

#include "core/units.hpp"
#include "response/clinical_scores.hpp"
#include "response/response_simulation.hpp"

namespace dermasim::response {

struct SessionResponse {
  Time session_time;
  int session_day = 0;
  double peak_erythema = 0.0;                   // daily maxima from the session day on
  std::optional<int> days_to_erythema_below_1;  // first later day with max < 1, minus session day
  int downtime_days = 0;                        // days with max >= 2, from the session day
};

struct ResponseOutcomes {
  double collagen_change_percent = 0.0;
  ConcernImprovements improvement_percent;
  double peak_erythema = 0.0;
  int days_erythema_ge_1 = 0;
  int days_erythema_ge_2 = 0;
  double peak_irritation = 0.0;
  double pih_risk = 0.0;
  std::vector<SessionResponse> per_session;  // a session's window ends at the next session
};

/// Summarises the completed days of `simulation` against its untreated baseline; the
/// horizon is the current time. @pre at least one completed day.
[[nodiscard]] ResponseOutcomes summarize(const ResponseSimulation& simulation);

}  // namespace dermasim::response
