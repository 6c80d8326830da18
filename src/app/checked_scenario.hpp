#pragma once
// The first steps of every command that runs a scenario's regimen (simulate, population): the
// catalogues, the scenario, its findings, and the message shown when error findings stop the run.

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "app/global_options.hpp"
#include "regimen/catalogue.hpp"
#include "regimen/finding.hpp"
#include "regimen/regimen.hpp"

namespace dermasim::app {

struct CheckedScenario {
  std::optional<std::filesystem::path> data_directory;  // absent: the built-in catalogues
  regimen::Catalogue catalogue;
  regimen::Regimen regimen;
  std::vector<regimen::Finding> findings;
  bool unsafe = false;  // an error finding
};

[[nodiscard]] CheckedScenario read_checked_scenario(const std::string& scenario_path, const GlobalOptions& global);

/// The findings and why nothing was simulated (an unsafe regimen without --force).
[[nodiscard]] std::string not_simulated_text(const CheckedScenario& scenario);

}  // namespace dermasim::app
