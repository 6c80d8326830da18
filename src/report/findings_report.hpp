#pragma once
// The check's findings for people and programs: the JSON document of `check --json`
// (docs/file-formats.md, Outputs) and the human text, grouped by date with errors first and a
// verdict.

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "regimen/finding.hpp"

namespace dermasim::report {

/// One finding as {rule, severity, date, until, subject, message, source}.
[[nodiscard]] nlohmann::json finding_json(const regimen::Finding& finding);
/// The list of findings, in the given order.
[[nodiscard]] nlohmann::json findings_json(const std::vector<regimen::Finding>& findings);
/// {"ok": no error finding, "findings": [...]}.
[[nodiscard]] nlohmann::json check_json(const std::vector<regimen::Finding>& findings);

/// Human-readable report: findings grouped by date (errors first), then a one-line verdict
/// and the not-medical-advice notice.
[[nodiscard]] std::string check_text(const std::string& scenario_name, const std::vector<regimen::Finding>& findings);

/// The notice every report carries.
inline constexpr const char* medical_notice =
    "dermasim gives advice, never a prescription: consult a dermatologist before changing a treatment.";

}  // namespace dermasim::report
