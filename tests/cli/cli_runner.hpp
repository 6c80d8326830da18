#pragma once
// Runs the built `dermasim` binary as a user would and captures its exit code, stdout and
// stderr, for the end-to-end tests of the command-line contract.

#include <string>
#include <vector>

namespace dermasim::testing {

struct CommandResult {
  int exit_code = -1;
  std::string out;
  std::string err;
};

/// Runs `dermasim ARGS...` in `working_directory` (default: the current one).
[[nodiscard]] CommandResult run_dermasim(const std::vector<std::string>& arguments,
                                         const std::string& working_directory = "");

/// The whole text of a file ("" if it cannot be read).
[[nodiscard]] std::string read_text(const std::string& path);

/// Absolute path of a file in the source tree.
[[nodiscard]] std::string source_path(const std::string& relative);

}  // namespace dermasim::testing
