#include "report/findings_report.hpp"

#include <fmt/format.h>

namespace dermasim::report {

using regimen::Finding;
using regimen::Severity;

nlohmann::json finding_json(const Finding& finding) {
  return {{"rule", finding.rule},
          {"severity", std::string(regimen::severity_names.name(finding.severity))},
          {"date", iso(finding.date)},
          {"until", finding.until ? nlohmann::json(iso(*finding.until)) : nlohmann::json(nullptr)},
          {"subject", finding.subject},
          {"message", finding.message},
          {"source", finding.source}};
}

nlohmann::json findings_json(const std::vector<Finding>& findings) {
  nlohmann::json list = nlohmann::json::array();
  for (const Finding& finding : findings) list.push_back(finding_json(finding));
  return list;
}

nlohmann::json check_json(const std::vector<Finding>& findings) {
  return {{"ok", !regimen::has_error(findings)}, {"findings", findings_json(findings)}};
}

std::string check_text(const std::string& scenario_name, const std::vector<Finding>& findings) {
  std::string text = fmt::format("Scenario: {}\n", scenario_name);
  std::optional<Date> current_date;
  std::size_t errors = 0;
  for (const Finding& finding : findings) {  // already sorted: date, errors first, rule
    if (!current_date || *current_date != finding.date) {
      current_date = finding.date;
      text += fmt::format("\n{}{}\n", iso(finding.date), finding.until ? " to " + iso(*finding.until) : std::string());
    }
    if (finding.severity == Severity::error) ++errors;
    text += fmt::format("  {:<7} {} [{}]\n          {}\n          source: {}\n",
                        finding.severity == Severity::error ? "ERROR" : "warning", finding.rule, finding.subject,
                        finding.message, finding.source);
  }
  const std::size_t warnings = findings.size() - errors;
  text += "\n";
  if (errors > 0)
    text += fmt::format(
        "Verdict: UNSAFE - {} error{} and {} warning{}; fix the errors before following "
        "this regimen.\n",
        errors, errors == 1 ? "" : "s", warnings, warnings == 1 ? "" : "s");
  else if (warnings > 0)
    text += fmt::format("Verdict: acceptable with {} warning{}; read each precaution.\n", warnings,
                        warnings == 1 ? "" : "s");
  else
    text += "Verdict: no findings; the regimen follows the protocol.\n";
  text += fmt::format("{}\n", medical_notice);
  return text;
}

}  // namespace dermasim::report
