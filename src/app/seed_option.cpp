#include "app/seed_option.hpp"

#include <charconv>

#include <fmt/format.h>

#include "population/population_run.hpp"

namespace dermasim::app {

std::string seed_problem(const std::string& text) {
  std::uint64_t value = 0;
  const char* end = text.data() + text.size();
  const auto [stop, error] = std::from_chars(text.data(), end, value);
  const bool whole = !text.empty() && error == std::errc{} && stop == end;
  if (whole && value <= population::max_seed) return "";
  return fmt::format("{} is not a whole number from 0 to {} (2^63 - 1); give a seed in that range, e.g. --seed 7", text,
                     population::max_seed);
}

CLI::Option* add_seed_option(CLI::App& command, std::uint64_t& seed, const std::string& description) {
  const CLI::Validator seed_range([](std::string& text) { return seed_problem(text); }, "0..2^63-1");
  return command.add_option("--seed", seed, description)->check(seed_range)->default_str("1");
}

}  // namespace dermasim::app
