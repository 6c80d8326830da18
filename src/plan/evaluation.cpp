#include "plan/evaluation.hpp"

#include "simulate/concern_outcome.hpp"

namespace dermasim::plan {

double objective(const regimen::Profile& profile, const response::ResponseOutcomes& outcomes) {
  double total = 0.0;
  for (const auto concern : profile.person.concerns)
    total += profile.goals.weight(concern) * simulate::improvement_of(concern, outcomes.improvement_percent);
  return total;
}

}  // namespace dermasim::plan
