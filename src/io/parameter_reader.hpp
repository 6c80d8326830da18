#pragma once
// Reads one sourced catalogue entry, `key = { value = X, source = "..." }` or
// `key = { value = X, assumption = true, note = "..." }`, with an optional `range = [lo, hi]`
// and `range_source`: the convention of every file in data/.

#include <fmt/format.h>

#include "core/provenance.hpp"
#include "io/toml_table.hpp"

namespace dermasim::io {

[[nodiscard]] Parameter read_parameter(const TomlTable& table, std::string_view key, const NumberRange& allowed);

/// Top-level provenance keys of a table (`source`, or `assumption = true` with `note`).
[[nodiscard]] Provenance read_provenance(const TomlTable& table);

/// A sourced entry whose value is one of `names` (e.g. `ionization = { value = "acid", ... }`);
/// other text is an InputError at the value that lists what is allowed.
template <class Enum, std::size_t N>
[[nodiscard]] Sourced<Enum> read_choice_parameter(const TomlTable& table, std::string_view key,
                                                  const EnumNames<Enum, N>& names) {
  const TomlTable entry = table.table(key);
  entry.allow_only({"value", "source", "assumption", "note"});
  Enum value{};
  try {
    value = entry.choice("value", names);
  } catch (const InputError& error) {  // name the parameter, not just its `value` key
    throw InputError(error.position(), fmt::format("{}: {}", key, error.message()));
  }
  return {value, read_provenance(entry)};
}

}  // namespace dermasim::io
