#pragma once
// A regimen as JSON with the keys of the scenario format (docs/file-formats.md): summary.json's
// `regimen`, the same content as plan.toml.

#include <nlohmann/json.hpp>

#include "regimen/regimen.hpp"

namespace dermasim::report {

[[nodiscard]] nlohmann::json regimen_json(const regimen::Regimen& regimen);

}  // namespace dermasim::report
