#pragma once
// Reads a [person] table (docs/file-formats.md), shared by scenarios and profiles.

#include "io/toml_table.hpp"
#include "regimen/person.hpp"

namespace dermasim::io {

[[nodiscard]] regimen::Person read_person(const TomlTable& table);

}  // namespace dermasim::io
