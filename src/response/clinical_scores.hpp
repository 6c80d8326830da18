#pragma once
// Clinical scores from the response state (docs/model-response.md, "Clinical scores"): erythema and
// irritation on the 0-4 scale, collagen content change, pigment, turnover time, the
// improvement (%) of each concern against a baseline state, and the risk of visible
// post-inflammatory hyperpigmentation.

#include "core/units.hpp"
#include "response/response_equations.hpp"
#include "response/response_parameters.hpp"

namespace dermasim::response {

/// Improvement in percent of each concern (positive = better; capped at 100).
struct ConcernImprovements {
  double acne_scars = 0.0;
  double fine_lines = 0.0;
  double hyperpigmentation = 0.0;
  double texture = 0.0;
  double enlarged_pores = 0.0;
  double acne = 0.0;
};

/// Erythema 0-4: inflammation from injuries plus the redness of retinoid irritation.
[[nodiscard]] double erythema_score(const ResponseState& state, const ResponseParameters& parameters);
/// Irritation 0-4 (the irritation state is kept on the score scale).
[[nodiscard]] double irritation_score(const ResponseState& state);
/// Collagen content change in percent of baseline: matured excess plus the immature pool
/// weighted by immature_collagen_weight.
[[nodiscard]] double collagen_change_percent(const ResponseState& state, const ResponseParameters& parameters);
/// Epidermal pigment index (1 = the person's untreated baseline), PIH included.
[[nodiscard]] double pigment_index(const ResponseState& state);
/// Current epidermal turnover time.
[[nodiscard]] Time turnover_time(const ResponseState& state, const ResponseParameters& parameters);
/// Improvements of `now` over `baseline`.
[[nodiscard]] ConcernImprovements concern_improvements(const ResponseState& baseline, const ResponseState& now,
                                                       const ResponseParameters& parameters);
/// Probability (0-1) of visible PIH given the highest PIH pigment reached:
/// 1 − exp(−peak / pih_visible_pigment).
[[nodiscard]] double pih_risk(double peak_pih_pigment, const ResponseParameters& parameters);

}  // namespace dermasim::response
