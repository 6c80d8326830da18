#include "response/response_simulation.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <limits>

#include "core/error.hpp"

namespace dermasim::response {

namespace {

constexpr double day_s = 86400.0;
// Steps shorter than this (seconds) are round-off between coinciding times, not integration.
constexpr double negligible_step_s = 1e-3;
constexpr std::size_t activation_index = ResponseState::activation_index;

enum class EventKind { exposure_start, exposure_end, session, sunscreen };

struct Event {
  double time = 0.0;
  EventKind kind = EventKind::session;
  std::size_t index = 0;  // into exposures, sessions or sunscreen settings
};

}  // namespace

struct ResponseSimulation::Impl {
  ResponseEquations equations;
  ResponseSettings settings;
  std::array<double, ResponseState::size> y{};
  double t = 0.0;
  DriveLevels drives;
  // The equations as CVODE sees them: R and A are solved exactly outside it (below).
  struct Equations final : numerics::OdeSystem {
    const Impl* simulation = nullptr;
    explicit Equations(const Impl* owner) : simulation(owner) {}
    [[nodiscard]] std::size_t n_states() const override { return ResponseState::size; }
    numerics::RhsStatus rhs(double time, std::span<const double> state, std::span<double> derivative) const override {
      return simulation->derivatives(time, state, derivative);
    }
  };
  Equations system{this};
  std::unique_ptr<numerics::CvodeIntegrator> integrator;
  bool needs_reinitialization = false;
  // Signal R and activation A are linear with a piecewise-constant input, so they are solved
  // exactly: `segments` holds (R, A, target) at each exposure step up to `segments_until`,
  // and A(t) between steps is a closed form. CVODE integrates the other states with that
  // A(t), so exposure steps — transport hands over many per application — are neither stops
  // nor restarts; only sessions and sunscreen changes are.
  struct ActivationSegment {
    double start = 0.0;
    double signal = 0.0;      // R at start
    double activation = 0.0;  // A at start
    double target = 0.0;      // Emax·E/(EC50 + E) from start on
  };
  std::vector<ActivationSegment> segments{ActivationSegment{}};
  double segments_until = 0.0;       // segments are valid on [segments.front().start, segments_until]
  bool segments_stale = false;       // an event was scheduled since the last build
  std::size_t hard_event_index = 0;  // cache of next_hard_event_time()
  bool hard_event_cached = false;

  std::vector<ExposureInterval> exposures;
  std::vector<std::size_t> active_exposures;
  std::vector<SessionInjury> scheduled_sessions;
  std::vector<SessionInjury> applied_sessions;
  std::vector<SunscreenSetting> sunscreen_settings;
  std::vector<Event> events;  // sorted by time, insertion order among equal times
  std::size_t next_event = 0;

  long samples_per_day = 24;
  long next_sample = 0;
  double day_erythema_max = 0.0;
  double day_irritation_max = 0.0;
  double day_formation_sum = 0.0;  // over the day's samples, boundary samples counted half
  std::vector<DailyResponse> days;
  std::vector<std::pair<double, double>> barrier_history;  // (time, barrier)
  double peak_pih = 0.0;

  Impl(const ResponseParameters& parameters, const PersonTraits& traits, ResponseSettings s)
      : equations(parameters, traits), settings(s) {
    const double per_day = day_s / settings.sample_interval.si();
    expects(per_day >= 1.0 && std::abs(per_day - std::round(per_day)) < 1e-9,
            "ResponseSettings: sample_interval must divide a day into whole samples");
    samples_per_day = std::lround(per_day);
    y = ResponseState{}.to_array();
    integrator = std::make_unique<numerics::CvodeIntegrator>(system, settings.integrator);
    integrator->reinitialize(t, y);
    record_sample();
  }

  numerics::RhsStatus derivatives(double time, std::span<const double> state, std::span<double> derivative) const {
    std::array<double, ResponseState::size> with_activation;
    std::copy(state.begin(), state.end(), with_activation.begin());
    const auto [signal, activation] = activation_exact(time);
    with_activation[ResponseState::activation_signal_index] = signal;
    with_activation[activation_index] = activation;
    equations.derivatives(with_activation, drives, derivative);
    derivative[ResponseState::activation_signal_index] = 0.0;  // solved exactly,
    derivative[activation_index] = 0.0;                        // outside CVODE
    return numerics::RhsStatus::ok;
  }

