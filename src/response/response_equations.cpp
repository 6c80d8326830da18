#include "response/response_equations.hpp"

#include <algorithm>
#include <cmath>
#include <numbers>

#include "core/error.hpp"

namespace dermasim::response {

ResponseState ResponseState::from(std::span<const double> v) {
  expects(v.size() == size, "ResponseState::from: wrong number of values");
  return {v[0], v[1], v[2], v[3], v[4], v[5], v[6], v[7], v[8], v[9], v[10], v[11], v[12], v[13]};
}

ResponseEquations::ResponseEquations(const ResponseParameters& parameters, const PersonTraits& traits)
    : parameters_(parameters), traits_(traits) {
  check_response_parameters(parameters);
  check_traits(traits);
  sensitivity_ = parameters.sensitivity_factor(traits.sensitivity);
  pih_reactivity_ = parameters.pih_reactivity(traits.fitzpatrick);
  const double decades_over = std::max(0.0, (traits.age_years - parameters.reference_age_years) / 10.0);
  barrier_recovery_rate_ = 1.0 / (parameters.barrier_recovery_time.si() *
                                  (1.0 + parameters.barrier_recovery_slowing_per_decade * decades_over));
  // Older skin forms less collagen for the same stimulus (Griffiths 1993 NEJM: formation lower
  // in photodamaged skin); younger skin is not given more than the reference.
  collagen_age_factor_ = std::max(0.2, 1.0 - parameters.collagen_response_decline_per_decade * decades_over);
}

double ResponseEquations::activation_target(MassPerArea exposure) const {
  const double e = std::max(0.0, exposure.si());
  return parameters_.activation_max * e / (parameters_.activation_ec50.si() + e);
}

double ResponseEquations::collagen_formation_excess(const ResponseState& s) const {
  const double a = std::max(0.0, s.activation);
  const double fb = std::max(0.0, s.fibroblast_activation);
  return collagen_age_factor_ * (parameters_.collagen_synthesis_gain_per_activation * a +
                                 parameters_.collagen_synthesis_gain_per_fibroblast * fb);
}

void ResponseEquations::derivatives(std::span<const double> y, const DriveLevels& drives,
                                    std::span<double> dydt) const {
  const ResponseParameters& p = parameters_;
  const ResponseState s = ResponseState::from(y);
  const double a = std::max(0.0, s.activation);
  const double deficit = std::max(0.0, 1.0 - s.barrier);
  const double shade = drives.sunscreen ? 1.0 : 0.0;

  // Injury and inflammation: the deposited injury turns into inflammation over
  // injury_signal_time, which resolves with inflammation_half_life (docs/model-response.md).
  const double k_signal = 1.0 / p.injury_signal_time.si();
  const double k_inflammation = std::numbers::ln2 / p.inflammation_half_life.si();
  const double d_signal = -k_signal * s.injury_signal;
  const double d_inflammation = k_signal * s.injury_signal - k_inflammation * s.inflammation;

  // Barrier: recovers towards 1, lowered by retinoid irritation (sessions lower it by a jump).
  const double d_barrier = barrier_recovery_rate_ * (1.0 - s.barrier) - p.barrier_loss_rate_per_irritation.si() *
                                                                            std::max(0.0, s.irritation) *
                                                                            (s.barrier - p.barrier_min);

  // Receptor activation follows Emax·E/(EC50 + E) through two lags: the receptor signal,
  // then the activation of retinoid-responsive genes (CRABP-II kinetics, PMID 8931868).
  const double d_signal_activation =
      (activation_target(drives.tretinoin_equivalent_exposure) - s.activation_signal) / p.activation_signal_time.si();
  const double d_activation = (s.activation_signal - s.activation) / p.activation_time.si();

  // Irritation driven by activation, damped by tolerance, amplified by a weak barrier.
  const double tolerance = std::clamp(s.tolerance, 0.0, 1.0);
  const double irritation_drive = sensitivity_ * p.irritation_gain * a * (1.0 - tolerance) *
                                  (1.0 + p.irritation_amplification_per_barrier_deficit * deficit);
  const double d_irritation = (irritation_drive - s.irritation) / p.irritation_time.si();
  const double d_tolerance =
      p.tolerance_build_rate.si() * a * (1.0 - s.tolerance) - s.tolerance / p.tolerance_fade_time.si();

  // Fibroblasts follow inflammation (diminishing returns as new collagen accumulates);
  // collagen formation above baseline enters the immature pool, which matures and is
  // remodelled with the collagen turnover time.
  const double new_collagen = std::max(0.0, s.immature_collagen + s.mature_collagen);
  const double returns = 1.0 / (1.0 + new_collagen / p.collagen_saturation);
  const double d_fibroblast =
      (std::max(0.0, s.inflammation) * returns - s.fibroblast_activation) / p.fibroblast_time.si();
  const double k_collagen = 1.0 / p.collagen_turnover_time.si();
  const double k_maturation = 1.0 / p.collagen_maturation_time.si();
  const double d_immature = k_collagen * collagen_formation_excess(s) - k_maturation * s.immature_collagen;
  const double d_mature = k_maturation * s.immature_collagen - k_collagen * s.mature_collagen;

  // Turnover speeds up with activation and reaches its new steady state within weeks.
  const double d_turnover =
      (1.0 + p.turnover_acceleration_per_activation * a - s.turnover_factor) / p.turnover_adaptation_time.si();

  // Pigment: production (UV share removed by sunscreen, photosensitised by a thin barrier,
  // melanogenesis inhibited by activation) against loss with turnover.
  const double k_turnover = 1.0 / p.turnover_time.si();
  const double uv = 1.0 - p.uv_pigment_share * shade +
                    p.uv_pigment_share * p.uv_photosensitization_per_barrier_deficit * deficit * (1.0 - shade);
  const double production = std::max(0.0, 1.0 - p.melanogenesis_inhibition_per_activation * a) * uv;
  const double d_pigment = k_turnover * (production - s.turnover_factor * s.pigment);
  const double d_pih = p.pih_pigment_rate.si() * pih_reactivity_ * std::max(0.0, s.inflammation) *
                           (1.0 + p.pih_uv_amplification * (1.0 - shade)) -
                       k_turnover * s.turnover_factor * s.pih_pigment;

  // Acne: comedolysis lowers lesions; acne-prone skin first flares ("purge") while tolerance
  // is low. (1 − T)² confines the flare to the first weeks instead of trimming the benefit.
  const double purge = traits_.acne_prone ? p.purge_per_activation * a * (1.0 - tolerance) * (1.0 - tolerance) : 0.0;
  const double acne_target = std::max(0.0, 1.0 - p.comedolysis_per_activation * a + purge);
  const double d_acne = (acne_target - s.acne_lesions) / p.acne_response_time.si();

  const std::array derivative{d_signal,    d_inflammation, d_barrier,  d_activation,       d_irritation,
                              d_tolerance, d_fibroblast,   d_immature, d_mature,           d_turnover,
                              d_pigment,   d_pih,          d_acne,     d_signal_activation};
  expects(dydt.size() == derivative.size(), "ResponseEquations::derivatives: wrong size");
  std::copy(derivative.begin(), derivative.end(), dydt.begin());
}

double ResponseEquations::injury_dose(const SessionInjury& session) const {
  const ResponseParameters& p = parameters_;
  // Fraction of the surface within an inflamed halo of some channel (random placement).
  auto covered = [&](ArealDensity density) { return 1.0 - std::exp(-density.si() * p.injury_halo_area.si()); };
  return (session.effective_depth / p.injury_reference_depth) * covered(session.channel_density()) /
         covered(p.injury_reference_density);
}

ResponseState ResponseEquations::after_session(const ResponseState& before, const SessionInjury& session) const {
  const ResponseParameters& p = parameters_;
  const double dose = injury_dose(session);
  const double amplification =
      (1.0 + p.inflammation_amplification_per_irritation * std::max(0.0, before.irritation)) *
      (1.0 + p.inflammation_amplification_per_barrier_deficit * std::max(0.0, 1.0 - before.barrier));
  ResponseState after = before;
  after.injury_signal += dose * amplification;
  after.barrier = p.barrier_min + (before.barrier - p.barrier_min) * std::exp(-p.barrier_loss_per_injury * dose);
  return after;
}

}  // namespace dermasim::response
