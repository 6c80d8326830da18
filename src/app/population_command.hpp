#pragma once
// `dermasim population SCENARIO --n N [--seed S] [--threads T] [--out DIR] [--json]
// [--fidelity fast|full] [--force]`: outcome distributions over a virtual population
// (docs/architecture.md; docs/population.md). Under `mpirun -np R` (a DERMASIM_MPI build) the
// people are split across ranks and rank 0 writes and prints.

#include <cstdint>
#include <string>

#include <CLI/CLI.hpp>

#include "app/global_options.hpp"
#include "transport/transport_model.hpp"

namespace dermasim::app {

struct PopulationOptions {
  std::string scenario_path;
  int n_people = 0;
  std::uint64_t seed = 1;
  int threads = 1;  // set to the core count by add_population_command
  std::string out_directory = "dermasim-out";
  bool json = false;
  transport::Fidelity fidelity = transport::Fidelity::fast;
  bool force = false;
};

CLI::App* add_population_command(CLI::App& app, PopulationOptions& options);

/// Exit 1 (without simulating) when the scenario has error findings, unless forced; forced
/// runs write every file and still exit 1. Progress goes to stderr (docs/population.md): the
/// expected time of a run longer than a minute and a line every 10 %, a bar too on a terminal.
[[nodiscard]] int run_population(const PopulationOptions& options, const GlobalOptions& global);

}  // namespace dermasim::app
