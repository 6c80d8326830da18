#pragma once
// A small hand-built simulation for the report tests: a two-day regimen with one session,
// the person's two concerns, and outcomes whose values carry more digits than the reports
// print, so that rounding is tested too.

#include <nlohmann/json.hpp>

#include "regimen/regimen.hpp"
#include "simulate/regimen_simulation.hpp"

namespace dermasim::report::testing {

inline regimen::Regimen two_day_regimen() {
  using namespace regimen;
  Regimen regimen;
  regimen.name = "Two days <with> a session";
  regimen.start = make_date(2027, 1, 14);
  regimen.days = 2;
  regimen.person.fitzpatrick = 3;
  regimen.person.site = Site::cheek;
  regimen.person.concerns = {Concern::acne_scars, Concern::fine_lines};
  regimen.person.sensitivity = Sensitivity::normal;
  Session session;
  session.date = make_date(2027, 1, 15);
  session.device = Device::pen;
  session.needle_mm = 1.0;
  session.passes = 3;
  regimen.sessions = {session};
  return regimen;
}

inline simulate::SimulationResult two_day_result() {
  simulate::SimulationResult result;
  result.fidelity = transport::Fidelity::full;
  result.n_retinoid_applications = 2;
  result.retinoid_applied = 1000.04 * units::nanogram_per_square_centimetre;
  result.retinoid_absorbed = 12.34567 * units::nanogram_per_square_centimetre;
  auto& outcomes = result.outcomes;
  outcomes.collagen_change_percent = 8.77549;
  outcomes.improvement_percent.acne_scars = 13.6012;
  outcomes.improvement_percent.fine_lines = 12.0876;
  outcomes.improvement_percent.texture = 99.0;  // not a concern of the person: never reported
  outcomes.peak_erythema = 2.43456;
  outcomes.days_erythema_ge_1 = 2;
  outcomes.days_erythema_ge_2 = 1;
  outcomes.peak_irritation = 1.09412;
  outcomes.pih_risk = 0.0256789;
  response::SessionResponse session;
  session.session_day = 1;
  session.peak_erythema = 2.43456;
  session.days_to_erythema_below_1 = 2;
  session.downtime_days = 1;
  outcomes.per_session = {session};
  for (int day = 0; day < 2; ++day) {
    simulate::DailyRecord record;
    record.date = make_date(2027, 1, 14 + static_cast<unsigned>(day));
    record.response.day = day;
    record.response.erythema = day == 0 ? 0.0 : 2.43456;
    record.response.barrier = day == 0 ? 1.0 : 0.61234;
    record.response.retinoid_activation = 0.25;
    record.response.irritation = 0.5;
    record.response.tolerance = 0.125;
    record.response.collagen_change_percent = day == 0 ? 0.0 : 0.0123;
    record.response.pigment_index = 1.0;
    record.response.acne_lesion_index = 0.99876;
    record.response.retinoid_viable_epidermis = (day == 0 ? 0.0 : 5.5) * units::nanogram_per_square_centimetre;
    result.days.push_back(record);
  }
  return result;
}

/// The outcomes and safety of two_day_result() as the JSON writers round them.
inline nlohmann::json two_day_outcomes_json() {
  return {{"collagen_change_percent", 8.775},
          {"acne_scars_improvement_percent", 13.6},
          {"fine_lines_improvement_percent", 12.09}};
}

inline nlohmann::json two_day_safety_json() {
  return {{"peak_erythema", 2.435},
          {"days_erythema_ge_1", 2},
          {"days_erythema_ge_2", 1},
          {"peak_irritation", 1.094},
          {"pih_risk", 0.02568}};
}

}  // namespace dermasim::report::testing
