#include "app/population_command.hpp"

#include "app/checked_scenario.hpp"
#include "app/command_options.hpp"

#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <iostream>
#include <optional>
#include <thread>

#include <fmt/format.h>

#include "app/output_directory.hpp"
#include "app/seed_option.hpp"
#include "io/catalogue_reader.hpp"
#include "io/response_catalogue.hpp"
#include "io/scenario_reader.hpp"
#include "io/transport_catalogue.hpp"
#include "population/latin_hypercube.hpp"
#include "population/population_run.hpp"
#include "population/population_summary.hpp"
#include "regimen/protocol_check.hpp"
#include "report/catalogue_notice.hpp"
#include "report/findings_report.hpp"
#include "report/population_report.hpp"
#include "report/run_progress.hpp"

namespace dermasim::app {

namespace {

/// `[#########...........]  412/1000 people` on one terminal line, redrawn in place.
void draw_progress(int n_done, int n_people) {
  constexpr int width = 30;
  const int filled = n_people > 0 ? width * n_done / n_people : width;
  std::cerr << fmt::format("\r[{}{}] {:>{}}/{} people", std::string(static_cast<std::size_t>(filled), '#'),
                           std::string(static_cast<std::size_t>(width - filled), '.'), n_done,
                           std::to_string(n_people).size(), n_people)
            << (n_done == n_people ? "\n" : "") << std::flush;
}

/// Progress on stderr, never stdout: the expected time of a long run and a line every 10 %
/// (report::RunProgress), on a terminal with the bar redrawn below the lines.
class ProgressPrinter {
 public:
  ProgressPrinter(bool terminal, std::string noun) : terminal_(terminal), lines_(std::move(noun)) {}

  void operator()(int n_done, int n_items) {
    const auto now = std::chrono::steady_clock::now();
    if (!started_) started_ = now;  // the first call comes as the first items start
    const std::string lines = lines_.update(n_done, n_items, std::chrono::duration<double>(now - *started_).count());
    if (terminal_) {
      if (!lines.empty()) std::cerr << "\r\033[K" << lines;  // clear the bar, then the lines
      draw_progress(n_done, n_items);
    } else if (!lines.empty()) {
      std::cerr << lines << std::flush;
    }
  }

 private:
  bool terminal_;
  report::RunProgress lines_;
  std::optional<std::chrono::steady_clock::time_point> started_;
};

}  // namespace

CLI::App* add_population_command(CLI::App& app, PopulationOptions& options) {
  CLI::App* command = app.add_subcommand("population", "Outcome distributions of a scenario over a virtual population");
  command->add_option("SCENARIO", options.scenario_path, "scenario file (.scenario.toml)")->required();
  command->add_option("--n", options.n_people, "number of virtual people")
      ->required()
      ->check(CLI::Range(1, population::max_people));
  add_seed_option(*command, options.seed, "sampling seed, 0 .. 2^63-1: the same seed gives the same population");
  options.threads = std::max(1, static_cast<int>(std::thread::hardware_concurrency()));
  command->add_option("--threads", options.threads, "threads (per MPI rank)")
      ->check(CLI::Range(1, 1024))
      ->default_str("all cores");
  add_output_options(command, options.out_directory, options.json, "population.json");
  add_fidelity_option(command, options.fidelity);
  add_force_flag(command, options.force);
  return command;
}

int run_population(const PopulationOptions& options, const GlobalOptions& global) {
  const auto ranks = population::RankGroup::world();
  const bool speaks = ranks->is_root();  // one rank writes and prints
  const CheckedScenario scenario = read_checked_scenario(options.scenario_path, global);
  const auto& [data_directory, catalogue, regimen, findings, unsafe] = scenario;
  if (unsafe && !options.force) {
    if (speaks) std::cout << not_simulated_text(scenario);
    return exit_unsafe;
  }
  std::optional<OutputDirectory> out;  // refused now, not after the run; only the writing rank locks it
  if (speaks) out.emplace("population", options.out_directory);
  auto transport_catalogue = io::load_transport_catalogue(data_directory);
  auto response_catalogue = io::load_response_catalogue(data_directory);
  const population::ModelData data{catalogue,
                                   {transport_catalogue.parameters, response_catalogue.parameters},
                                   std::move(transport_catalogue.ranges),
                                   std::move(response_catalogue.ranges)};
  const auto fidelity = options.fidelity;
  const population::PopulationOptions run_options{options.n_people, options.seed, options.threads, fidelity};
  // Rank 0 reports its own block of people, which under MPI is 1/R of them.
  ProgressPrinter printer(isatty(STDERR_FILENO) != 0, ranks->n_ranks() > 1 ? "people of rank 0" : "people");
  const population::ProgressObserver progress =
      speaks ? population::ProgressObserver([&printer](int done, int total) { printer(done, total); })
             : population::ProgressObserver();
  const auto run = population::run_population(regimen, data, run_options, *ranks, progress);
  if (!speaks || !out) return unsafe ? exit_unsafe : exit_ok;  // out is the speaking rank's

  const auto summary = population::summarize_population(regimen.person, run);
  const report::PopulationContext context{regimen, fidelity, findings, unsafe};
  auto population_json = report::population_json(context, summary);
  population_json["catalogue"] = report::catalogue_json(catalogue);
  const auto json = population_json.dump(2) + "\n";
  out->write({{"population.json", json},
              {"population.html",
               report::with_catalogue_notice_html(
                   report::population_html(context, summary, population::output_samples(regimen.person, run.people)),
                   catalogue)}});
  if (options.json)
    std::cout << json;
  else
    std::cout << report::catalogue_notice_text(catalogue) << report::population_text(context, summary) << "Wrote "
              << (std::filesystem::path(options.out_directory) / "population.json").string()
              << " and population.html\n";
  return unsafe ? exit_unsafe : exit_ok;
}

}  // namespace dermasim::app
