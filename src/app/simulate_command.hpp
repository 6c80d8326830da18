#pragma once
// `dermasim simulate SCENARIO [--out DIR] [--json] [--fidelity fast|full] [--force]`: runs a
// regimen through the coupled transport + response model (docs/architecture.md).

#include <string>

#include <CLI/CLI.hpp>

#include "app/global_options.hpp"
#include "transport/transport_model.hpp"

namespace dermasim::app {

struct SimulateOptions {
  std::string scenario_path;
  std::string out_directory = "dermasim-out";
  bool json = false;
  transport::Fidelity fidelity = transport::Fidelity::fast;
  bool force = false;
};

CLI::App* add_simulate_command(CLI::App& app, SimulateOptions& options);

/// Exit 1 (without simulating) when the scenario has error findings, unless forced; forced
/// runs write every file and still exit 1.
[[nodiscard]] int run_simulate(const SimulateOptions& options, const GlobalOptions& global);

}  // namespace dermasim::app
