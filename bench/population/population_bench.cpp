// Benchmark of a virtual population (docs/benchmarks.md budgets; issue 7 targets: 10 000 people ×
// a 180-day regimen at fast fidelity in ≤ 60 s on 2 cores, parallel efficiency ≥ 90 % from 1
// to 2 threads). N people (DERMASIM_BENCH_PEOPLE, default 40) × examples/04's safe regimen
// extended to 180 days, on 1 and 2 threads. The answer is checked: the 2-thread outcomes must
// be bit-identical to the 1-thread ones. Prints people/s and the parallel efficiency
// T1 / (2 · T2); JSON through --benchmark_out as usual.

#include <benchmark/benchmark.h>

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <iostream>
#include <map>
#include <optional>
#include <string>

#include "io/catalogue_reader.hpp"
#include "io/response_catalogue.hpp"
#include "io/scenario_reader.hpp"
#include "io/transport_catalogue.hpp"
#include "population/population_run.hpp"

namespace {

using namespace dermasim;

constexpr int regimen_days = 180;

int n_people() {
  const char* text = std::getenv("DERMASIM_BENCH_PEOPLE");
  return text ? std::max(2, std::atoi(text)) : 40;
}

struct Problem {
  population::ModelData data;
  regimen::Regimen regimen;
};

const Problem& problem() {
  static const Problem loaded = [] {
    auto transport_catalogue = io::load_transport_catalogue(std::nullopt);
    auto response_catalogue = io::load_response_catalogue(std::nullopt);
    population::ModelData data{io::load_catalogue(std::nullopt),
                               {transport_catalogue.parameters, response_catalogue.parameters},
                               std::move(transport_catalogue.ranges),
                               std::move(response_catalogue.ranges)};
    auto regimen = io::read_scenario_file(
        std::string(DERMASIM_SOURCE_DIR) + "/examples/04-simulate-regimen/with-washout.scenario.toml", data.catalogue);
    regimen.days = regimen_days;
    return Problem{std::move(data), std::move(regimen)};
  }();
  return loaded;
}

std::optional<std::vector<double>> reference_outcomes;  // from the first (1-thread) run

void population_run(benchmark::State& state) {
  const int threads = static_cast<int>(state.range(0));
  const population::PopulationOptions options{n_people(), 1, threads, transport::Fidelity::fast};
  for (auto _ : state) {
    const auto run = population::run_population(problem().regimen, problem().data, options);
    std::vector<double> outcomes;
    for (const auto& person : run.people) {
      outcomes.push_back(person.outcomes.collagen_change_percent);
      outcomes.push_back(person.outcomes.peak_erythema);
    }
    const bool is_plausible = std::ranges::all_of(run.people, [](const population::PersonOutcome& person) {
      return std::isfinite(person.outcomes.collagen_change_percent) && person.outcomes.peak_erythema >= 0.0 &&
             person.outcomes.peak_erythema <= 4.0;
    });
    if (!is_plausible) state.SkipWithError("an outcome is not finite or erythema leaves 0-4");
    if (!reference_outcomes) reference_outcomes = outcomes;
    if (outcomes != *reference_outcomes) state.SkipWithError("outcomes differ from the 1-thread run");
  }
  state.counters["people_per_s"] =
      benchmark::Counter(static_cast<double>(options.n_people), benchmark::Counter::kIsIterationInvariantRate);
  state.counters["people"] = options.n_people;
  state.counters["threads"] = threads;
}
BENCHMARK(population_run)->Arg(1)->Arg(2)->Iterations(1)->Unit(benchmark::kSecond)->UseRealTime();

/// Prints the console table and then the parallel efficiency from the 1- and 2-thread times.
class EfficiencyReporter : public benchmark::ConsoleReporter {
 public:
  void ReportRuns(const std::vector<Run>& runs) override {
    for (const auto& run : runs) {
      const auto threads = run.counters.find("threads");
      if (run.error_occurred || threads == run.counters.end() || run.iterations == 0) continue;
      seconds_[static_cast<int>(threads->second.value)] =
          run.real_accumulated_time / static_cast<double>(run.iterations);
    }
    ConsoleReporter::ReportRuns(runs);
  }
  void Finalize() override {
    ConsoleReporter::Finalize();
    if (!seconds_.contains(1) || !seconds_.contains(2)) return;
    const double people = n_people();
    const double efficiency = seconds_[1] / (2.0 * seconds_[2]);
    std::cout << "people/s: " << people / seconds_[1] << " (1 thread), " << people / seconds_[2] << " (2 threads)\n"
              << "parallel efficiency 1 -> 2 threads: " << 100.0 * efficiency << " %\n"
              << "extrapolated 10 000 people x " << regimen_days
              << " days on 2 threads: " << 10000.0 / (people / seconds_[2]) << " s (target <= 60 s)\n";
  }

 private:
  std::map<int, double> seconds_;
};

}  // namespace

int main(int argc, char** argv) {
  benchmark::Initialize(&argc, argv);
  if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;
  EfficiencyReporter reporter;
  benchmark::RunSpecifiedBenchmarks(&reporter);
  benchmark::Shutdown();
  return 0;
}
