#pragma once
// The sampling seed of the command line (`population --seed S`): a whole number in
// 0 … population::max_seed, or a usage error (exit 2) that gives the range. CLI11 alone turns
// "-1" and 2^64 into 2^64 − 1 without a word.

#include <cstdint>
#include <string>

#include <CLI/CLI.hpp>

namespace dermasim::app {

/// Adds `--seed` to `command`, stored in `seed` (default 1).
CLI::Option* add_seed_option(CLI::App& command, std::uint64_t& seed, const std::string& description);

/// The validator behind it: "" when `text` is a seed, else the message. Exposed for tests.
[[nodiscard]] std::string seed_problem(const std::string& text);

}  // namespace dermasim::app
