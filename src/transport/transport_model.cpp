#include "transport/transport_model.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <optional>

#include "core/error.hpp"
#include "numerics/bdf2_integrator.hpp"
#include "numerics/cvode_integrator.hpp"
#include "transport/axisymmetric_cell.hpp"
#include "transport/layered_column.hpp"

namespace dermasim::transport {
namespace {

std::unique_ptr<FiniteVolumeSystem> build_system(const SkinModel& skin, Fidelity fidelity,
                                                 const GridResolution& resolution) {
  if (!skin.channels) {
    return std::make_unique<FiniteVolumeSystem>(build_layered_column(skin.layers, skin.receptor, resolution));
  }
  if (fidelity == Fidelity::full) {
    return std::make_unique<FiniteVolumeSystem>(
        build_axisymmetric_cell(skin.layers, *skin.channels, skin.receptor, resolution));
  }
  return std::make_unique<FiniteVolumeSystem>(
      build_two_pathway_column(skin.layers, *skin.channels, skin.receptor, resolution));
}

struct OutputTime {
  double time = 0.0;
  bool is_sample = false;
  bool is_profile = false;
  bool is_wash_off = false;
};

std::vector<OutputTime> output_times(double t0, const Application& application) {
  std::vector<OutputTime> times;
  const double duration = application.duration.si();
  const std::size_t n = std::max<std::size_t>(application.n_samples, 1);
  for (std::size_t k = 1; k <= n; ++k) {
    times.push_back({t0 + duration * static_cast<double>(k) / static_cast<double>(n), true});
  }
  for (const auto& at : application.profile_times) {
    expects(at.si() >= 0.0 && at.si() <= duration * (1 + 1e-12),
            "apply: profile times must lie within the application");
    times.push_back({t0 + at.si(), false, true});
  }
  if (application.wash_off_after && application.wash_off_after->si() < duration) {
    expects(application.wash_off_after->si() >= 0.0, "apply: wash-off must not precede the start");
    times.push_back({t0 + application.wash_off_after->si(), false, false, true});
  }
  std::sort(times.begin(), times.end(), [](const OutputTime& a, const OutputTime& b) { return a.time < b.time; });
  // Merge coincident times (to a relative 1e-12 of the duration).
  std::vector<OutputTime> merged;
  for (const auto& entry : times) {
    if (!merged.empty() && std::abs(entry.time - merged.back().time) <= 1e-12 * duration) {
      merged.back().is_sample |= entry.is_sample;
      merged.back().is_profile |= entry.is_profile;
      merged.back().is_wash_off |= entry.is_wash_off;
    } else {
      merged.push_back(entry);
    }
  }
  return merged;
}

/// A film holding more drug than it can dissolve (docs/transport.md: the flux is capped by
/// solubility). The undissolved drug keeps the dissolved part saturated, so the film is a
/// constant donor at u = u_sat (its saturated concentration over K_v, i.e. the water
/// solubility) until the drug drawn from it has used up the undissolved excess; from then on
/// it is an ordinary film. While it lasts, the `supplied` accumulator counts the drawn drug.
struct SuspendedFilm {
  double amount = 0.0;             // drug in the film, dissolved and not, at the start (kg/m²)
  double capacity = 0.0;           // K_v × film thickness (m)
  double saturation_u = 0.0;       // kg/m³
  double supplied_at_start = 0.0;  // the supplied accumulator then
  std::size_t supplied_index = 0;

