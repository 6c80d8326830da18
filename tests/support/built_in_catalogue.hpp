#pragma once
// The built-in catalogues (data/ as embedded in the binary), loaded once per test program.

#include <optional>

#include "io/catalogue_reader.hpp"

namespace dermasim::test_support {

inline const regimen::Catalogue& built_in_catalogue() {
  static const regimen::Catalogue loaded = io::load_catalogue(std::nullopt);
  return loaded;
}

}  // namespace dermasim::test_support
