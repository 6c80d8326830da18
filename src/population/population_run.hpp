#pragma once
// A virtual population run (docs/population.md): sample the regimen's population, simulate each
// person, gather the outcomes in person order. The same seed, size and data give
// bit-identical outcomes whatever the thread count or number of MPI ranks: each person's
// sample is a function of (seed, person, parameter name), and nothing is reduced across
// people here.

#include <cstdint>
#include <string>
#include <vector>

#include "numerics/parallel_for.hpp"
#include "population/model_dimensions.hpp"
#include "population/population_design.hpp"
#include "population/rank_group.hpp"
#include "response/response_outcomes.hpp"

namespace dermasim::population {

using numerics::ProgressObserver;

/// The largest seed (2^63 − 1): seeds stay within a signed 64-bit integer, so every JSON reader
/// that takes integers reads population.json's `seed` back exactly.
inline constexpr std::uint64_t max_seed = (std::uint64_t{1} << 63) - 1;

struct PopulationOptions {
  int n_people = 100;
  std::uint64_t seed = 1;  // 0 … max_seed
  int threads = 1;         // per rank
  transport::Fidelity fidelity = transport::Fidelity::fast;
};

/// What the population keeps of one person's simulation.
struct PersonOutcome {
  response::ResponseOutcomes outcomes;  // per_session left empty
  int longest_redness_days = 0;         // longest run of consecutive days with daily peak erythema >= 1
};

/// A person whose model failed: left out of the outcomes and reported, so that one person's
/// failure costs that person, not the run.
struct PersonFailure {
  int person = 0;      // the design person
  std::string reason;  // the failure's message
};

struct PopulationRun {
  PopulationDesign design;
  std::vector<std::string> not_sampled;  // from ModelDimensions
  std::vector<PersonOutcome> people;     // the people whose model ran, in person order
  std::vector<int> person_ids;           // person_ids[i] is the design person of people[i]
  std::vector<PersonFailure> failures;   // the others, in person order
};

/// The longest run of consecutive days whose daily peak erythema is at least 1 (visible redness).
[[nodiscard]] int longest_redness_days(const simulate::SimulationResult& result);

/// Simulates every person of `regimen`'s population, each rank a contiguous block of people
/// on `options.threads` threads, and gathers all outcomes on every rank. `progress` reports
/// this rank's block. A person whose simulation fails is kept in `failures` with the reason
/// (the message itself when this rank simulated that person, else the kind of failure).
/// @pre regimen valid (loaded through io/), 1 <= n_people <= max_people, threads >= 1.
/// Throws SolverError when the model failed for every person (nothing left to summarize).
[[nodiscard]] PopulationRun run_population(const regimen::Regimen& regimen, const ModelData& data,
                                           const PopulationOptions& options, const RankGroup& ranks = RankGroup{},
                                           const ProgressObserver& progress = {});

}  // namespace dermasim::population