  // R' = (X − R)/τ_R, A' = (R − A)/τ_A from (R0, A0) at t0 with X constant:
  // R = X + (R0 − X)e^(−u/τ_R), A = X + (A0 − X)e^(−u/τ_A) + (R0 − X)·τ_R/(τ_R − τ_A)·
  // (e^(−u/τ_R) − e^(−u/τ_A)), u = t − t0 (parameter ranges keep τ_R < τ_A).
  [[nodiscard]] std::pair<double, double> evolve(const ActivationSegment& from, double time) const {
    const ResponseParameters& p = equations.parameters();
    const double tau_r = p.activation_signal_time.si();
    const double tau_a = p.activation_time.si();
    const double u = time - from.start;
    const double decay_r = std::exp(-u / tau_r);
    const double decay_a = std::exp(-u / tau_a);
    const double signal_excess = from.signal - from.target;
    const double signal = from.target + signal_excess * decay_r;
    const double activation = from.target + (from.activation - from.target) * decay_a +
                              signal_excess * tau_r / (tau_r - tau_a) * (decay_r - decay_a);
    return {signal, activation};
  }

  /// (R, A) at `time`, from the segment in force then. @pre time within the segments.
  [[nodiscard]] std::pair<double, double> activation_exact(double time) const {
    auto after = std::upper_bound(segments.begin(), segments.end(), time,
                                  [](double value, const ActivationSegment& segment) { return value < segment.start; });
    return evolve(after == segments.begin() ? segments.front() : *std::prev(after), time);
  }

  double target_of(const std::vector<std::size_t>& active) const {
    MassPerArea total;
    for (std::size_t i : active) {
      const ExposureInterval& e = exposures[i];
      total += (e.active == Retinoid::retinol ? equations.parameters().retinol_potency_ratio : 1.0) *
               e.viable_epidermis_amount;
    }
    return equations.activation_target(total);
  }

  // Rebuilds the segments from t to `until` over the pending exposure events.
  void rebuild_segments(double until) {
    const auto [signal, activation] = activation_exact(t);
    std::vector<std::size_t> active = active_exposures;
    std::vector<ActivationSegment> rebuilt{{t, signal, activation, target_of(active)}};
    for (std::size_t k = next_event; k < events.size() && events[k].time <= until; ++k) {
      const Event& event = events[k];
      if (event.kind != EventKind::exposure_start && event.kind != EventKind::exposure_end) continue;
      const auto [r, a] = evolve(rebuilt.back(), event.time);
      if (event.kind == EventKind::exposure_start)
        active.push_back(event.index);
      else
        std::erase(active, event.index);
      rebuilt.push_back({event.time, r, a, target_of(active)});
    }
    segments = std::move(rebuilt);
    segments_until = until;
    segments_stale = false;
  }

  /// The next event that stops CVODE (a session, or a sunscreen setting that changes it), or
  /// infinity. Cached: the scan passes every pending exposure event.
  [[nodiscard]] double next_hard_event_time() {
    if (!hard_event_cached || hard_event_index < next_event) {
      bool sunscreen = drives.sunscreen;
      for (hard_event_index = next_event; hard_event_index < events.size(); ++hard_event_index) {
        const Event& event = events[hard_event_index];
        if (event.kind == EventKind::session) break;
        if (event.kind != EventKind::sunscreen) continue;
        if (sunscreen_settings[event.index].applied != sunscreen) break;
        sunscreen = sunscreen_settings[event.index].applied;
      }
      hard_event_cached = true;
    }
    return hard_event_index < events.size() ? events[hard_event_index].time : std::numeric_limits<double>::infinity();
  }

  void set_exact_activation(double time) {
    const auto [signal, activation] = activation_exact(time);
    y[ResponseState::activation_signal_index] = signal;
    y[activation_index] = activation;
  }

  [[nodiscard]] ResponseState current() const {
    ResponseState state = ResponseState::from(y);
    const auto [signal, activation] = activation_exact(t);
    state.activation_signal = signal;
    state.activation = activation;
    return state;
  }

