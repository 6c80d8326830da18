#include "app/checked_scenario.hpp"

#include "io/catalogue_reader.hpp"
#include "io/scenario_reader.hpp"
#include "regimen/protocol_check.hpp"
#include "report/catalogue_notice.hpp"
#include "report/findings_report.hpp"

namespace dermasim::app {

CheckedScenario read_checked_scenario(const std::string& scenario_path, const GlobalOptions& global) {
  CheckedScenario scenario;
  scenario.data_directory = io::data_directory(global.data_directory);
  scenario.catalogue = io::load_catalogue(scenario.data_directory);
  scenario.regimen = io::read_scenario_file(scenario_path, scenario.catalogue);
  scenario.findings = regimen::check_protocol(scenario.regimen, scenario.catalogue.rules);
  scenario.unsafe = regimen::has_error(scenario.findings);
  return scenario;
}

std::string not_simulated_text(const CheckedScenario& scenario) {
  return report::catalogue_notice_text(scenario.catalogue) +
         report::check_text(scenario.regimen.name, scenario.findings) +
         "Not simulated: the regimen has error findings. Fix them, or run with --force to see the "
         "model's prediction for the unsafe regimen.\n";
}

}  // namespace dermasim::app
