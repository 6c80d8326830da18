#include "report/atomic_file.hpp"

#include <fstream>
#include <system_error>

#include <fmt/format.h>
#include <unistd.h>

#include "core/error.hpp"

namespace dermasim::report {

void ensure_directory(const std::filesystem::path& directory) {
  std::error_code error;
  std::filesystem::create_directories(directory, error);
  if (error)  // a path the user chose: invalid input (exit 2), not an internal failure
    throw InputError({directory.string(), 0, 0},
                     fmt::format("cannot create the output directory ({}); choose another --out", error.message()));
}

void write_file_atomically(const std::filesystem::path& path, std::string_view content) {
  const auto temporary = path.parent_path() / fmt::format(".{}.tmp{}", path.filename().string(), ::getpid());
  {
    std::ofstream stream(temporary, std::ios::binary | std::ios::trunc);
    stream.write(content.data(), static_cast<std::streamsize>(content.size()));
    stream.flush();
    if (!stream) {
      std::error_code ignored;
      std::filesystem::remove(temporary, ignored);
      throw Error(fmt::format("{}: cannot write the output file; check the directory and free space", path.string()));
    }
  }
  std::error_code error;
  std::filesystem::rename(temporary, path, error);
  if (error) {
    std::error_code ignored;
    std::filesystem::remove(temporary, ignored);
    throw Error(fmt::format("{}: cannot replace the output file ({})", path.string(), error.message()));
  }
}

}  // namespace dermasim::report
