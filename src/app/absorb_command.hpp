#pragma once
// `dermasim absorb EXPERIMENT [--json] [--out DIR] [--fidelity fast|full]`: one transport
// experiment (Franz cell or in vivo), intact or micro-needled skin (docs/architecture.md;
// docs/file-formats.md "Experiment"). Writes absorb.json, profile.csv and depth_profile.csv.

#include <string>

#include <CLI/CLI.hpp>

#include "app/global_options.hpp"
#include "transport/transport_model.hpp"

namespace dermasim::app {

struct AbsorbOptions {
  std::string experiment_path;
  std::string out_directory = "dermasim-out";
  bool json = false;
  transport::Fidelity fidelity = transport::Fidelity::full;
};

CLI::App* add_absorb_command(CLI::App& app, AbsorbOptions& options);

/// Exit 0 on success (invalid input throws InputError, mapped to 2 by main).
[[nodiscard]] int run_absorb(const AbsorbOptions& options, const GlobalOptions& global);

}  // namespace dermasim::app
