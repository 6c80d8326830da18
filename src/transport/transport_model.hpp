#pragma once
// One application of a topical product to (micro-needled) skin, at `full` or `fast` fidelity
// (docs/transport.md): the model builds its discretization once, then each apply() integrates from
// the carried State to the end of the application, stopping at each event (application,
// wash-off; events are stops) to change the state and restart the integrator. Results carry
// per-compartment amounts over time, the outflow, the depth profile, peak and area under the
// curve of the viable-epidermis and dermis concentrations, and the mass balance.

#include <memory>
#include <optional>
#include <vector>

#include "core/enum_names.hpp"
#include "core/units.hpp"
#include "numerics/time_integrator.hpp"
#include "transport/finite_volume_system.hpp"
#include "transport/skin_geometry.hpp"

namespace dermasim::transport {

/// `full`: 2-D axisymmetric unit cell; `fast`: 1-D two-pathway column. Intact skin (no
/// channels) is a 1-D column at either fidelity.
enum class Fidelity { fast, full };
inline constexpr EnumNames<Fidelity, 2> fidelity_names{{{{Fidelity::fast, "fast"}, {Fidelity::full, "full"}}}};

struct SkinModel {
  std::vector<Layer> layers;  // from the surface down
  Receptor receptor = Receptor::sink;
  std::optional<ChannelArray> channels;     // absent: intact skin
  Time closure_time_constant = hours(1.0);  // in vivo only (Receptor::clearance)
  Time channels_opened_at = Time{};         // model time of perforation (may be < 0)
};

/// CVODE (adaptive BDF with error control) or the hand-written BDF2 with a fixed step;
/// `automatic`: CVODE at `full` fidelity, BDF2 (5 min) at `fast`.
enum class TimeScheme { automatic, cvode, fixed_step_bdf2 };

struct SolverOptions {
  double relative_tolerance = 1e-6;
  double absolute_tolerance_fraction = 1e-8;  // of the state's reference scale
  TimeScheme scheme = TimeScheme::automatic;
  Time bdf2_step = minutes(5);
  int bdf2_startup_halvings = 4;  // the first step after a restart is bdf2_step / 2^this
  Time bdf2_max_step = Time{};    // with a positive growth, steps double up to this
  double bdf2_step_growth = 0.0;  // step ≤ growth × time since the last event (Bdf2Schedule)
  // The least absolute tolerance, in SI units (kg/m³, kg/m², kg·s/m³): far below one molecule of
  // the lightest active (16 g/mol, 2.7e-26 kg) per m³ or m². A scale that itself is at
  // round-off (a water solubility of 1e-300 mg/mL) would otherwise give a tolerance that is
  // subnormal or zero, and CVODE fails.
  double absolute_tolerance_floor = 1e-30;
};

/// One application. A finite dose is a well-mixed film of thickness dose/density holding
/// drug_mass_fraction × dose; an infinite dose keeps the vehicle concentration constant.
/// The solubility in the vehicle is K_v × the water solubility (partitioning at saturation).
struct Application {
  double vehicle_partition = 1.0;  // K_v, vehicle/water
  Density vehicle_density = 1.0 * units::gram_per_cubic_centimetre;
  MassPerArea formulation_dose;                 // finite dose
  double drug_mass_fraction = 0.0;              // finite dose
  std::optional<Concentration> constant_donor;  // infinite dose
  // Caps the vehicle (docs/transport.md): drug beyond K_v × this in the vehicle stays undissolved
  // and keeps the vehicle saturated, u = this, until it has dissolved. Absent: no cap.
  std::optional<Concentration> water_solubility;
  Time duration;
  std::optional<Time> wash_off_after;  // from the start
  double barrier = 1.0;                // SC barrier state, [0.05, 1]
  std::vector<Time> profile_times;     // from the start
  std::size_t n_samples = 96;
};

/// The drug in and around the skin between applications; carried to the next apply().
/// Amounts are per unit skin area (kg/m²); `values` is the discretization's state vector.
struct State {
  double time_s = 0.0;
  std::vector<double> values;
  double vehicle_film_m = 0.0;  // thickness of the film left on the skin
  double applied = 0.0;         // cumulative applied drug, kg/m²
  double washed_off = 0.0;      // cumulative, kg/m²
};

struct Sample {
  Time time;  // model time
  CompartmentAmounts amounts;
  MassPerArea washed_off;  // cumulative
  Flux outflow;            // into receptor + clearance
  Concentration viable_epidermis;
  Concentration dermis;
};

struct DepthProfile {
  Time time;
  std::vector<double> depth_m;              // slab centres
  std::vector<double> concentration_kg_m3;  // slab-averaged total concentration
};

struct ApplicationResult {
  std::vector<Sample> samples;  // includes the start and the end
  std::vector<DepthProfile> profiles;
  CompartmentAmounts final_amounts;
  MassPerArea applied;                  // this application's drug
  MassPerArea washed_off;               // this application's wash-off
  Concentration peak_viable_epidermis;  // over the samples
  Concentration peak_dermis;
  double auc_viable_epidermis_kg_s_m3 = 0.0;  // ∫ mean concentration dt over this application
  double auc_dermis_kg_s_m3 = 0.0;
  double mass_balance_relative_error = 0.0;  // over the whole history of the State
  numerics::IntegratorStatistics statistics;
};

/// Grid defaults: `full` resolves a barrier-limited early transient to about 0.1 %; `fast`
/// is coarse (tens of cells per pathway), its error dominated by the two-pathway model itself.
[[nodiscard]] GridResolution default_resolution(Fidelity fidelity);

class TransportModel {
 public:
  /// Builds the discretization; without a resolution, default_resolution(fidelity).
  /// @pre skin.layers valid; channels within the unit cell.
  TransportModel(SkinModel skin, Fidelity fidelity, std::optional<GridResolution> resolution = std::nullopt,
                 SolverOptions options = {});
  ~TransportModel();
  TransportModel(TransportModel&&) noexcept;
  TransportModel& operator=(TransportModel&&) noexcept;

