// The dermasim command line (docs/architecture.md, "The command-line contract"). Each command
// lives in its own file; this one parses, dispatches and maps failures to exit codes:
// 0 success, 1 unsafe regimen, 2 invalid input or usage, 3 internal failure.

#include <iostream>

#include <CLI/CLI.hpp>

#include "app/absorb_command.hpp"
#include "app/check_command.hpp"
#include "app/global_options.hpp"
#include "app/plan_command.hpp"
#include "app/population_command.hpp"
#include "app/simulate_command.hpp"
#include "core/error.hpp"

namespace {

int dispatch(int argc, char** argv) {
  using namespace dermasim::app;
  CLI::App app{
      "dermasim: plans and simulates combined micro-needling and topical retinoid treatment.\n"
      "Advice, never a prescription: consult a dermatologist.",
      "dermasim"};
  app.set_version_flag("--version", "dermasim 0.1.0");
  app.require_subcommand(1);
  GlobalOptions global;
  app.add_option("--data", global.data_directory,
                 "read edited catalogues from this directory (default: built in, or $DERMASIM_DATA)");
  // Not CLI::ExistingDirectory: io::data_directory checks --data and DERMASIM_DATA alike.

  CheckOptions check;
  CLI::App* check_command = add_check_command(app, check);
  SimulateOptions simulate;
  CLI::App* simulate_command = add_simulate_command(app, simulate);
  AbsorbOptions absorb;
  CLI::App* absorb_command = add_absorb_command(app, absorb);
  PlanOptions plan;
  CLI::App* plan_command = add_plan_command(app, plan);
  PopulationOptions population;
  CLI::App* population_command = add_population_command(app, population);

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& error) {
    const int code = app.exit(error);
    return code == 0 ? exit_ok : exit_invalid_input;
  }
  if (check_command->parsed()) return run_check(check, global);
  if (simulate_command->parsed()) return run_simulate(simulate, global);
  if (plan_command->parsed()) return run_plan(plan, global);
  if (absorb_command->parsed()) return run_absorb(absorb, global);
  if (population_command->parsed()) return run_population(population, global);
  return exit_invalid_input;
}

}  // namespace

int main(int argc, char** argv) {
  try {
    return dispatch(argc, argv);
  } catch (const dermasim::InputError& error) {
    std::cerr << error.what() << '\n';
    return dermasim::app::exit_invalid_input;
  } catch (const dermasim::InternalError& error) {
    std::cerr << error.what() << "\nThis is a bug in dermasim; please report it with the input.\n";
    return dermasim::app::exit_internal;
  } catch (const dermasim::Error& error) {
    std::cerr << "dermasim: " << error.what() << '\n';
    return dermasim::app::exit_internal;
  } catch (const std::exception& error) {
    std::cerr << "dermasim: internal failure: " << error.what() << '\n';
    return dermasim::app::exit_internal;
  }
}