  [[nodiscard]] double drawn(std::span<const double> y) const { return y[supplied_index] - supplied_at_start; }
  [[nodiscard]] double excess() const { return amount - capacity * saturation_u; }
  [[nodiscard]] bool dissolved(std::span<const double> y) const { return drawn(y) >= excess(); }
  /// The amounts as if the film were a film: it holds what was not drawn, nothing was supplied.
  void correct(CompartmentAmounts& amounts, std::span<const double> y) const {
    amounts.vehicle = MassPerArea::from_si(amount - drawn(y));
    amounts.supplied -= MassPerArea::from_si(drawn(y));
  }
  /// Turns the state into an ordinary film holding what is left.
  void to_film(FiniteVolumeSystem& system, std::span<double> y) const {
    const double left = amount - drawn(y);
    y[supplied_index] = supplied_at_start;
    system.set_vehicle(VehicleMode::film, capacity);
    y[0] = left / capacity;
  }
};

}  // namespace

GridResolution default_resolution(Fidelity fidelity) {
  if (fidelity == Fidelity::full) return GridResolution{};
  return GridResolution{.finest_cell = micrometres(1.0),
                        .growth = 1.4,
                        .min_cells_per_segment = 2,
                        .largest_cell_fraction = 0.2,
                        .barrier_largest_cell_fraction = 0.1,
                        .finest_radial = micrometres(2.0)};
}

TransportModel::TransportModel(SkinModel skin, Fidelity fidelity, std::optional<GridResolution> resolution,
                               SolverOptions options)
    : skin_(std::move(skin)), fidelity_(fidelity), options_(options) {
  system_ = build_system(skin_, fidelity_, resolution.value_or(default_resolution(fidelity_)));
  if (options_.scheme == TimeScheme::automatic) {
    options_.scheme = fidelity_ == Fidelity::fast ? TimeScheme::fixed_step_bdf2 : TimeScheme::cvode;
  }
  if (options_.scheme == TimeScheme::fixed_step_bdf2) {
    integrator_ = std::make_unique<numerics::Bdf2Integrator>(
        *system_, numerics::Bdf2Schedule{options_.bdf2_step.si(), options_.bdf2_startup_halvings,
                                         options_.bdf2_max_step.si(), options_.bdf2_step_growth});
  } else {
    const std::vector<double> absolute(system_->n_states(), 1.0);
    integrator_ = std::make_unique<numerics::CvodeIntegrator>(*system_, options_.relative_tolerance, absolute);
  }
}

TransportModel::~TransportModel() = default;
TransportModel::TransportModel(TransportModel&&) noexcept = default;
TransportModel& TransportModel::operator=(TransportModel&&) noexcept = default;

State TransportModel::initial_state() const {
  State state;
  state.values.assign(system_->n_states(), 0.0);
  return state;
}

std::vector<double> TransportModel::absolute_tolerances(std::span<const double> y, double amount_scale) const {
  const std::size_t n = system_->n_cells();
  double u_scale = 0.0;
  double capacity = 0.0;
  for (std::size_t i = 0; i < n; ++i) {
    u_scale = std::max(u_scale, std::abs(y[i]));
    if (i > 0) capacity += system_->cells()[i].capacity;
  }
  if (u_scale == 0.0) u_scale = 1.0;
  amount_scale = std::max(amount_scale, capacity * u_scale);
  const double fraction = options_.absolute_tolerance_fraction;
  const double floor = options_.absolute_tolerance_floor;
  std::vector<double> absolute(system_->n_states(), std::max(fraction * u_scale, floor));
  for (std::size_t k = 0; k < n_accumulators; ++k) absolute[n + k] = std::max(fraction * amount_scale, floor);
  return absolute;
}

void TransportModel::record(ApplicationResult& result, double t, std::span<const double> y, double washed_off) const {
  Sample sample;
  sample.time = Time::from_si(t);
  sample.amounts = system_->amounts(y);
  sample.washed_off = MassPerArea::from_si(washed_off);
  sample.outflow = Flux::from_si(system_->outflow_rate(t, y));
  const auto concentrations = system_->viable_concentrations(y);
  sample.viable_epidermis = Concentration::from_si(concentrations[0]);
  sample.dermis = Concentration::from_si(concentrations[1]);
  result.peak_viable_epidermis = std::max(result.peak_viable_epidermis, sample.viable_epidermis);
  result.peak_dermis = std::max(result.peak_dermis, sample.dermis);
  result.samples.push_back(sample);
}

/// One application while it is integrated: the state vector, the result so far, a film
/// holding undissolved drug (while it does), the scale of the amounts for the tolerances and
/// the integrator's statistics summed over its restarts.
struct TransportModel::Integration {
  std::vector<double> y;
  ApplicationResult result;
  std::optional<SuspendedFilm> suspended;
  double amount_scale = 0.0;
  numerics::IntegratorStatistics statistics;
  double washed_before = 0.0;
  double auc_viable_epidermis_start = 0.0;
  double auc_dermis_start = 0.0;
};

ApplicationResult TransportModel::apply(State& state, const Application& application) {
  expects(state.values.size() == system_->n_states(), "apply: the state belongs to another model");
  expects(application.duration.si() > 0.0, "apply: duration must be positive");
  expects(application.vehicle_partition > 0.0, "apply: vehicle partition must be positive");
  const double t0 = state.time_s;
  Integration run;
  run.y = state.values;

  add_application(state, application, run);
  restart(run, t0);
  record_now(run, t0, state.washed_off);
  integrate_outputs(state, application, run);
  add_statistics(run);
  if (run.suspended) run.suspended->to_film(*system_, run.y);  // the next application adds to this film
  return finish(state, application, std::move(run));
}

void TransportModel::add_application(State& state, const Application& application, Integration& run) {
  // Event: the application. A new film adds to what is left of the last one.
  auto& system = *system_;
  std::vector<double>& y = run.y;
  system.set_barrier(application.barrier);
  const bool heals = skin_.receptor == Receptor::clearance;
  system.set_closure({skin_.channels_opened_at.si(), heals ? skin_.closure_time_constant.si() : 0.0});
  const double previous_vehicle = system.vehicle_mode() == VehicleMode::film ? system.cells()[0].capacity * y[0] : 0.0;
  if (application.constant_donor) {
    expects(application.constant_donor->si() > 0.0, "apply: donor concentration must be positive");
    state.washed_off += previous_vehicle;  // an infinite donor replaces any film
    state.vehicle_film_m = 0.0;
    system.set_vehicle(VehicleMode::reservoir, 0.0);
    y[0] = application.constant_donor->si() / application.vehicle_partition;
    if (application.water_solubility) y[0] = std::min(y[0], application.water_solubility->si());  // a saturated donor
  } else {
    add_film(state, application, previous_vehicle, run);
  }
  run.washed_before = state.washed_off;
  run.auc_viable_epidermis_start = y[system.accumulator_index(Accumulator::auc_viable_epidermis)];
  run.auc_dermis_start = y[system.accumulator_index(Accumulator::auc_dermis)];
}

void TransportModel::add_film(State& state, const Application& application, double previous_vehicle, Integration& run) {
  auto& system = *system_;
  std::vector<double>& y = run.y;
  expects(application.formulation_dose.si() > 0.0 && application.drug_mass_fraction >= 0.0 &&
              application.drug_mass_fraction <= 1.0,
          "apply: a finite dose needs a positive dose and a mass fraction in [0, 1]");
  const double film = state.vehicle_film_m + application.formulation_dose.si() / application.vehicle_density.si();
  const double added = application.drug_mass_fraction * application.formulation_dose.si();
  const double capacity = application.vehicle_partition * film;
  const double total = previous_vehicle + added;
  if (application.water_solubility && total > capacity * application.water_solubility->si()) {
    run.suspended = SuspendedFilm{total, capacity, application.water_solubility->si(),
                                  y[system.accumulator_index(Accumulator::supplied)],
                                  system.accumulator_index(Accumulator::supplied)};
    system.set_vehicle(VehicleMode::reservoir, 0.0);
    y[0] = application.water_solubility->si();
  } else {
    system.set_vehicle(VehicleMode::film, capacity);
    y[0] = total / capacity;
  }
  state.vehicle_film_m = film;
  state.applied += added;
  run.result.applied = MassPerArea::from_si(added);
  run.amount_scale = previous_vehicle + added;
}

void TransportModel::restart(Integration& run, double t) {
  integrator_->set_tolerances(options_.relative_tolerance, absolute_tolerances(run.y, run.amount_scale));
  integrator_->reinitialize(t, run.y);
}

void TransportModel::record_now(Integration& run, double t, double washed_off) const {
  record(run.result, t, run.y, washed_off);
  if (run.suspended) run.suspended->correct(run.result.samples.back().amounts, run.y);
}

void TransportModel::add_statistics(Integration& run) const {
  const auto s = integrator_->statistics();
  run.statistics.steps += s.steps;
  run.statistics.rhs_evaluations += s.rhs_evaluations;
  run.statistics.jacobian_evaluations += s.jacobian_evaluations;
  run.statistics.linear_setups += s.linear_setups;
  run.statistics.nonlinear_iterations += s.nonlinear_iterations;
  run.statistics.error_test_failures += s.error_test_failures;
}

void TransportModel::integrate_outputs(State& state, const Application& application, Integration& run) {
  const double t0 = state.time_s;
  const double t_end = t0 + application.duration.si();
  const auto times = output_times(t0, application);
  const auto find_next_event = [&](std::size_t from) {
    std::size_t k = from;
    while (k < times.size() && !times[k].is_wash_off) ++k;
    return k;
  };
  std::size_t next_event = find_next_event(0);
  double t_before = t0;
  for (std::size_t k = 0; k < times.size(); ++k) {
    const double t_stop = next_event < times.size() ? times[next_event].time : t_end;
    const std::vector<double> y_before = run.suspended ? run.y : std::vector<double>{};
    integrator_->advance(times[k].time, t_stop, run.y);
    if (run.suspended && run.suspended->dissolved(run.y)) {
      dissolve_suspension(run, y_before, t_before, times[k].time, t_stop);
    }
    t_before = times[k].time;
    if (times[k].is_wash_off) {
      wash_off(state, run, times[k].time);
      next_event = find_next_event(k + 1);
    }
    if (times[k].is_sample || times[k].is_wash_off) record_now(run, times[k].time, state.washed_off);
    if (times[k].is_profile) record_profile(run, times[k].time);
  }
}

void TransportModel::dissolve_suspension(Integration& run, const std::vector<double>& y_before, double t_before,
                                         double t_output, double t_stop) {
  // Event: the last undissolved drug has gone into solution — between the two outputs, where
  // the drawn amount (linear over so short an interval) reaches the excess. Redo the interval
  // up to then, and go on as an ordinary film.
  auto& suspended = *run.suspended;
  const double drawn_before = suspended.drawn(y_before);
  const double fraction = (suspended.excess() - drawn_before) / (suspended.drawn(run.y) - drawn_before);
  const double t_dissolved = t_before + std::clamp(fraction, 0.0, 1.0) * (t_output - t_before);
  run.y = y_before;
  restart(run, t_before);
  integrator_->advance(t_dissolved, t_dissolved, run.y);
  suspended.to_film(*system_, run.y);
  run.suspended.reset();
  add_statistics(run);
  restart(run, t_dissolved);
  integrator_->advance(t_output, t_stop, run.y);
}

void TransportModel::wash_off(State& state, Integration& run, double t) {
  // Event: wash-off removes the film; the skin keeps its drug.
  auto& system = *system_;
  if (run.suspended) {
    run.suspended->to_film(system, run.y);
    run.suspended.reset();
  }
  state.washed_off += system.cells()[0].capacity * run.y[0];
  run.y[0] = 0.0;
  system.set_vehicle(VehicleMode::absent, 0.0);
  state.vehicle_film_m = 0.0;
  add_statistics(run);
  restart(run, t);
}

void TransportModel::record_profile(Integration& run, double t) const {
  DepthProfile profile;
  profile.time = Time::from_si(t);
  const auto& faces = system_->slab_faces();
  for (std::size_t s = 0; s + 1 < faces.size(); ++s) {
    profile.depth_m.push_back(0.5 * (faces[s] + faces[s + 1]));
  }
  profile.concentration_kg_m3 = system_->depth_profile(run.y);
  run.result.profiles.push_back(std::move(profile));
}

ApplicationResult TransportModel::finish(State& state, const Application& application, Integration run) const {
  const auto& system = *system_;
  const std::vector<double>& y = run.y;
  ApplicationResult result = std::move(run.result);
  result.final_amounts = system.amounts(y);
  result.washed_off = MassPerArea::from_si(state.washed_off - run.washed_before);
  result.auc_viable_epidermis_kg_s_m3 =
      y[system.accumulator_index(Accumulator::auc_viable_epidermis)] - run.auc_viable_epidermis_start;
  result.auc_dermis_kg_s_m3 = y[system.accumulator_index(Accumulator::auc_dermis)] - run.auc_dermis_start;
  result.statistics = run.statistics;
  const auto& a = result.final_amounts;
  const double present = (a.vehicle + a.in_skin() + a.receptor + a.cleared + a.metabolized).si() + state.washed_off;
  const double source = state.applied + a.supplied.si();
  result.mass_balance_relative_error = source > 0.0 ? std::abs(present - source) / source : std::abs(present);

  state.values = y;
  state.time_s = state.time_s + application.duration.si();
  return result;
}

}  // namespace dermasim::transport
