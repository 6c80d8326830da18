#pragma once
// The protocol and contraindication check of a regimen (docs/rules.md): every rule of the
// table applied to the day-by-day schedule, each finding with its rule, severity, dates,
// subject, plain-language message and source.

#include <vector>

#include "regimen/finding.hpp"
#include "regimen/regimen.hpp"
#include "regimen/rule_table.hpp"

namespace dermasim::regimen {

/// All findings for `regimen` under `rules`, sorted as docs/file-formats.md says (date, errors
/// first, rule). Precondition: `rules` holds every rule of rule_schemas() (the loader
/// guarantees it).
[[nodiscard]] std::vector<Finding> check_protocol(const Regimen& regimen, const RuleTable& rules);

}  // namespace dermasim::regimen
