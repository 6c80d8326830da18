// RankGroup over MPI_COMM_WORLD (compiled instead of rank_group.cpp when DERMASIM_MPI is ON).
#include <mpi.h>

#include <string>

#include "core/error.hpp"
#include "population/rank_group.hpp"

namespace dermasim::population {

namespace {

void check(int status, const char* call) {
  if (status != MPI_SUCCESS) throw InternalError(std::string("MPI call failed: ") + call);
}

}  // namespace

std::unique_ptr<RankGroup> RankGroup::world() {
  auto group = std::make_unique<RankGroup>();
  int is_initialized = 0;
  check(MPI_Initialized(&is_initialized), "MPI_Initialized");
  if (!is_initialized) {
    // Only the calling thread uses MPI; worker threads never do.
    int provided = 0;
    check(MPI_Init_thread(nullptr, nullptr, MPI_THREAD_FUNNELED, &provided), "MPI_Init_thread");
    group->finalizes_ = true;
  }
  check(MPI_Comm_rank(MPI_COMM_WORLD, &group->rank_), "MPI_Comm_rank");
  check(MPI_Comm_size(MPI_COMM_WORLD, &group->n_ranks_), "MPI_Comm_size");
  group->is_world_ = true;
  return group;
}

RankGroup::~RankGroup() {
  if (finalizes_) MPI_Finalize();
}

bool RankGroup::is_distributed_build() { return true; }

std::vector<double> RankGroup::all_gather(const std::vector<double>& local) const {
  if (!is_world_ || n_ranks_ == 1) return local;
  const int local_count = static_cast<int>(local.size());
  std::vector<int> counts(static_cast<std::size_t>(n_ranks_));
  check(MPI_Allgather(&local_count, 1, MPI_INT, counts.data(), 1, MPI_INT, MPI_COMM_WORLD), "MPI_Allgather");
  std::vector<int> offsets(counts.size(), 0);
  for (std::size_t rank = 1; rank < counts.size(); ++rank) offsets[rank] = offsets[rank - 1] + counts[rank - 1];
  std::vector<double> all(static_cast<std::size_t>(offsets.back() + counts.back()));
  check(MPI_Allgatherv(local.data(), local_count, MPI_DOUBLE, all.data(), counts.data(), offsets.data(), MPI_DOUBLE,
                       MPI_COMM_WORLD),
        "MPI_Allgatherv");
  return all;
}

}  // namespace dermasim::population
