#pragma once
// The data/ catalogues compiled into the binary (cmake/write_embedded_data.cmake), so that
// dermasim works from any directory without installing data files.

#include <span>
#include <string_view>

namespace dermasim::io {

struct EmbeddedFile {
  std::string_view name;  // e.g. "rules.toml"
  std::string_view text;
};

[[nodiscard]] std::span<const EmbeddedFile> embedded_catalogue_files();

}  // namespace dermasim::io
