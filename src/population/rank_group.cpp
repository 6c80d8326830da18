// RankGroup without MPI: every group is this process alone (rank 0 of 1).
#include "population/rank_group.hpp"

namespace dermasim::population {

std::unique_ptr<RankGroup> RankGroup::world() { return std::make_unique<RankGroup>(); }

RankGroup::~RankGroup() = default;

bool RankGroup::is_distributed_build() { return false; }

std::vector<double> RankGroup::all_gather(const std::vector<double>& local) const { return local; }

}  // namespace dermasim::population
