#pragma once
// A finding of the protocol and contraindication check (docs/rules.md): which rule, how severe,
// on which dates, about what, in plain language, and the rule's source. An unsafe regimen is
// a list of findings, never an exception.

#include <optional>
#include <string>
#include <vector>

#include "core/date.hpp"
#include "core/enum_names.hpp"

namespace dermasim::regimen {

enum class Severity { error, warning };
inline constexpr EnumNames<Severity, 2> severity_names{{{{Severity::error, "error"}, {Severity::warning, "warning"}}}};

struct Finding {
  std::string rule;
  Severity severity = Severity::warning;
  Date date;
  std::optional<Date> until;  // last day of a run of consecutive days, when longer than one
  std::string subject;        // product id, `session:YYYY-MM-DD` or `person`
  std::string message;
  std::string source;
};

/// docs/file-formats.md order: by date, errors first, then rule id (then subject, for a stable
/// output).
void sort_findings(std::vector<Finding>& findings);

[[nodiscard]] bool has_error(const std::vector<Finding>& findings);

}  // namespace dermasim::regimen
