#pragma once
// Writes output files so that a failed run leaves no half file (docs/architecture.md): the content
// goes to a temporary name in the same directory, then is renamed over the target.

#include <filesystem>
#include <string_view>

namespace dermasim::report {

/// Creates `directory` (and parents) if absent. Throws dermasim::Error on failure.
void ensure_directory(const std::filesystem::path& directory);

/// Writes `content` to `path` atomically. Throws dermasim::Error on failure, leaving any
/// previous file at `path` untouched.
void write_file_atomically(const std::filesystem::path& path, std::string_view content);

}  // namespace dermasim::report
