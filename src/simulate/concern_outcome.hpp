#pragma once
// The predicted improvement of one of the person's concerns (docs/file-formats.md concerns;
// docs/model-response.md clinical scores): the bridge between the regimen's Concern and the
// response's scores, used by the planner's objective and by the reports.

#include "regimen/person.hpp"
#include "response/clinical_scores.hpp"

namespace dermasim::simulate {

/// The improvement (%) of `concern` in `improvement`.
[[nodiscard]] double improvement_of(regimen::Concern concern, const response::ConcernImprovements& improvement);

}  // namespace dermasim::simulate
