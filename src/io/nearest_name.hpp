#pragma once
// Suggests the nearest valid name for a misspelt key or value ("did you mean ..."), by edit
// distance, so that error messages can say what to do.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace dermasim::io {

/// Levenshtein distance between two strings.
[[nodiscard]] std::size_t edit_distance(std::string_view a, std::string_view b);

/// The candidate closest to `text`, if it is close enough to be a plausible misspelling
/// (distance at most a third of the longer name, and at least 1 edit allowed).
[[nodiscard]] std::optional<std::string> nearest_name(std::string_view text,
                                                      const std::vector<std::string>& candidates);

/// "a, b or c".
[[nodiscard]] std::string join_alternatives(const std::vector<std::string>& names);

}  // namespace dermasim::io
