#include "app/check_command.hpp"

#include <iostream>

#include "io/catalogue_reader.hpp"
#include "io/scenario_reader.hpp"
#include "regimen/protocol_check.hpp"
#include "report/catalogue_notice.hpp"
#include "report/findings_report.hpp"
#include "report/session_timing_report.hpp"

namespace dermasim::app {

CLI::App* add_check_command(CLI::App& app, CheckOptions& options) {
  CLI::App* command = app.add_subcommand(
      "check", "Check a scenario against the micro-needling + retinoid protocol and contraindications");
  command->add_option("SCENARIO", options.scenario_path, "scenario file (.scenario.toml)")->required();
  command->add_flag("--json", options.json, "print {\"ok\", \"findings\", \"timing\"} as JSON");
  return command;
}

int run_check(const CheckOptions& options, const GlobalOptions& global) {
  const auto catalogue = io::load_catalogue(io::data_directory(global.data_directory));
  const auto regimen = io::read_scenario_file(options.scenario_path, catalogue);
  const auto findings = regimen::check_protocol(regimen, catalogue.rules);
  const auto timings = regimen::session_timings(regimen, catalogue.rules);
  if (options.json) {
    auto json = report::check_json(findings);
    json["timing"] = report::session_timing_json(timings);
    json["catalogue"] = report::catalogue_json(catalogue);
    std::cout << json.dump(2) << '\n';
  } else {
    std::cout << report::catalogue_notice_text(catalogue) << report::check_text(regimen.name, findings)
              << report::session_timing_text(timings);
  }
  return regimen::has_error(findings) ? exit_unsafe : exit_ok;
}

}  // namespace dermasim::app
