// Benchmark (issue 6): planning the default profile (180 days) with the coupled model at
// `fast` fidelity on 1 and 2 threads; budget ≤ 5 s on 2 cores. Checks its answer: a plan
// exists and respects the profile's max_erythema.

#include <benchmark/benchmark.h>

#include <stdexcept>

#include "io/catalogue_reader.hpp"
#include "io/profile_reader.hpp"
#include "io/response_catalogue.hpp"
#include "io/transport_catalogue.hpp"
#include "plan/planner.hpp"
#include "simulate/regimen_simulation.hpp"

namespace {

using namespace dermasim;

void BM_PlanDefaultProfile(benchmark::State& state) {
  static const auto catalogue = io::load_catalogue(std::nullopt);
  static const simulate::ModelParameters parameters{io::load_transport_catalogue(std::nullopt).parameters,
                                                    io::load_response_catalogue(std::nullopt).parameters};
  static const auto profile =
      io::read_profile_file(DERMASIM_SOURCE_DIR "/examples/05-plan-for-profile/default.profile.toml");
  const plan::Evaluator evaluator = [&](const regimen::Regimen& regimen) {
    return plan::Evaluation{
        simulate::simulate_regimen(regimen, catalogue, parameters, transport::Fidelity::fast).outcomes};
  };
  plan::PlannerOptions options;
  options.threads = static_cast<int>(state.range(0));
  for (auto _ : state) {
    const auto outcome = plan::plan_regimen(profile, *profile.goals.start, catalogue, evaluator, options);
    if (!outcome.plan || outcome.plan->chosen.evaluation->outcomes.peak_erythema > *profile.goals.max_erythema)
      throw std::runtime_error("the default profile got no admissible plan");
    state.counters["simulated"] = outcome.plan->n_evaluated;
    state.counters["objective"] = outcome.plan->chosen.objective;
  }
}

BENCHMARK(BM_PlanDefaultProfile)->Arg(1)->Arg(2)->Unit(benchmark::kSecond)->Iterations(1)->UseRealTime();

}  // namespace

BENCHMARK_MAIN();
