#pragma once
// The skin response ODEs of docs/model-response.md as a problem object, kept apart from the
// integrator: the state layout, the right-hand side for given drive levels, and the jump a
// micro-needling session applies to the state. No integrator here; ResponseSimulation pairs
// it with CVODE.

#include <array>
#include <cstddef>
#include <span>

#include "core/units.hpp"
#include "response/response_drives.hpp"
#include "response/response_parameters.hpp"

namespace dermasim::response {

/// The response state of one person. All components are dimensionless; baselines are the
/// untreated steady state (barrier 1, turnover factor 1, pigment 1, acne lesions 1, rest 0).
struct ResponseState {
  double injury_signal = 0.0;          // S: injury deposited by sessions, not yet inflamed
  double inflammation = 0.0;           // F
  double barrier = 1.0;                // B ∈ [barrier_min, 1]
  double activation = 0.0;             // A: retinoid receptor activation, 0..activation_max
  double irritation = 0.0;             // I: retinoid irritation, on the 0-4 score scale
  double tolerance = 0.0;              // T ∈ [0, 1)
  double fibroblast_activation = 0.0;  // Fb
  double immature_collagen = 0.0;      // N: new collagen not yet matured (fraction of baseline)
  double mature_collagen = 0.0;        // M: matured excess collagen (fraction of baseline)
  double turnover_factor = 1.0;        // G: epidermal turnover rate / baseline
  double pigment = 1.0;                // P: epidermal melanin / baseline
  double pih_pigment = 0.0;            // Q: post-inflammatory pigment (fraction of baseline)
  double acne_lesions = 1.0;           // L: acne lesion count / baseline
  double activation_signal = 0.0;      // R: receptor signal that activation follows

  static constexpr std::size_t size = 14;
  // Positions in to_array() of the components the simulation addresses directly.
  static constexpr std::size_t barrier_index = 2;
  static constexpr std::size_t activation_index = 3;
  static constexpr std::size_t activation_signal_index = 13;

  /// The components in declaration order.
  [[nodiscard]] constexpr std::array<double, size> to_array() const {
    return {injury_signal, inflammation,          barrier,           activation,       irritation,
            tolerance,     fibroblast_activation, immature_collagen, mature_collagen,  turnover_factor,
            pigment,       pih_pigment,           acne_lesions,      activation_signal};
  }
  [[nodiscard]] static ResponseState from(std::span<const double> values);
};

static_assert(ResponseState{.barrier = 7.0}.to_array()[ResponseState::barrier_index] == 7.0);
static_assert(ResponseState{.activation = 7.0}.to_array()[ResponseState::activation_index] == 7.0);
static_assert(ResponseState{.activation_signal = 7.0}.to_array()[ResponseState::activation_signal_index] == 7.0);

/// The drives held constant between two events.
struct DriveLevels {
  MassPerArea tretinoin_equivalent_exposure;  // viable epidermis, retinol converted
  bool sunscreen = false;
};

class ResponseEquations {
 public:
  /// @pre parameters pass check_response_parameters, traits pass check_traits.
  ResponseEquations(const ResponseParameters& parameters, const PersonTraits& traits);

  /// dy/dt (per second) at state y under `drives`. @pre y and dydt have ResponseState::size.
  void derivatives(std::span<const double> y, const DriveLevels& drives, std::span<double> dydt) const;

  /// The state right after a session: injury added (amplified by irritation and a weak
  /// barrier), barrier lowered.
  [[nodiscard]] ResponseState after_session(const ResponseState& before, const SessionInjury& session) const;

  /// Injury dose of a session (1 for the reference depth and density), before amplification.
  [[nodiscard]] double injury_dose(const SessionInjury& session) const;

  /// The activation a constant exposure approaches: Emax·E/(EC50 + E).
  [[nodiscard]] double activation_target(MassPerArea tretinoin_equivalent_exposure) const;

  /// Collagen I formation relative to baseline, minus 1 (0.8 = +80 %), at state `state`.
  [[nodiscard]] double collagen_formation_excess(const ResponseState& state) const;

  [[nodiscard]] const ResponseParameters& parameters() const { return parameters_; }
  [[nodiscard]] const PersonTraits& traits() const { return traits_; }

 private:
  ResponseParameters parameters_;
  PersonTraits traits_;
  // Person-specific constants, derived once.
  double sensitivity_ = 1.0;
  double pih_reactivity_ = 1.0;
  double barrier_recovery_rate_ = 0.0;  // 1/s, age included
  double collagen_age_factor_ = 1.0;
};

}  // namespace dermasim::response
