#pragma once
// A command's `--out DIR` (default dermasim-out/): opened before the long computation, so that a
// second run, a foreign file or an unwritable place is refused at once (exit 2), then replaced as
// a whole by the command's files (report/output_set.hpp).

#include <filesystem>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "report/output_set.hpp"

namespace dermasim::app {

/// The files one command writes into --out.
struct CommandOutputs {
  std::string_view command;
  std::vector<std::string> files;
};

/// Every command's output files: the one list the writers, the foreign-file check and the
/// documentation (docs/architecture.md) follow.
[[nodiscard]] std::span<const CommandOutputs> command_outputs();

class OutputDirectory {
 public:
  /// Checks and locks `directory` for `command` (a name in command_outputs()). Throws InputError.
  OutputDirectory(std::string_view command, const std::filesystem::path& directory);

  /// Replaces the directory by `files`, whose names must be exactly the command's outputs.
  void write(const std::vector<std::pair<std::string, std::string>>& files);

 private:
  const CommandOutputs& outputs_;
  report::OutputSet set_;
};

}  // namespace dermasim::app
