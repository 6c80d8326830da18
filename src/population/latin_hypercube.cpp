#include "population/latin_hypercube.hpp"

#include <numeric>
#include <utility>

#include "core/error.hpp"

namespace dermasim::population {

namespace {

/// SplitMix64 (Steele, Lea, Flood 2014): a bijective 64-bit mixer, used as a counter-based
/// generator so that no generator state is shared or carried between people.
std::uint64_t mix(std::uint64_t value) {
  value += 0x9E3779B97F4A7C15ULL;
  value = (value ^ (value >> 30)) * 0xBF58476D1CE4E5B9ULL;
  value = (value ^ (value >> 27)) * 0x94D049BB133111EBULL;
  return value ^ (value >> 31);
}

/// The counter-th random 64-bit word of the stream keyed by (seed, stream, purpose).
std::uint64_t random_word(std::uint64_t seed, std::uint64_t stream, std::uint64_t purpose, std::uint64_t counter) {
  return mix(mix(mix(mix(seed) ^ stream) ^ purpose) ^ counter);
}

/// A uniform integer in [0, bound) by rejection, free of modulo bias.
std::uint64_t bounded(std::uint64_t seed, std::uint64_t stream, std::uint64_t purpose, std::uint64_t counter,
                      std::uint64_t bound) {
  const std::uint64_t limit = ~std::uint64_t{0} - (~std::uint64_t{0} % bound);
  for (std::uint64_t attempt = 0;; ++attempt) {
    const std::uint64_t word = random_word(seed, stream, purpose, (counter << 8) ^ attempt);
    if (word < limit) return word % bound;
  }
}

/// A uniform double in (0, 1) from the top 32 bits of a word. 32 bits keep stratum + offset
/// exact in a double for up to 2^20 strata, so a value never rounds into the next stratum.
double open_unit(std::uint64_t word) { return (static_cast<double>(word >> 32) + 0.5) * 0x1.0p-32; }

constexpr std::uint64_t purpose_permutation = 1;
constexpr std::uint64_t purpose_jitter = 2;

}  // namespace

std::uint64_t stream_of(std::string_view parameter_name) {
  std::uint64_t hash = 0xcbf29ce484222325ULL;
  for (const char character : parameter_name) {
    hash ^= static_cast<unsigned char>(character);
    hash *= 0x100000001b3ULL;
  }
  return hash;
}

std::vector<double> latin_hypercube_column(int n_people, std::uint64_t seed, std::uint64_t stream) {
  expects(n_people >= 1 && n_people <= max_people, "latin_hypercube_column: n_people out of 1 .. 2^20");
  const auto n = static_cast<std::size_t>(n_people);
  // Fisher–Yates from the top, each swap index drawn from its own counter.
  std::vector<std::size_t> stratum(n);
  std::iota(stratum.begin(), stratum.end(), std::size_t{0});
  for (std::size_t index = n - 1; index > 0; --index)
    std::swap(stratum[index], stratum[bounded(seed, stream, purpose_permutation, index, index + 1)]);

  std::vector<double> column(n);
  for (std::size_t person = 0; person < n; ++person) {
    const double within = open_unit(random_word(seed, stream, purpose_jitter, person));
    column[person] = (static_cast<double>(stratum[person]) + within) / static_cast<double>(n);
  }
  return column;
}

}  // namespace dermasim::population
