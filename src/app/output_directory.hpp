#pragma once
// Writing a command's output files into `--out DIR` (default dermasim-out/), each through a
// temporary file and a rename, so that a failed run leaves no half-written file.

#include <filesystem>
#include <string>
#include <utility>
#include <vector>

namespace dermasim::app {

/// Creates `directory` and writes every (file name, content) pair into it atomically.
/// All contents are computed before the first write, so a failure while computing writes nothing.
void write_outputs(const std::filesystem::path& directory,
                   const std::vector<std::pair<std::string, std::string>>& files);

}  // namespace dermasim::app
