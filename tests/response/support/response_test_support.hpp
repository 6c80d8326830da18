#pragma once
// Test and benchmark support for the response model (docs/model-response.md): reads
// data/response.toml with toml++ (the library itself never sees TOML; io/ will own the real
// catalogue reader) and builds the stand-in drives that replace transport until simulate couples
// the two.
//
// Stand-in exposure (docs/model-response.md, "Stand-in exposure"): tretinoin cream applied at
// 22:00; at steady nightly use of 0.05 % the viable epidermis holds on average 0.19 ng/cm²
// (the transport engine's fast-fidelity figure for the cheek, read back through dermasim
// simulate on 2026-11-25; activation_ec50 is anchored to the same number, so the response
// depends on exposure only through the ratio). It is split into 1.6 × mean while the film is
// on (22:00-08:00) and 0.571 × mean for the rest of the day (same daily mean), scaled linearly
// with strength. Retinol reaches the viable epidermis 25x more than tretinoin at the same
// strength (the engine's ratio, see retinol_potency_ratio in data/response.toml).

#include <stdexcept>
#include <string>

#include <toml++/toml.h>

#include "core/units.hpp"
#include "response/response_parameters.hpp"
#include "response/response_simulation.hpp"

namespace dermasim::response::testing {

inline std::string response_toml_path() { return std::string(DERMASIM_SOURCE_DIR) + "/data/response.toml"; }

/// Reads every field of ResponseParameters from the [response] table; an unknown or missing
/// key is an error, so the file and the struct cannot drift apart.
inline ResponseParameters load_response_parameters(const std::string& path = response_toml_path()) {
  const toml::table document = toml::parse_file(path);
  const toml::table* table = document["response"].as_table();
  if (table == nullptr) throw std::runtime_error(path + ": no [response] table");
  ResponseParameters parameters;
  std::size_t n_read = 0;
  for (const ResponseParameterField& field : response_parameter_fields()) {
    const toml::table* entry = (*table)[field.key].as_table();
    if (entry == nullptr) throw std::runtime_error(path + ": missing " + std::string(field.key));
    const std::optional<double> value = (*entry)["value"].value<double>();
    if (!value) throw std::runtime_error(path + ": " + std::string(field.key) + " has no value");
    set_parameter(parameters, field, *value);
    ++n_read;
  }
  if (n_read != table->size()) throw std::runtime_error(path + ": [response] has keys that ResponseParameters lacks");
  check_response_parameters(parameters);
  return parameters;
}

/// The committed parameters, read once per test program (validation tests only read them).
inline const ResponseParameters& committed_response_parameters() {
  static const ResponseParameters loaded = load_response_parameters();
  return loaded;
}

inline Time at_day(double day, double hour = 0.0) { return day * units::day + hours(hour); }

/// Mean viable-epidermis amount at steady nightly use (see the file comment).
inline MassPerArea standin_mean_amount(Retinoid active, double strength_percent) {
  constexpr double tretinoin_ng_per_cm2_at_0_05_percent = 0.19;
  constexpr double retinol_penetration_relative_to_tretinoin = 25.0;
  const double penetration = active == Retinoid::retinol ? retinol_penetration_relative_to_tretinoin : 1.0;
  return tretinoin_ng_per_cm2_at_0_05_percent * penetration * (strength_percent / 0.05) *
         units::nanogram_per_square_centimetre;
}

/// One application at 22:00 of `day`: two piecewise-constant levels over the next 24 h.
inline void add_standin_application(ResponseSimulation& simulation, Retinoid active, double strength_percent, int day) {
  const MassPerArea mean = standin_mean_amount(active, strength_percent);
  const Time applied = at_day(day, 22.0);
  simulation.add_exposure({applied, applied + hours(10.0), active, 1.6 * mean});
  simulation.add_exposure({applied + hours(10.0), applied + hours(24.0), active, (8.0 / 14.0) * mean});
}

/// Applications on first_day, first_day + every, … up to last_day (inclusive).
inline void add_standin_course(ResponseSimulation& simulation, Retinoid active, double strength_percent, int first_day,
                               int last_day, int every = 1) {
  for (int day = first_day; day <= last_day; day += every)
    add_standin_application(simulation, active, strength_percent, day);
}

/// A pen session at 10:00 of `day` with the pen defaults of data/devices.toml: effective
/// depth 0.77 × needle (PMC3016610), 300 channels/cm² per pass, 3 passes, channels closing
/// with e-folding 2 h (Gupta 2011, docs/validation.md T7). Simulate will take these from the
/// catalogue.
inline SessionInjury standin_session(double needle_mm, int day, double hour = 10.0) {
  SessionInjury session;
  session.time = at_day(day, hour);
  session.effective_depth = millimetres(0.77 * needle_mm);
  session.passes = 3;
  session.channels_per_pass = per_square_centimetre(300.0);
  session.channel_closure_time = hours(2.0);
  return session;
}

/// Daily sunscreen from `day` on.
inline void add_daily_sunscreen(ResponseSimulation& simulation, int day = 0) {
  simulation.set_sunscreen({at_day(day), true});
}

/// Mean of a daily series member over days [first, last].
template <class Member>
double mean_over_days(const ResponseSimulation& simulation, Member member, int first, int last) {
  double sum = 0.0;
  int n = 0;
  for (const DailyResponse& day : simulation.days())
    if (day.day >= first && day.day <= last) {
      sum += day.*member;
      ++n;
    }
  if (n == 0) throw std::runtime_error("mean_over_days: no day in range");
  return sum / n;
}

}  // namespace dermasim::response::testing
