#include "simulate/concern_outcome.hpp"

#include <array>
#include <utility>

namespace dermasim::simulate {

namespace {

using regimen::Concern;
using response::ConcernImprovements;

// Which score answers which concern; a concern added to the regimen needs its row here.
constexpr std::array<std::pair<Concern, double ConcernImprovements::*>, 6> score_of_concern{{
    {Concern::acne_scars, &ConcernImprovements::acne_scars},
    {Concern::fine_lines, &ConcernImprovements::fine_lines},
    {Concern::hyperpigmentation, &ConcernImprovements::hyperpigmentation},
    {Concern::texture, &ConcernImprovements::texture},
    {Concern::enlarged_pores, &ConcernImprovements::enlarged_pores},
    {Concern::acne, &ConcernImprovements::acne},
}};
static_assert(score_of_concern.size() == regimen::concern_names.entries().size(), "every concern has a score");

}  // namespace

double improvement_of(Concern concern, const ConcernImprovements& improvement) {
  for (const auto& [listed, score] : score_of_concern)
    if (listed == concern) return improvement.*score;
  return 0.0;
}

}  // namespace dermasim::simulate