  void schedule(double time, EventKind kind, std::size_t index) {
    expects(time >= t, "ResponseSimulation: a drive cannot start before the current time");
    auto position = std::upper_bound(events.begin() + static_cast<std::ptrdiff_t>(next_event), events.end(), time,
                                     [](double value, const Event& event) { return value < event.time; });
    events.insert(position, Event{time, kind, index});
    segments_stale = true;
    hard_event_cached = false;  // indices behind the insertion moved
  }

  MassPerArea exposure_sum(bool tretinoin_equivalent) const {
    MassPerArea total;
    for (std::size_t i : active_exposures) {
      const ExposureInterval& e = exposures[i];
      const double factor =
          tretinoin_equivalent && e.active == Retinoid::retinol ? equations.parameters().retinol_potency_ratio : 1.0;
      total += factor * e.viable_epidermis_amount;
    }
    return total;
  }

  void apply(const Event& event) {
    switch (event.kind) {
      case EventKind::exposure_start:  // A(t) already includes it (segments): bookkeeping only
        active_exposures.push_back(event.index);
        break;
      case EventKind::exposure_end:
        std::erase(active_exposures, event.index);
        break;
      case EventKind::session: {  // a jump in the state: restart CVODE
        set_exact_activation(t);
        const SessionInjury& session = scheduled_sessions[event.index];
        y = equations.after_session(ResponseState::from(y), session).to_array();
        applied_sessions.push_back(session);
        barrier_history.emplace_back(t, y[ResponseState::barrier_index]);
        needs_reinitialization = true;
        break;
      }
      case EventKind::sunscreen:  // a step in pigment production: restart if it changes
        if (drives.sunscreen != sunscreen_settings[event.index].applied) needs_reinitialization = true;
        drives.sunscreen = sunscreen_settings[event.index].applied;
        break;
    }
    drives.tretinoin_equivalent_exposure = exposure_sum(true);
  }

  void record_sample() {
    const ResponseState s = current();
    const ResponseParameters& p = equations.parameters();
    const double erythema = erythema_score(s, p);
    const double irritation = irritation_score(s);
    peak_pih = std::max(peak_pih, s.pih_pigment);
    barrier_history.emplace_back(t, s.barrier);
    const bool day_boundary = next_sample > 0 && next_sample % samples_per_day == 0;
    const double formation = 100.0 * equations.collagen_formation_excess(s);
    day_erythema_max = std::max(day_erythema_max, erythema);
    day_irritation_max = std::max(day_irritation_max, irritation);
    // Trapezoidal daily mean: a boundary sample closes one day and opens the next.
    day_formation_sum += (day_boundary || next_sample == 0 ? 0.5 : 1.0) * formation;
    if (day_boundary) {
      DailyResponse day;
      day.day = static_cast<int>(next_sample / samples_per_day) - 1;
      day.erythema = day_erythema_max;
      day.irritation = day_irritation_max;
      day.barrier = s.barrier;
      day.retinoid_activation = s.activation;
      day.tolerance = s.tolerance;
      day.inflammation = s.inflammation;
      day.fibroblast_activation = s.fibroblast_activation;
      day.collagen_change_percent = collagen_change_percent(s, p);
      day.collagen_formation_percent = day_formation_sum / static_cast<double>(samples_per_day);
      day.pigment_index = pigment_index(s);
      day.pih_pigment = s.pih_pigment;
      day.acne_lesion_index = s.acne_lesions;
      day.turnover_time = turnover_time(s, p);
      day.retinoid_viable_epidermis = exposure_sum(false);
      day.state = s;
      days.push_back(day);
      // The boundary sample also opens the next day.
      day_erythema_max = erythema;
      day_irritation_max = irritation;
      day_formation_sum = 0.5 * formation;
    }
    ++next_sample;
  }

