// Benchmark (issue 5): a 180-day regimen — nightly tretinoin ramp with washouts, three 1.0 mm
// pen sessions, daily sunscreen — through the coupled model at `fast` (budget ≤ 12-20 ms) and
// `full` fidelity. Checks its answer: the outcomes must be finite and collagen must rise.

#include <benchmark/benchmark.h>

#include <cmath>
#include <stdexcept>

#include "io/catalogue_reader.hpp"
#include "io/response_catalogue.hpp"
#include "io/scenario_reader.hpp"
#include "io/transport_catalogue.hpp"
#include "simulate/regimen_simulation.hpp"

namespace {

using namespace dermasim;

const char* const regimen_180_days = R"(
[scenario]
name = "180 days: tretinoin ramp and three pen sessions"
start = 2027-01-04
days = 180
[person]
fitzpatrick = 3
site = "cheek"
concerns = ["acne_scars", "fine_lines"]
sensitivity = "normal"
[[product]]
id = "tret-1"
active = "tretinoin"
strength_percent = 0.025
vehicle = "cream"
schedule = "every_other_night"
from = 2027-01-04
until = 2027-01-31
[[product]]
id = "tret-2"
active = "tretinoin"
strength_percent = 0.05
vehicle = "cream"
schedule = "nightly"
from = 2027-02-01
[[product]]
id = "spf"
active = "sunscreen"
vehicle = "lotion"
schedule = "morning"
from = 2027-01-04
[[pause]]
products = ["tret-1", "tret-2"]
from = 2027-02-23
until = 2027-03-03
[[pause]]
products = ["tret-1", "tret-2"]
from = 2027-03-23
until = 2027-03-31
[[pause]]
products = ["tret-1", "tret-2"]
from = 2027-04-20
until = 2027-04-28
[[session]]
date = 2027-03-01
device = "pen"
needle_mm = 1.0
[[session]]
date = 2027-03-29
device = "pen"
needle_mm = 1.0
[[session]]
date = 2027-04-26
device = "pen"
needle_mm = 1.0
)";

struct Inputs {
  regimen::Catalogue catalogue = io::load_catalogue(std::nullopt);
  simulate::ModelParameters parameters{io::load_transport_catalogue(std::nullopt).parameters,
                                       io::load_response_catalogue(std::nullopt).parameters};
  regimen::Regimen regimen = io::read_scenario(regimen_180_days, "bench.toml", catalogue);
};

void simulate_180_days(benchmark::State& state, transport::Fidelity fidelity) {
  static const Inputs inputs;
  double collagen = 0.0;
  int applications = 0;
  for (auto _ : state) {
    const auto result = simulate::simulate_regimen(inputs.regimen, inputs.catalogue, inputs.parameters, fidelity);
    collagen = result.outcomes.collagen_change_percent;
    applications = result.n_retinoid_applications;
    // No DoNotOptimize(collagen): benchmark 1.7's "+m,r" constraint lets GCC corrupt a double
    // held in a register; the value is used after the loop, so nothing is optimised away.
  }
  if (!std::isfinite(collagen) || collagen <= 0.0)
    throw std::runtime_error("the 180-day regimen gave no collagen gain");
  state.counters["applications"] = benchmark::Counter(applications);
  state.counters["collagen_change_percent"] = benchmark::Counter(collagen);
}

void BM_Regimen180DaysFast(benchmark::State& state) { simulate_180_days(state, transport::Fidelity::fast); }
void BM_Regimen180DaysFull(benchmark::State& state) { simulate_180_days(state, transport::Fidelity::full); }

BENCHMARK(BM_Regimen180DaysFast)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_Regimen180DaysFull)->Unit(benchmark::kMillisecond)->Iterations(2);

}  // namespace

BENCHMARK_MAIN();
