#include "response/response_outcomes.hpp"

#include <algorithm>
#include <cmath>

#include "core/error.hpp"

namespace dermasim::response {

ResponseOutcomes summarize(const ResponseSimulation& simulation) {
  const std::vector<DailyResponse>& days = simulation.days();
  expects(!days.empty(), "summarize: the simulation has no completed day");
  const ResponseParameters& p = simulation.equations().parameters();
  const ResponseState now = simulation.state();

  ResponseOutcomes out;
  out.collagen_change_percent = collagen_change_percent(now, p);
  out.improvement_percent = concern_improvements(ResponseState{}, now, p);
  for (const DailyResponse& day : days) {
    out.peak_erythema = std::max(out.peak_erythema, day.erythema);
    out.peak_irritation = std::max(out.peak_irritation, day.irritation);
    if (day.erythema >= 1.0) ++out.days_erythema_ge_1;
    if (day.erythema >= 2.0) ++out.days_erythema_ge_2;
  }
  out.pih_risk = pih_risk(simulation.peak_pih_pigment(), p);

  const std::vector<SessionInjury>& sessions = simulation.sessions();
  for (std::size_t i = 0; i < sessions.size(); ++i) {
    SessionResponse response;
    response.session_time = sessions[i].time;
    response.session_day = static_cast<int>(std::floor(sessions[i].time.in(units::day)));
    const int window_end = i + 1 < sessions.size() ? static_cast<int>(std::floor(sessions[i + 1].time.in(units::day)))
                                                   : static_cast<int>(days.size());
    for (const DailyResponse& day : days) {
      if (day.day < response.session_day || day.day >= window_end) continue;
      response.peak_erythema = std::max(response.peak_erythema, day.erythema);
      if (day.erythema >= 2.0) ++response.downtime_days;
      if (day.day > response.session_day && day.erythema < 1.0 && !response.days_to_erythema_below_1)
        response.days_to_erythema_below_1 = day.day - response.session_day;
    }
    out.per_session.push_back(response);
  }
  return out;
}

}  // namespace dermasim::response
