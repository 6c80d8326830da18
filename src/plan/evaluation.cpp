#include "plan/evaluation.hpp"

namespace dermasim::plan {

double improvement_of(regimen::Concern concern, const response::ConcernImprovements& improvement) {
  switch (concern) {
    case regimen::Concern::acne_scars: return improvement.acne_scars;
    case regimen::Concern::fine_lines: return improvement.fine_lines;
    case regimen::Concern::hyperpigmentation: return improvement.hyperpigmentation;
    case regimen::Concern::texture: return improvement.texture;
    case regimen::Concern::enlarged_pores: return improvement.enlarged_pores;
    case regimen::Concern::acne: return improvement.acne;
  }
  return 0.0;
}

double objective(const regimen::Profile& profile, const response::ResponseOutcomes& outcomes) {
  double total = 0.0;
  for (const auto concern : profile.person.concerns)
    total += profile.goals.weight(concern) * improvement_of(concern, outcomes.improvement_percent);
  return total;
}

}  // namespace dermasim::plan
