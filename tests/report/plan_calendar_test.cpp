// plan.ics parsed back with libical: events, alarms, recurrence, stable unique UIDs.

#include "report/plan_calendar.hpp"

#include <set>

#include <gtest/gtest.h>
#include <libical/ical.h>

#include "io/catalogue_reader.hpp"
#include "io/scenario_reader.hpp"

namespace dermasim::report {
namespace {

regimen::Regimen safe_plan() {
  static const auto catalogue = io::load_catalogue(std::nullopt);
  return io::read_scenario_file(
      std::string(DERMASIM_SOURCE_DIR) + "/tests/regimen/scenarios/session-spacing.scenario.toml", catalogue);
}

TEST(PlanCalendar, ParsesBackWithEventsAlarmsAndADailySunscreenRule) {
  const auto plan = safe_plan();
  const std::string ics = plan_calendar_ics(plan);

  icalcomponent* calendar = icalparser_parse_string(ics.c_str());
  ASSERT_NE(calendar, nullptr);
  int events = 0, alarms = 0, all_day = 0, evenings = 0, recurring = 0;
  std::set<std::string> uids;
  for (icalcomponent* event = icalcomponent_get_first_component(calendar, ICAL_VEVENT_COMPONENT); event;
       event = icalcomponent_get_next_component(calendar, ICAL_VEVENT_COMPONENT)) {
    ++events;
    uids.insert(icalcomponent_get_uid(event));
    const icaltimetype start = icalcomponent_get_dtstart(event);
    if (start.is_date) ++all_day;
    if (!start.is_date && start.hour == 20) {
      ++evenings;
      EXPECT_EQ(start.zone, nullptr);  // floating local time
    }
    if (icalcomponent_get_first_property(event, ICAL_RRULE_PROPERTY)) {
      ++recurring;
      const auto rule = icalproperty_get_rrule(icalcomponent_get_first_property(event, ICAL_RRULE_PROPERTY));
      EXPECT_EQ(rule.freq, ICAL_DAILY_RECURRENCE);
    }
    for (icalcomponent* alarm = icalcomponent_get_first_component(event, ICAL_VALARM_COMPONENT); alarm;
         alarm = icalcomponent_get_next_component(event, ICAL_VALARM_COMPONENT)) {
      ++alarms;
      const auto trigger = icalproperty_get_trigger(icalcomponent_get_first_property(alarm, ICAL_TRIGGER_PROPERTY));
      EXPECT_EQ(icaldurationtype_as_int(trigger.duration), -86400);  // the day before
    }
  }
  icalcomponent_free(calendar);

  // 2 sessions + 2 retinoid phases (all-day, each with a reminder), 1 pause → stop + resume
  // evenings, and the daily sunscreen reminder.
  EXPECT_EQ(all_day, 4);
  EXPECT_EQ(alarms, 4);
  EXPECT_EQ(evenings, 2);
  EXPECT_EQ(recurring, 1);
  EXPECT_EQ(events, 7);
  EXPECT_EQ(uids.size(), static_cast<std::size_t>(events));
}

TEST(PlanCalendar, IsTheSameTextForTheSamePlan) {
  EXPECT_EQ(plan_calendar_ics(safe_plan()), plan_calendar_ics(safe_plan()));
}

}  // namespace
}  // namespace dermasim::report
