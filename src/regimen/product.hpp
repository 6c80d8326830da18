#pragma once
// A product phase (docs/file-formats.md, [[product]]): one active in one vehicle on one schedule
// over a date range. Phases with the same active form one course, ordered by `from`.

#include <optional>
#include <string>

#include "core/date.hpp"
#include "core/enum_names.hpp"

namespace dermasim::regimen {

enum class Active { tretinoin, retinol, hyaluronic_acid, vitamin_c, exfoliating_acid, sunscreen, none };
inline constexpr EnumNames<Active, 7> active_names{{{{Active::tretinoin, "tretinoin"},
                                                     {Active::retinol, "retinol"},
                                                     {Active::hyaluronic_acid, "hyaluronic_acid"},
                                                     {Active::vitamin_c, "vitamin_c"},
                                                     {Active::exfoliating_acid, "exfoliating_acid"},
                                                     {Active::sunscreen, "sunscreen"},
                                                     {Active::none, "none"}}}};

[[nodiscard]] constexpr bool is_retinoid(Active active) {
  return active == Active::tretinoin || active == Active::retinol;
}

enum class Vehicle { cream, gel, microsphere_gel, serum, lotion };
inline constexpr EnumNames<Vehicle, 5> vehicle_names{{{{Vehicle::cream, "cream"},
                                                       {Vehicle::gel, "gel"},
                                                       {Vehicle::microsphere_gel, "microsphere_gel"},
                                                       {Vehicle::serum, "serum"},
                                                       {Vehicle::lotion, "lotion"}}}};

enum class Schedule {
  nightly,
  every_other_night,
  every_third_night,
  twice_weekly,
  morning,
  twice_daily,
  after_session
};
inline constexpr EnumNames<Schedule, 7> schedule_names{{{{Schedule::nightly, "nightly"},
                                                         {Schedule::every_other_night, "every_other_night"},
                                                         {Schedule::every_third_night, "every_third_night"},
                                                         {Schedule::twice_weekly, "twice_weekly"},
                                                         {Schedule::morning, "morning"},
                                                         {Schedule::twice_daily, "twice_daily"},
                                                         {Schedule::after_session, "after_session"}}}};

/// Applications per week, the measure by which a step "up" in frequency is judged.
[[nodiscard]] double applications_per_week(Schedule schedule);

struct Product {
  std::string id;
  Active active = Active::none;
  std::optional<double> strength_percent;  // required for retinoids
  Vehicle vehicle = Vehicle::cream;
  double amount_mg_per_cm2 = 0.0;  // from data/vehicles.toml when not given
  bool amount_is_default = true;
  Schedule schedule = Schedule::nightly;
  Date from;
  std::optional<Date> until;  // inclusive
};

}  // namespace dermasim::regimen
