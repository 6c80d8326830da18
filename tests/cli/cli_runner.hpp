#pragma once
// Runs the built `dermasim` binary as a user would and captures its exit code, stdout and
// stderr, for the end-to-end tests of the command-line contract.

#include <filesystem>
#include <string>
#include <vector>

namespace dermasim::testing {

struct CommandResult {
  int exit_code = -1;
  std::string out;
  std::string err;
};

/// Runs `dermasim ARGS...` in `working_directory` (default: the current one), through
/// `launcher` (a command and its arguments, e.g. setpriv) if given.
[[nodiscard]] CommandResult run_dermasim(const std::vector<std::string>& arguments,
                                         const std::string& working_directory = "",
                                         const std::vector<std::string>& launcher = {});

/// A new, empty directory of a unique name under the system's temporary directory, removed
/// with its contents at the end of the scope.
class ScratchDirectory {
 public:
  explicit ScratchDirectory(const std::string& label);
  ~ScratchDirectory();
  ScratchDirectory(const ScratchDirectory&) = delete;
  ScratchDirectory& operator=(const ScratchDirectory&) = delete;
  [[nodiscard]] const std::filesystem::path& path() const { return path_; }

 private:
  std::filesystem::path path_;
};

/// The built binary's path.
[[nodiscard]] std::string dermasim_binary();

/// The whole text of a file ("" if it cannot be read).
[[nodiscard]] std::string read_text(const std::string& path);

/// Absolute path of a file in the source tree.
[[nodiscard]] std::string source_path(const std::string& relative);

}  // namespace dermasim::testing
