#include "response/clinical_scores.hpp"

#include <algorithm>
#include <cmath>

namespace dermasim::response {

namespace {
constexpr double max_score = 4.0;
double cap_percent(double value) { return std::min(100.0, value); }
}  // namespace

double erythema_score(const ResponseState& s, const ResponseParameters& p) {
  const double value = p.erythema_per_inflammation * std::max(0.0, s.inflammation) +
                       p.erythema_per_irritation * std::max(0.0, s.irritation);
  return std::clamp(value, 0.0, max_score);
}

double irritation_score(const ResponseState& s) { return std::clamp(s.irritation, 0.0, max_score); }

double collagen_change_percent(const ResponseState& s, const ResponseParameters& p) {
  return 100.0 * (s.mature_collagen + p.immature_collagen_weight * s.immature_collagen);
}

double pigment_index(const ResponseState& s) { return s.pigment + s.pih_pigment; }

Time turnover_time(const ResponseState& s, const ResponseParameters& p) {
  return p.turnover_time / std::max(1e-6, s.turnover_factor);
}

ConcernImprovements concern_improvements(const ResponseState& baseline, const ResponseState& now,
                                         const ResponseParameters& p) {
  const double collagen = collagen_change_percent(now, p) - collagen_change_percent(baseline, p);
  const double turnover = 100.0 * (now.turnover_factor - baseline.turnover_factor);
  const double acne = 100.0 * (1.0 - now.acne_lesions / baseline.acne_lesions);
  ConcernImprovements result;
  result.acne_scars = cap_percent(p.scar_improvement_per_collagen_percent * collagen);
  result.fine_lines =
      cap_percent(p.fine_lines_per_collagen_percent * collagen + p.fine_lines_per_turnover_percent * turnover);
  result.texture = cap_percent(p.texture_per_collagen_percent * collagen + p.texture_per_turnover_percent * turnover);
  result.hyperpigmentation = cap_percent(100.0 * (1.0 - pigment_index(now) / pigment_index(baseline)));
  result.acne = cap_percent(acne);
  result.enlarged_pores = cap_percent(p.pores_per_collagen_percent * collagen + p.pores_per_acne_percent * acne);
  return result;
}

double pih_risk(double peak_pih_pigment, const ResponseParameters& p) {
  return 1.0 - std::exp(-std::max(0.0, peak_pih_pigment) / p.pih_visible_pigment);
}

}  // namespace dermasim::response
