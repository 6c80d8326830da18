#pragma once
// The processes a population is split across (docs/architecture.md: threads; MPI when built with
// it). Built with DERMASIM_MPI, `RankGroup::world()` is MPI_COMM_WORLD (rank_group_mpi.cpp);
// otherwise, and for a default-constructed group, it is this process alone (rank_group.cpp).

#include <memory>
#include <vector>

namespace dermasim::population {

class RankGroup {
 public:
  /// This process alone: rank 0 of 1; never touches MPI.
  RankGroup() = default;
  /// Every process of the launch (`mpirun -np N`); initializes MPI if the build has it and it
  /// is not initialized yet, and finalizes it on destruction. Call at most once per process.
  [[nodiscard]] static std::unique_ptr<RankGroup> world();
  ~RankGroup();
  RankGroup(const RankGroup&) = delete;
  RankGroup& operator=(const RankGroup&) = delete;

  [[nodiscard]] int rank() const { return rank_; }
  [[nodiscard]] int n_ranks() const { return n_ranks_; }
  /// Rank 0 writes files and prints.
  [[nodiscard]] bool is_root() const { return rank_ == 0; }
  /// Whether this build can span processes (DERMASIM_MPI).
  [[nodiscard]] static bool is_distributed_build();

  /// Every rank's `local` concatenated in rank order, on every rank. Collective: every rank
  /// calls it once per use, in the same order.
  [[nodiscard]] std::vector<double> all_gather(const std::vector<double>& local) const;

 private:
  int rank_ = 0;
  int n_ranks_ = 1;
  bool is_world_ = false;
  bool finalizes_ = false;
};

}  // namespace dermasim::population
