#include "io/parameter_reader.hpp"

#include <fmt/format.h>

namespace dermasim::io {

Provenance read_provenance(const TomlTable& table) {
  Provenance provenance;
  provenance.is_assumption = table.boolean("assumption", false);
  provenance.is_calibrated = table.boolean("calibrated", false);
  if (auto source = table.optional_nonblank_string("source")) provenance.source = *source;
  if (provenance.is_assumption) {
    if (!table.has("note"))
      table.fail_at(table.position(), fmt::format("{} is marked assumption = true but has no note; "
                                                  "add note = \"why this value\"",
                                                  table.name()));
    const std::string note = table.nonblank_string("note");
    provenance.source = provenance.source.empty() ? "assumption: " + note : provenance.source + "; assumption: " + note;
  } else if (provenance.source.empty()) {
    table.fail_at(table.position(), fmt::format("{} has no source; add source = \"citation\" or assumption = true "
                                                "with a note",
                                                table.name()));
  }
  return provenance;
}

Parameter read_parameter(const TomlTable& table, std::string_view key, const NumberRange& allowed) {
  const TomlTable entry = table.table(key);
  entry.allow_only({"value", "source", "assumption", "calibrated", "note", "range", "range_source"});
  Parameter parameter;
  try {
    parameter.value = entry.number("value", allowed);
  } catch (const InputError& error) {  // name the parameter, not just its `value` key
    throw InputError(error.position(), fmt::format("{}: {}", key, error.message()));
  }
  parameter.provenance = read_provenance(entry);
  (void)entry.optional_nonblank_string("range_source");  // not kept, but never an empty citation
  if (entry.has("range")) {
    const auto [low, high] = entry.number_pair("range", allowed);
    if (!(low <= parameter.value && parameter.value <= high))
      entry.fail("range", fmt::format("range = [{:g}, {:g}] of {} does not contain its value {:g}; "
                                      "give [low, high] around the value",
                                      low, high, key, parameter.value));
    parameter.range = Range{low, high};
  }
  return parameter;
}

}  // namespace dermasim::io
