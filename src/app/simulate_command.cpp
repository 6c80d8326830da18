#include "app/simulate_command.hpp"

#include "app/checked_scenario.hpp"
#include "app/command_options.hpp"

#include <iostream>

#include "app/output_directory.hpp"
#include "io/catalogue_reader.hpp"
#include "io/response_catalogue.hpp"
#include "io/scenario_reader.hpp"
#include "io/transport_catalogue.hpp"
#include "regimen/protocol_check.hpp"
#include "report/catalogue_notice.hpp"
#include "report/findings_report.hpp"
#include "report/simulation_html.hpp"
#include "report/simulation_summary.hpp"
#include "simulate/regimen_simulation.hpp"

namespace dermasim::app {

CLI::App* add_simulate_command(CLI::App& app, SimulateOptions& options) {
  CLI::App* command = app.add_subcommand("simulate", "Run a scenario's regimen through the transport + response model");
  command->add_option("SCENARIO", options.scenario_path, "scenario file (.scenario.toml)")->required();
  add_output_options(command, options.out_directory, options.json, "summary.json");
  add_fidelity_option(command, options.fidelity);
  add_force_flag(command, options.force);
  return command;
}

int run_simulate(const SimulateOptions& options, const GlobalOptions& global) {
  const CheckedScenario scenario = read_checked_scenario(options.scenario_path, global);
  const auto& [data, catalogue, regimen, findings, unsafe] = scenario;
  if (unsafe && !options.force) {
    std::cout << not_simulated_text(scenario);
    return exit_unsafe;
  }
  OutputDirectory out("simulate", options.out_directory);  // refused now, not after the simulation
  const simulate::ModelParameters parameters{io::load_transport_catalogue(data).parameters,
                                             io::load_response_catalogue(data).parameters};
  const auto fidelity = options.fidelity;
  const auto result = simulate::simulate_regimen(regimen, catalogue, parameters, fidelity);

  auto summary_json = report::simulation_summary_json(regimen, result, findings, unsafe);
  summary_json["catalogue"] = report::catalogue_json(catalogue);
  const auto summary = summary_json.dump(2) + "\n";
  const auto html =
      report::with_catalogue_notice_html(report::simulation_html(regimen, result, findings, unsafe), catalogue);
  out.write({{"summary.json", summary}, {"timeseries.csv", report::timeseries_csv(result)}, {"report.html", html}});
  if (options.json)
    std::cout << summary;
  else
    std::cout << report::catalogue_notice_text(catalogue) << report::simulation_text(regimen, result, findings, unsafe)
              << "Wrote " << (std::filesystem::path(options.out_directory) / "summary.json").string()
              << ", timeseries.csv and report.html\n";
  return unsafe ? exit_unsafe : exit_ok;
}

}  // namespace dermasim::app
