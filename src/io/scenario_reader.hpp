#pragma once
// Reads a scenario file (docs/file-formats.md, "Scenario") into a Regimen: every key checked for
// type and range, defaults taken from the catalogues, cross-references (product ids in `pause` and
// `after`, phases of one active) checked, errors at FILE:LINE:COLUMN.

#include <string>
#include <string_view>

#include "regimen/catalogue.hpp"
#include "regimen/regimen.hpp"

namespace dermasim::io {

/// Reads the scenario file at `path`. Throws InputError on any problem.
[[nodiscard]] regimen::Regimen read_scenario_file(const std::string& path, const regimen::Catalogue& catalogue);

/// Reads scenario text; `file_name` is how errors name it.
[[nodiscard]] regimen::Regimen read_scenario(std::string_view text, const std::string& file_name,
                                             const regimen::Catalogue& catalogue);

}  // namespace dermasim::io
