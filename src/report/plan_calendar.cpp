#include "report/plan_calendar.hpp"

#include <algorithm>
#include <cstdlib>
#include <memory>

#include <fmt/format.h>
#include <libical/ical.h>

#include "core/error.hpp"
#include "report/findings_report.hpp"

namespace dermasim::report {

namespace {

using ComponentPtr = std::unique_ptr<icalcomponent, decltype(&icalcomponent_free)>;

icaltimetype date_of(Date date) {
  const std::chrono::year_month_day ymd{date};
  icaltimetype time = icaltime_null_date();
  time.year = static_cast<int>(ymd.year());
  time.month = static_cast<int>(static_cast<unsigned>(ymd.month()));
  time.day = static_cast<int>(static_cast<unsigned>(ymd.day()));
  time.hour = 0;  // icaltime_null_date leaves the clock fields at -1
  time.minute = 0;
  time.second = 0;
  time.is_date = 1;
  return time;
}

icaltimetype floating_time_of(Date date, int hour) {
  icaltimetype time = date_of(date);
  time.is_date = 0;
  time.hour = hour;
  return time;  // no zone: floating local time, as docs/file-formats.md asks
}

icalcomponent* reminder(const std::string& text, const char* before) {
  icalcomponent* alarm = icalcomponent_new(ICAL_VALARM_COMPONENT);
  icalcomponent_add_property(alarm, icalproperty_new_action(ICAL_ACTION_DISPLAY));
  icaltriggertype trigger{};
  trigger.time = icaltime_null_time();
  trigger.duration = icaldurationtype_from_string(before);
  icalcomponent_add_property(alarm, icalproperty_new_trigger(trigger));
  icalcomponent_add_property(alarm, icalproperty_new_description(text.c_str()));
  return alarm;
}

class CalendarBuilder {
 public:
  explicit CalendarBuilder(Date stamp) : calendar_(icalcomponent_new(ICAL_VCALENDAR_COMPONENT), &icalcomponent_free) {
    icalcomponent_add_property(calendar_.get(), icalproperty_new_version("2.0"));
    icalcomponent_add_property(calendar_.get(), icalproperty_new_prodid("-//dermasim//treatment plan//EN"));
    stamp_ = date_of(stamp);
    stamp_.is_date = 0;
    stamp_.zone = icaltimezone_get_utc_timezone();
  }

  icalcomponent* add_event(const std::string& uid_key, icaltimetype start, const std::string& summary,
                           const std::string& description) {
    icalcomponent* event = icalcomponent_new(ICAL_VEVENT_COMPONENT);
    icalcomponent_add_property(event, icalproperty_new_uid(fmt::format("{}@dermasim", uid_key).c_str()));
    icalcomponent_add_property(event, icalproperty_new_dtstamp(stamp_));
    icalcomponent_add_property(event, icalproperty_new_dtstart(start));
    icalcomponent_add_property(event, icalproperty_new_summary(summary.c_str()));
    icalcomponent_add_property(event, icalproperty_new_description(description.c_str()));
    icalcomponent_add_component(calendar_.get(), event);
    return event;
  }

  [[nodiscard]] std::string text() const {
    char* text = icalcomponent_as_ical_string_r(calendar_.get());
    expects(text != nullptr, "libical could not serialise the calendar");
    std::string result(text);
    std::free(text);
    return result;
  }

 private:
  ComponentPtr calendar_;
  icaltimetype stamp_{};
};

}  // namespace

std::string plan_calendar_ics(const regimen::Regimen& plan) {
  using namespace regimen;
  CalendarBuilder calendar(plan.start);
  const std::string notice = medical_notice;

  for (const Session& session : plan.sessions) {
    auto* event = calendar.add_event(
        fmt::format("session-{}", iso(session.date)), date_of(session.date),
        fmt::format("Micro-needling session ({:g} mm {})", session.needle_mm, device_names.name(session.device)),
        fmt::format("Arrive with clean skin, no retinoid, vitamin C or acids. Afterwards only the products in the "
                    "plan (e.g. hyaluronic acid), and sunscreen every morning. {}",
                    notice));
    icalcomponent_add_component(event, reminder("Micro-needling session tomorrow: no retinoid tonight", "-P1D"));
  }

  // Retinoid courses: each phase start is a strength or frequency change (an all-day event);
  // each pause gives a stop evening and a resume evening.
  for (const Product& product : plan.products) {
    if (!is_retinoid(product.active)) continue;
    const auto name = active_names.name(product.active);
    auto* event = calendar.add_event(
        fmt::format("phase-{}-{}", product.id, iso(product.from)), date_of(product.from),
        fmt::format("{} {:g} %: {}", name, product.strength_percent.value_or(0.0),
                    schedule_names.name(product.schedule)),
        fmt::format("From today apply {} {:g} % ({}) in the evening, a pea-sized amount for the face. {}", name,
                    product.strength_percent.value_or(0.0), schedule_names.name(product.schedule), notice));
    icalcomponent_add_component(
        event, reminder(fmt::format("Tomorrow: {} {:g} % {}", name, product.strength_percent.value_or(0.0),
                                    schedule_names.name(product.schedule)),
                        "-P1D"));
  }
  std::string retinoid_name = "retinoid";
  for (const Product& product : plan.products)
    if (is_retinoid(product.active)) retinoid_name = std::string(active_names.name(product.active));
  for (const Pause& pause : plan.pauses) {
    const Date last_evening = pause.from - Days{1};
    calendar.add_event(fmt::format("stop-{}", iso(pause.from)), floating_time_of(last_evening, 20),
                       fmt::format("Stop {} after tonight", retinoid_name),
                       fmt::format("Tonight is the last {} application before the session; pause until {}. {}",
                                   retinoid_name, iso(pause.until), notice));
    calendar.add_event(fmt::format("resume-{}", iso(pause.until)), floating_time_of(pause.until + Days{1}, 20),
                       fmt::format("Resume {} tonight", retinoid_name),
                       fmt::format("Resume {} tonight if the skin has calmed; skip a few more nights if it is still "
                                   "red or stinging. {}",
                                   retinoid_name, notice));
  }

  // Sunscreen every morning through the plan.
  if (std::ranges::any_of(plan.products, [](const Product& p) { return p.active == Active::sunscreen; })) {
    auto* event = calendar.add_event("sunscreen-daily", floating_time_of(plan.start, 7), "Sunscreen (broad-spectrum)",
                                     fmt::format("Apply sunscreen every morning: retinoids and healing skin are "
                                                 "sensitive to the sun. {}",
                                                 notice));
    icalrecurrencetype rule;
    icalrecurrencetype_clear(&rule);
    rule.freq = ICAL_DAILY_RECURRENCE;
    rule.until = date_of(plan.last_day());
    icalcomponent_add_property(event, icalproperty_new_rrule(rule));
  }
  return calendar.text();
}

}  // namespace dermasim::report
