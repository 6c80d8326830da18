#pragma once
// Reads a profile file (docs/file-formats.md, "Profile") with the scenario reader's checks and
// messages.

#include <string>
#include <string_view>

#include "regimen/profile.hpp"

namespace dermasim::io {

[[nodiscard]] regimen::Profile read_profile(std::string_view text, const std::string& file_name);
[[nodiscard]] regimen::Profile read_profile_file(const std::string& path);

}  // namespace dermasim::io
