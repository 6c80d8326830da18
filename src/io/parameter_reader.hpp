#pragma once
// Reads one sourced catalogue entry, `key = { value = X, source = "..." }` or
// `key = { value = X, assumption = true, note = "..." }`, with an optional `range = [lo, hi]`
// and `range_source`: the convention of every file in data/.

#include "core/provenance.hpp"
#include "io/toml_table.hpp"

namespace dermasim::io {

[[nodiscard]] Parameter read_parameter(const TomlTable& table, std::string_view key,
                                       const NumberRange& allowed);

/// The provenance of an entry whose value is a string (e.g. `ionization`); the string itself
/// goes to `value`.
[[nodiscard]] Provenance read_string_parameter(const TomlTable& table, std::string_view key,
                                               std::string& value);

/// Top-level provenance keys of a table (`source`, or `assumption = true` with `note`).
[[nodiscard]] Provenance read_provenance(const TomlTable& table);

}  // namespace dermasim::io
