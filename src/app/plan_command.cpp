#include "app/plan_command.hpp"

#include "app/command_options.hpp"

#include <chrono>
#include <iostream>
#include <memory>

#include <fmt/format.h>

#include "app/date_option.hpp"
#include "app/output_directory.hpp"
#include "io/catalogue_reader.hpp"
#include "io/profile_reader.hpp"
#include "io/response_catalogue.hpp"
#include "io/scenario_writer.hpp"
#include "io/transport_catalogue.hpp"
#include "plan/planner.hpp"
#include "population/population_evaluator.hpp"
#include "report/catalogue_notice.hpp"
#include "report/findings_report.hpp"
#include "report/plan_calendar.hpp"
#include "report/plan_report.hpp"
#include "report/simulation_summary.hpp"
#include "simulate/outcome_figures.hpp"
#include "simulate/regimen_simulation.hpp"

namespace dermasim::app {

namespace {

Date today() { return std::chrono::floor<std::chrono::days>(std::chrono::system_clock::now()); }

/// Refuses "nan", "inf" and the like, which parse as doubles.
const CLI::Validator finite_number(
    [](std::string& text) -> std::string {
      double value = 0.0;
      if (CLI::detail::lexical_cast(text, value) && !std::isfinite(value))
        return fmt::format("{} is not a finite number", text);
      return "";
    },
    "FINITE");

}  // namespace

CLI::App* add_plan_command(CLI::App& app, PlanOptions& options) {
  CLI::App* command =
      app.add_subcommand("plan", "Search regimens for a profile: the best predicted outcome within safety limits");
  command->add_option("PROFILE", options.profile_path, "profile file (.profile.toml)")->required();
  command->add_option("--start", options.start,
                      "first day of the plan, YYYY-MM-DD (default: the profile's, else today)");
  add_output_options(command, options.out_directory, options.json, "summary.json");
  command->add_option("--threads", options.threads, "threads for the search")
      ->check(CLI::Range(1, 64))
      ->default_str("2");
  command->add_flag("--skip-full", options.skip_full, "skip the full-fidelity re-simulation of the chosen plan");
  command
      ->add_option("--robust", options.robust_percent,
                   "choose by the (100-P)th percentile of the outcomes and the Pth of each limit over 200 people")
      ->check(CLI::Range(50.0, 99.0))
      ->check(finite_number);  // CLI::Range lets "nan" through: every comparison with NaN is false
  return command;
}

namespace {

/// How the chosen plan's fast prediction differs from a full-fidelity simulation of it.
struct FullComparison {
  std::map<std::string, double> differences;
  double seconds = 0.0;
};

FullComparison compare_with_full(const regimen::Person& person, const regimen::Regimen& chosen,
                                 const simulate::SimulationResult& fast, const regimen::Catalogue& catalogue,
                                 const simulate::ModelParameters& parameters) {
  const auto started = std::chrono::steady_clock::now();
  const auto full = simulate::simulate_regimen(chosen, catalogue, parameters, transport::Fidelity::full);
  FullComparison comparison;
  comparison.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  comparison.differences = simulate::relative_differences(simulate::outcome_figures(person, fast.outcomes),
                                                          simulate::outcome_figures(person, full.outcomes));
  return comparison;
}

/// Writes the plan's four files as one set, then prints summary.json (--json) or the text.
void write_plan_outputs(const PlanOptions& options, OutputDirectory& out, const report::PlanReportInput& input,
                        const regimen::Catalogue& catalogue) {
  const auto& chosen = input.plan.chosen;
  auto summary_json = report::plan_summary_json(input);
  summary_json["catalogue"] = report::catalogue_json(catalogue);
  const auto summary = summary_json.dump(2) + "\n";
  const auto plan_toml =
      io::write_scenario(chosen.regimen, fmt::format("dermasim plan for {}\n{}\n{}Predicted with dermasim; {}",
                                                     options.profile_path, plan::describe(chosen.design, input.profile),
                                                     report::catalogue_notice_text(catalogue), report::medical_notice));
  out.write({{"plan.toml", plan_toml},
             {"plan.ics", report::plan_calendar_ics(chosen.regimen)},
             {"report.html", report::with_catalogue_notice_html(report::plan_html(input), catalogue)},
             {"summary.json", summary}});
  if (options.json)
    std::cout << summary;
  else
    std::cout << report::catalogue_notice_text(catalogue) << report::plan_text(input);
}

}  // namespace

int run_plan(const PlanOptions& options, const GlobalOptions& global) {
  const auto data = io::data_directory(global.data_directory);
  const auto catalogue = io::load_catalogue(data);
  const auto profile = io::read_profile_file(options.profile_path);
  Date start = profile.goals.start.value_or(today());
  if (options.start) start = parse_date_option("--start", *options.start);
  require_run_in_date_range(options.start ? "--start" : "the start (today)", start, profile.goals.horizon_days);
  OutputDirectory out("plan", options.out_directory);  // refused now, not after the search
  const auto transport_catalogue = io::load_transport_catalogue(data);
  const auto response_catalogue = io::load_response_catalogue(data);
  const simulate::ModelParameters parameters{transport_catalogue.parameters, response_catalogue.parameters};
  const plan::Evaluator evaluator = [&](const regimen::Regimen& regimen) {
    auto simulation = std::make_shared<const simulate::SimulationResult>(
        simulate::simulate_regimen(regimen, catalogue, parameters, transport::Fidelity::fast));
    return plan::Evaluation{simulation->outcomes, simulation};
  };

  const auto search_started = std::chrono::steady_clock::now();
  plan::PlannerOptions planner_options;
  planner_options.threads = options.threads;
  // docs/file-formats.md: `plan --robust P` judges over 200 people, seed 1 (one thread per regimen:
  // the planner already evaluates candidates in parallel).
  std::optional<population::PopulationEvaluator> population_evaluator;
  plan::Evaluator robust;
  if (options.robust_percent) {
    population_evaluator.emplace(
        population::ModelData{catalogue, parameters, transport_catalogue.ranges, response_catalogue.ranges},
        population::PopulationOptions{200, 1, 1, transport::Fidelity::fast});
    robust = [&, percent = *options.robust_percent](const regimen::Regimen& regimen) {
      return plan::Evaluation{population::robust_outcomes(population_evaluator->outcomes(regimen), percent)};
    };
  }
  const auto outcome = plan::plan_regimen(profile, start, catalogue, evaluator, planner_options,
                                          options.robust_percent ? &robust : nullptr);
  const double search_seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - search_started).count();
  if (!outcome.plan) {
    std::cout << report::catalogue_notice_text(catalogue)
              << report::check_text("no plan: a contraindication forbids treatment", outcome.contraindications);
    return exit_unsafe;
  }
  const auto& result = *outcome.plan;
  // The search kept the chosen plan's fast simulation (the median person's, under --robust).
  const simulate::SimulationResult& fast = *result.chosen.simulation;
  const FullComparison full =
      options.skip_full ? FullComparison{}
                        : compare_with_full(profile.person, result.chosen.regimen, fast, catalogue, parameters);

  const report::PlanReportInput input{profile, result, fast, full.differences};
  write_plan_outputs(options, out, input, catalogue);
  if (!options.json) {
    std::cout << fmt::format("Search: {} candidates checked, {} simulated in {:.2f} s on {} thread(s)",
                             result.n_checked, result.n_evaluated, search_seconds, options.threads);
    if (!options.skip_full) std::cout << fmt::format("; full-fidelity re-simulation {:.2f} s", full.seconds);
    const auto directory = std::filesystem::path(options.out_directory);
    std::cout << fmt::format("\nWrote {}, {}, {} and {}\n", (directory / "plan.toml").string(),
                             (directory / "plan.ics").string(), (directory / "report.html").string(),
                             (directory / "summary.json").string());
  }
  return exit_ok;
}

}  // namespace dermasim::app