  [[nodiscard]] State initial_state() const;
  /// Integrates one application from `state` (updated in place to the end of it).
  /// @pre state came from this model; application.duration > 0.
  [[nodiscard]] ApplicationResult apply(State& state, const Application& application);

  [[nodiscard]] const FiniteVolumeSystem& system() const { return *system_; }
  [[nodiscard]] std::size_t n_cells() const { return system_->n_cells() - 1; }
  [[nodiscard]] Fidelity fidelity() const { return fidelity_; }
  [[nodiscard]] const SkinModel& skin() const { return skin_; }

 private:
  struct Integration;  // one application while it is integrated (transport_model.cpp)
  // The steps of apply(): the application event, the outputs and events up to its end.
  void add_application(State& state, const Application& application, Integration& run);
  void add_film(State& state, const Application& application, double previous_vehicle, Integration& run);
  void integrate_outputs(State& state, const Application& application, Integration& run);
  void dissolve_suspension(Integration& run, const std::vector<double>& y_before, double t_before, double t_output,
                           double t_stop);
  void wash_off(State& state, Integration& run, double t);
  void restart(Integration& run, double t);
  void record_now(Integration& run, double t, double washed_off) const;
  void record_profile(Integration& run, double t) const;
  void add_statistics(Integration& run) const;
  [[nodiscard]] ApplicationResult finish(State& state, const Application& application, Integration run) const;
  void record(ApplicationResult& result, double t, std::span<const double> y, double washed_off) const;
  [[nodiscard]] std::vector<double> absolute_tolerances(std::span<const double> y, double amount_scale) const;

  SkinModel skin_;
  Fidelity fidelity_;
  SolverOptions options_;
  std::unique_ptr<FiniteVolumeSystem> system_;
  std::unique_ptr<numerics::TimeIntegrator> integrator_;
};

}  // namespace dermasim::transport
