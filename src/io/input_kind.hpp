#pragma once
// The three kinds of input file a person writes (scenario, profile, experiment), told apart by
// the table only that kind has, so that a file given to the wrong command, or a directory given
// as a file, gets a message that says which command takes it (docs/file-formats.md).

#include <string>
#include <string_view>

#include <toml++/toml.h>

namespace dermasim::io {

enum class InputKind { scenario, profile, experiment };

/// The file's text; a directory or an unreadable path is an InputError that names an example.
[[nodiscard]] std::string read_input_file(const std::string& path, InputKind kind);

/// Refuses, at 1:1, a document of another kind than `expected` (e.g. a profile given to check).
void require_input_kind(const toml::table& document, const std::string& file_name, InputKind expected);

}  // namespace dermasim::io