  void advance_to(double t_end) {
    expects(t_end >= t, "ResponseSimulation::advance_to: cannot go back in time");
    while (true) {
      while (next_event < events.size() && events[next_event].time <= t) apply(events[next_event++]);
      if (t >= t_end) break;
      // CVODE stops at sessions, sunscreen changes and t_end; exposure steps lie inside.
      const double t_stop = std::min(next_hard_event_time(), t_end);
      const double t_sample = static_cast<double>(next_sample) * settings.sample_interval.si();
      const double t_target = std::min(t_stop, t_sample);
      if (segments_stale || t_stop > segments_until) rebuild_segments(t_stop);
      if (needs_reinitialization) {
        integrator->reinitialize(t, y);
        needs_reinitialization = false;
      }
      if (t_target - t > negligible_step_s) {
        integrator->advance(t_target, t_stop, y);
        set_exact_activation(t_target);
      } else {
        needs_reinitialization = true;  // CVODE's clock stays behind: restart it at t_target
      }
      t = t_target;
      // Exposure bookkeeping up to just before t: a sample sees the drives on [t−, t).
      while (next_event < events.size() && events[next_event].time < t) apply(events[next_event++]);
      if (t == t_sample) record_sample();
    }
  }
};

ResponseSimulation::ResponseSimulation(const ResponseParameters& parameters, const PersonTraits& traits,
                                       ResponseSettings settings)
    : impl_(std::make_unique<Impl>(parameters, traits, settings)) {}
ResponseSimulation::~ResponseSimulation() = default;
ResponseSimulation::ResponseSimulation(ResponseSimulation&&) noexcept = default;
ResponseSimulation& ResponseSimulation::operator=(ResponseSimulation&&) noexcept = default;

void ResponseSimulation::add_exposure(const ExposureInterval& exposure) {
  check_exposure(exposure);
  Impl& s = *impl_;
  s.exposures.push_back(exposure);
  const std::size_t index = s.exposures.size() - 1;
  s.schedule(exposure.start.si(), EventKind::exposure_start, index);
  s.schedule(exposure.end.si(), EventKind::exposure_end, index);
}

void ResponseSimulation::add_session(const SessionInjury& session) {
  check_session(session);
  Impl& s = *impl_;
  s.scheduled_sessions.push_back(session);
  s.schedule(session.time.si(), EventKind::session, s.scheduled_sessions.size() - 1);
}

void ResponseSimulation::set_sunscreen(const SunscreenSetting& setting) {
  Impl& s = *impl_;
  s.sunscreen_settings.push_back(setting);
  s.schedule(setting.from.si(), EventKind::sunscreen, s.sunscreen_settings.size() - 1);
}

void ResponseSimulation::advance_to(Time t) { impl_->advance_to(t.si()); }

Time ResponseSimulation::time() const { return seconds(impl_->t); }
ResponseState ResponseSimulation::state() const { return impl_->current(); }

double ResponseSimulation::erythema() const { return erythema_score(impl_->current(), impl_->equations.parameters()); }

double ResponseSimulation::barrier_at(Time time_point) const {
  const auto& history = impl_->barrier_history;
  const double t = time_point.si();
  expects(t >= 0.0 && t <= impl_->t, "ResponseSimulation::barrier_at: time outside the past");
  if (t == impl_->t) return impl_->current().barrier;
  // The last entry at or before t (after a session's jump when t is its time).
  auto after = std::upper_bound(history.begin(), history.end(), t,
                                [](double value, const auto& entry) { return value < entry.first; });
  if (after == history.end()) return impl_->current().barrier;
  const auto& [t1, b1] = *after;
  const auto& [t0, b0] = *std::prev(after);
  if (t1 <= t0) return b1;
  return b0 + (b1 - b0) * (t - t0) / (t1 - t0);
}

std::vector<OpenChannels> ResponseSimulation::open_channels(Time t, double min_open_fraction) const {
  std::vector<OpenChannels> result;
  for (const SessionInjury& session : impl_->scheduled_sessions) {
    if (session.time > t) continue;
    const double open = std::exp(-((t - session.time) / session.channel_closure_time));
    if (open > min_open_fraction)
      result.push_back({session.time, session.effective_depth, session.channel_density(), open});
  }
  return result;
}

const std::vector<DailyResponse>& ResponseSimulation::days() const { return impl_->days; }
const std::vector<SessionInjury>& ResponseSimulation::sessions() const { return impl_->applied_sessions; }
double ResponseSimulation::peak_pih_pigment() const { return impl_->peak_pih; }
const ResponseEquations& ResponseSimulation::equations() const { return impl_->equations; }
numerics::IntegratorStatistics ResponseSimulation::integrator_statistics() const {
  return impl_->integrator->total_statistics();
}

}  // namespace dermasim::response
