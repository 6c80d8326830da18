#pragma once
// The skin response of one person over a regimen (docs/model-response.md): the response equations
// integrated with CVODE from event to event (events are stops). The simulate layer alternates:
// advance_to(next application), read barrier() and open_channels() for transport, add the
// exposure transport computed, advance again. Daily records hold the clinical series.

#include <memory>
#include <vector>

#include "core/units.hpp"
#include "numerics/cvode_integrator.hpp"
#include "response/clinical_scores.hpp"
#include "response/response_drives.hpp"
#include "response/response_equations.hpp"
#include "response/response_parameters.hpp"

namespace dermasim::response {

struct ResponseSettings {
  Time sample_interval = hours(1.0);  // daily maxima are taken over these samples;
                                      // must divide a day into a whole number of samples
  // Relative 1e-4 changes the outcomes by < 0.05 % against 1e-8/1e-11 at under half the cost
  // of 1e-6/1e-9 (docs/model-response.md, "Numerics"). CVODE gives up after 100 000 steps
  // between two samples: far more than any interval takes.
  numerics::CvodeOptions integrator{1e-4, 1e-6, 100000};
};

/// One day of the response (day 0 starts at time 0). Erythema and irritation are the day's
/// maxima over the samples (day start and end included); the rest is the end-of-day value.
struct DailyResponse {
  int day = 0;
  double erythema = 0.0;    // 0-4, daily maximum
  double irritation = 0.0;  // 0-4, daily maximum
  double barrier = 1.0;
  double retinoid_activation = 0.0;
  double tolerance = 0.0;
  double inflammation = 0.0;
  double fibroblast_activation = 0.0;
  double collagen_change_percent = 0.0;     // content
  double collagen_formation_percent = 0.0;  // formation above baseline, the day's mean
  double pigment_index = 1.0;
  double pih_pigment = 0.0;
  double acne_lesion_index = 1.0;
  Time turnover_time;
  MassPerArea retinoid_viable_epidermis;  // retinoid amount in VE (as given, not converted)
  ResponseState state;                    // the full end-of-day state
};

/// Channels of one session and how open they still are, for transport.
struct OpenChannels {
  Time session_time;
  Length effective_depth;
  ArealDensity channel_density;
  double open_fraction = 0.0;  // exp(−(t − session time)/closure time), 0..1
};

class ResponseSimulation {
 public:
  /// Starts at time 0 in the untreated baseline state.
  ResponseSimulation(const ResponseParameters& parameters, const PersonTraits& traits, ResponseSettings settings = {});
  ~ResponseSimulation();
  ResponseSimulation(ResponseSimulation&&) noexcept;
  ResponseSimulation& operator=(ResponseSimulation&&) noexcept;

  /// Drives are scheduled ahead and take effect when the clock reaches them.
  /// @pre start (or time) >= time(); the values pass check_exposure / check_session.
  void add_exposure(const ExposureInterval& exposure);
  void add_session(const SessionInjury& session);
  void set_sunscreen(const SunscreenSetting& setting);

  /// Integrates to `t`, applying every drive event on the way; events at `t` itself are
  /// applied before it returns (so after advance_to(session time) the session's injury and
  /// barrier drop are in the state). @pre t >= time(). Throws SolverError.
  void advance_to(Time t);

  [[nodiscard]] Time time() const;
  [[nodiscard]] ResponseState state() const;
  [[nodiscard]] double barrier() const { return state().barrier; }
  [[nodiscard]] double erythema() const;
  /// Barrier at a past time, interpolated between samples. @pre 0 <= t <= time().
  [[nodiscard]] double barrier_at(Time t) const;
  /// Channels of every session at or before `t` (applied or scheduled) still open by more than
  /// `min_open_fraction`.
  [[nodiscard]] std::vector<OpenChannels> open_channels(Time t, double min_open_fraction = 1e-4) const;

  /// Completed days, in order.
  [[nodiscard]] const std::vector<DailyResponse>& days() const;
  /// Sessions applied so far, in time order.
  [[nodiscard]] const std::vector<SessionInjury>& sessions() const;
  /// Highest PIH pigment over the samples so far.
  [[nodiscard]] double peak_pih_pigment() const;
  [[nodiscard]] const ResponseEquations& equations() const;
  [[nodiscard]] numerics::IntegratorStatistics integrator_statistics() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace dermasim::response
