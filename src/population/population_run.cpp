#include "population/population_run.hpp"

#include <fmt/format.h>
#include <algorithm>

#include "core/error.hpp"
#include "population/latin_hypercube.hpp"

namespace dermasim::population {

namespace {

/// A person's outcome as doubles, for gathering across ranks; the last slot is 1 when the
/// simulation failed. Integers up to 2^53 survive the trip exactly.
constexpr std::size_t values_per_person = 14;

void pack(const PersonOutcome& person, double* slot) {
  const auto& o = person.outcomes;
  const auto& i = o.improvement_percent;
  const double values[values_per_person] = {o.collagen_change_percent,
                                            i.acne_scars,
                                            i.fine_lines,
                                            i.hyperpigmentation,
                                            i.texture,
                                            i.enlarged_pores,
                                            i.acne,
                                            o.peak_erythema,
                                            static_cast<double>(o.days_erythema_ge_1),
                                            static_cast<double>(o.days_erythema_ge_2),
                                            o.peak_irritation,
                                            o.pih_risk,
                                            static_cast<double>(person.longest_redness_days),
                                            0.0};
  std::copy(std::begin(values), std::end(values), slot);
}

PersonOutcome unpack(const double* slot) {
  PersonOutcome person;
  auto& o = person.outcomes;
  auto& i = o.improvement_percent;
  o.collagen_change_percent = slot[0];
  i = {slot[1], slot[2], slot[3], slot[4], slot[5], slot[6]};
  o.peak_erythema = slot[7];
  o.days_erythema_ge_1 = static_cast<int>(slot[8]);
  o.days_erythema_ge_2 = static_cast<int>(slot[9]);
  o.peak_irritation = slot[10];
  o.pih_risk = slot[11];
  person.longest_redness_days = static_cast<int>(slot[12]);
  return person;
}

constexpr std::size_t failure_slot = values_per_person - 1;

/// The kind of failure in the failure slot (0: none), so that every rank can name it.
enum FailureKind : int { solver_failure = 1, internal_failure = 2, other_failure = 3 };

int failure_kind(const std::exception& error) {
  if (dynamic_cast<const SolverError*>(&error) != nullptr) return solver_failure;
  if (dynamic_cast<const InternalError*>(&error) != nullptr) return internal_failure;
  return other_failure;
}

std::string failure_kind_name(int kind) {
  switch (kind) {
    case solver_failure:
      return "the solver failed";
    case internal_failure:
      return "internal error";
    default:
      return "failed";
  }
}

}  // namespace

int longest_redness_days(const simulate::SimulationResult& result) {
  int longest = 0;
  int current = 0;
  for (const auto& day : result.days) {
    current = day.response.erythema >= 1.0 ? current + 1 : 0;
    longest = std::max(longest, current);
  }
  return longest;
}

PopulationRun run_population(const regimen::Regimen& regimen, const ModelData& data, const PopulationOptions& options,
                             const RankGroup& ranks, const ProgressObserver& progress) {
  expects(options.n_people >= 1 && options.n_people <= max_people, "run_population: n_people out of range");
  expects(options.threads >= 1, "run_population: threads must be at least 1");
  expects(options.seed <= max_seed, "run_population: seed out of 0 .. 2^63 - 1");
  const ModelDimensions model = model_dimensions(regimen, data);
  const auto& dimensions = model.dimensions;
  PopulationRun run{design_population(dimensions, options.n_people, options.seed), model.not_sampled, {}, {}, {}};

  // This rank's contiguous block of people.
  const auto n = static_cast<long long>(options.n_people);
  const int first = static_cast<int>(n * ranks.rank() / ranks.n_ranks());
  const int last = static_cast<int>(n * (ranks.rank() + 1) / ranks.n_ranks());
  const int n_local = last - first;

  const PersonInputs base{regimen, data.catalogue, data.parameters};
  std::vector<PersonInputs> scratch(static_cast<std::size_t>(std::max(1, std::min(options.threads, n_local))), base);
  std::vector<double> local(static_cast<std::size_t>(n_local) * values_per_person, 0.0);
  std::vector<std::string> failures(static_cast<std::size_t>(n_local));

  numerics::parallel_for(
      n_local, options.threads,
      [&](int item, int worker) {
        double* slot = local.data() + static_cast<std::size_t>(item) * values_per_person;
        PersonInputs& inputs = scratch[static_cast<std::size_t>(worker)];
        try {
          apply_person(run.design, dimensions, first + item, inputs);
          const auto result =
              simulate::simulate_regimen(inputs.regimen, inputs.catalogue, inputs.parameters, options.fidelity);
          pack({result.outcomes, longest_redness_days(result)}, slot);
        } catch (const std::exception& error) {  // kept, so that every rank still reaches the gather
          slot[failure_slot] = failure_kind(error);
          failures[static_cast<std::size_t>(item)] = error.what();
        }
      },
      progress);

  const std::vector<double> all = ranks.all_gather(local);
  expects(all.size() == static_cast<std::size_t>(options.n_people) * values_per_person,
          "run_population: the gathered outcomes miss people");
  run.people.reserve(static_cast<std::size_t>(options.n_people));
  for (int person = 0; person < options.n_people; ++person) {
    const double* slot = all.data() + static_cast<std::size_t>(person) * values_per_person;
    if (slot[failure_slot] == 0.0) {
      run.people.push_back(unpack(slot));
      run.person_ids.push_back(person);
      continue;
    }
    const bool is_mine = person >= first && person < last;
    const int kind = static_cast<int>(slot[failure_slot]);
    run.failures.push_back({person, is_mine ? failures[static_cast<std::size_t>(person - first)]
                                            : fmt::format("{} (simulated on another rank)", failure_kind_name(kind))});
  }
  if (run.people.empty())
    throw SolverError(fmt::format("the model failed for all {} people (seed {}); the first is person {}: {}",
                                  options.n_people, options.seed, run.failures.front().person,
                                  run.failures.front().reason));
  return run;
}

}  // namespace dermasim::population
