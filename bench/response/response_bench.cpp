// Benchmark of the skin response model (docs/model-response.md; docs/benchmarks.md budget: a
// 180-day regimen, transport + response, <= 12 ms on one core). Problem: one person (Fitzpatrick
// III, normal sensitivity), nightly tretinoin 0.05 % for 180 days with the stand-in
// viable-epidermis exposure of tests/response/support (two piecewise-constant levels per
// application, 360 exposure intervals), daily sunscreen, three 1.0 mm pen sessions on days 30, 60
// and 90 with a 7-day washout before and a 3-day pause after each. The answer is checked against
// the validated behaviour: collagen content positive, peak erythema 1-4, 180 daily records.
#include <array>

#include <benchmark/benchmark.h>

#include "response/response_outcomes.hpp"
#include "response_test_support.hpp"

namespace {

using namespace dermasim;
using namespace dermasim::response;

ResponseOutcomes simulate_regimen(const ResponseParameters& parameters, int n_days,
                                  numerics::IntegratorStatistics* statistics) {
  ResponseSimulation simulation(parameters, PersonTraits{});
  testing::add_daily_sunscreen(simulation);
  const std::array session_days{30, 60, 90};
  int first = 0;
  for (int session_day : session_days) {
    testing::add_standin_course(simulation, Retinoid::tretinoin, 0.05, first, session_day - 7);
    simulation.add_session(testing::standin_session(1.0, session_day));
    first = session_day + 3;
  }
  testing::add_standin_course(simulation, Retinoid::tretinoin, 0.05, first, n_days - 1);
  simulation.advance_to(testing::at_day(n_days));
  if (statistics != nullptr) *statistics = simulation.integrator_statistics();
  return summarize(simulation);
}

void BM_ResponseRegimen180Days(benchmark::State& state) {
  const ResponseParameters parameters = testing::load_response_parameters();
  numerics::IntegratorStatistics statistics;
  ResponseOutcomes outcomes;
  for (auto _ : state) {
    outcomes = simulate_regimen(parameters, 180, &statistics);
    benchmark::DoNotOptimize(outcomes);
  }
  if (!(outcomes.collagen_change_percent > 0.0 && outcomes.peak_erythema >= 1.0 && outcomes.peak_erythema <= 4.0 &&
        outcomes.per_session.size() == 3)) {
    state.SkipWithError("response regimen gave an answer outside its validated behaviour");
  }
  state.counters["steps"] = static_cast<double>(statistics.steps);
  state.counters["rhs_evaluations"] = static_cast<double>(statistics.rhs_evaluations);
  state.counters["reinitializations"] = static_cast<double>(statistics.reinitializations);
  state.counters["collagen_change_percent"] = outcomes.collagen_change_percent;
  state.counters["peak_erythema"] = outcomes.peak_erythema;
}
BENCHMARK(BM_ResponseRegimen180Days)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
