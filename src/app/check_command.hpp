#pragma once
// `dermasim check SCENARIO [--json]`: the protocol and contraindication findings of a scenario.

#include <string>

#include <CLI/CLI.hpp>

#include "app/global_options.hpp"

namespace dermasim::app {

struct CheckOptions {
  std::string scenario_path;
  bool json = false;
};

CLI::App* add_check_command(CLI::App& app, CheckOptions& options);

/// Exit 0 when no finding is an error, 1 otherwise.
[[nodiscard]] int run_check(const CheckOptions& options, const GlobalOptions& global);

}  // namespace dermasim::app
