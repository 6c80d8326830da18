#include "app/output_directory.hpp"

#include "report/atomic_file.hpp"

namespace dermasim::app {

void write_outputs(const std::filesystem::path& directory,
                   const std::vector<std::pair<std::string, std::string>>& files) {
  report::ensure_directory(directory);
  for (const auto& [name, content] : files) report::write_file_atomically(directory / name, content);
}

}  // namespace dermasim::app
