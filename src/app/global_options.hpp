#pragma once
// Options every dermasim command shares.

#include <filesystem>
#include <optional>

namespace dermasim::app {

struct GlobalOptions {
  std::optional<std::filesystem::path> data_directory;  // --data DIR (else DERMASIM_DATA)
};

/// Exit codes of the command-line contract (docs/architecture.md).
enum ExitCode : int { exit_ok = 0, exit_unsafe = 1, exit_invalid_input = 2, exit_internal = 3 };

}  // namespace dermasim::app
