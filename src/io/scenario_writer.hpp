#pragma once
// Writes a Regimen as a scenario file (docs/file-formats.md, "Scenario") that read_scenario reads
// back to the same Regimen: the planner's plan.toml. Every key is written explicitly (no value is
// left to a default), so the file says exactly what the plan is.

#include <string>

#include "regimen/regimen.hpp"

namespace dermasim::io {

/// The scenario text; `header` becomes comment lines at the top.
[[nodiscard]] std::string write_scenario(const regimen::Regimen& regimen, const std::string& header);

/// A TOML basic string with its quotes, escaping backslash, quote and control characters.
[[nodiscard]] std::string toml_string(const std::string& text);

}  // namespace dermasim::io
