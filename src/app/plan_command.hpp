#pragma once
// `dermasim plan PROFILE [--start DATE] [--out DIR] [--json] [--threads T]`: searches
// regimens for a profile and writes plan.toml, plan.ics, report.html and summary.json.

#include <optional>
#include <string>

#include <CLI/CLI.hpp>

#include "app/global_options.hpp"

namespace dermasim::app {

struct PlanOptions {
  std::string profile_path;
  std::optional<std::string> start;  // YYYY-MM-DD
  std::string out_directory = "dermasim-out";
  bool json = false;
  int threads = 2;
  bool skip_full = false;
  std::optional<double> robust_percent;  // --robust P: judge finalists over a virtual population
};

CLI::App* add_plan_command(CLI::App& app, PlanOptions& options);

/// Exit 0 with a plan; 1 when a contraindication forbids any plan.
[[nodiscard]] int run_plan(const PlanOptions& options, const GlobalOptions& global);

}  // namespace dermasim::app
