#pragma once
// Seeded Latin hypercube sampling (docs/population.md): each sampled parameter is one column of
// unit coordinates in (0, 1), one per person, with exactly one person in each of the n equal
// strata. A column is a pure function of (n, seed, stream), computed with integer hashing
// only, so it is the same on every thread, rank, compiler and standard library.

#include <cstdint>
#include <string_view>
#include <vector>

namespace dermasim::population {

inline constexpr int max_people = 1 << 20;

/// A stable 64-bit stream number for a parameter name (FNV-1a), so that a parameter keeps
/// its column whatever other parameters the population samples (common random numbers).
[[nodiscard]] std::uint64_t stream_of(std::string_view parameter_name);

/// The unit coordinates of one parameter for people 0 … n_people − 1: person i lies in
/// stratum permutation(i) of n_people, uniformly within it.
/// @pre 1 <= n_people <= max_people. @post every value in (0, 1); each stratum [k/n, (k+1)/n) holds one.
[[nodiscard]] std::vector<double> latin_hypercube_column(int n_people, std::uint64_t seed, std::uint64_t stream);

}  // namespace dermasim::population
