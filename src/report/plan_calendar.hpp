#pragma once
// plan.ics (docs/file-formats.md, Outputs): the plan as an iCalendar file a phone imports, written
// with libical. Sessions and strength changes are all-day events with a reminder the day before;
// "stop tretinoin tonight" and "resume tretinoin" are evening events at 20:00 floating local
// time; a daily morning sunscreen reminder recurs (RRULE). UIDs are stable: they derive from
// the event's kind and date, so re-planning the same profile gives the same UIDs.

#include <string>

#include "regimen/regimen.hpp"

namespace dermasim::report {

[[nodiscard]] std::string plan_calendar_ics(const regimen::Regimen& plan);

}  // namespace dermasim::report
