#pragma once
// The options that several commands share, declared once so that their names, help texts and
// allowed values cannot drift apart between commands (docs/cli.md).

#include <string>
#include <string_view>

#include <CLI/CLI.hpp>

#include "transport/transport_model.hpp"

namespace dermasim::app {

/// `--out DIR` (default dermasim-out) and `--json` (print `json_file` to stdout).
void add_output_options(CLI::App* command, std::string& out_directory, bool& json, std::string_view json_file);

/// `--fidelity fast|full`, read straight into the enum (the default is what `fidelity` holds).
void add_fidelity_option(CLI::App* command, transport::Fidelity& fidelity);

/// `--force`: run the model even when the scenario has error findings (the exit code stays 1).
void add_force_flag(CLI::App* command, bool& force);

}  // namespace dermasim::app
