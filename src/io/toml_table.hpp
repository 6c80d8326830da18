#pragma once
// Typed, position-aware reading of one TOML table: every value is read by name with its
// allowed type and range, and every problem becomes an InputError at FILE:LINE:COLUMN that
// names the value, what is allowed and what to do. toml++ stays inside io/.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <toml++/toml.h>

#include "core/date.hpp"
#include "core/enum_names.hpp"
#include "core/error.hpp"

namespace dermasim::io {

/// The allowed range of a number and a hint that says what to write, e.g.
/// {0.2, 3.0, "give the needle length in millimetres, e.g. needle_mm = 1.0"}.
struct NumberRange {
  double min;
  double max;
  std::string_view hint;
};

/// A string value with the position it was read from (for later cross-reference errors).
struct PositionedString {
  std::string value;
  SourcePosition position;
};

/// Parses a TOML document; syntax errors become InputError at the parser's position.
[[nodiscard]] toml::table parse_toml(std::string_view text, const std::string& file_name);
[[nodiscard]] toml::table parse_toml_file(const std::string& path);

class TomlTable {
 public:
  /// `table` must outlive this view; `name` is how messages refer to it, e.g. "[person]".
  TomlTable(const toml::table& table, std::string file, std::string name);

  /// Every key must be one of `allowed`; otherwise an error naming the nearest valid key.
  void allow_only(const std::vector<std::string>& allowed) const;

  [[nodiscard]] bool has(std::string_view key) const;
  [[nodiscard]] SourcePosition position() const;
  [[nodiscard]] SourcePosition position_of(std::string_view key) const;
  [[nodiscard]] const std::string& file() const { return file_; }
  [[nodiscard]] const std::string& name() const { return name_; }

  [[nodiscard]] double number(std::string_view key, const NumberRange& range) const;
  [[nodiscard]] std::optional<double> optional_number(std::string_view key, const NumberRange& range) const;
  [[nodiscard]] int integer(std::string_view key, const NumberRange& range) const;
  [[nodiscard]] std::optional<int> optional_integer(std::string_view key, const NumberRange& range) const;
  [[nodiscard]] bool boolean(std::string_view key, bool default_value) const;
  [[nodiscard]] std::string string(std::string_view key) const;
  [[nodiscard]] std::optional<std::string> optional_string(std::string_view key) const;
  /// A string with at least one visible character: messages, sources, notes, reasons, ids.
  [[nodiscard]] std::string nonblank_string(std::string_view key) const;
  [[nodiscard]] std::optional<std::string> optional_nonblank_string(std::string_view key) const;
  [[nodiscard]] Date date(std::string_view key) const;
  [[nodiscard]] std::optional<Date> optional_date(std::string_view key) const;
  /// A list of exactly two numbers [low, high] with low <= high, each within `range`.
  [[nodiscard]] std::pair<double, double> number_pair(std::string_view key, const NumberRange& range) const;
  [[nodiscard]] std::vector<PositionedString> string_list(std::string_view key) const;

  /// A string that must be one of `names`; the error lists them and the nearest.
  template <class Enum, std::size_t N>
  [[nodiscard]] Enum choice(std::string_view key, const EnumNames<Enum, N>& names) const {
    return parse_choice(string(key), position_of(key), key, names);
  }
  template <class Enum, std::size_t N>
  [[nodiscard]] std::optional<Enum> optional_choice(std::string_view key, const EnumNames<Enum, N>& names) const {
    if (!has(key)) return std::nullopt;
    return choice(key, names);
  }
  /// Parses one already-read string as a choice (for list elements).
  template <class Enum, std::size_t N>
  [[nodiscard]] Enum parse_choice(const std::string& text, const SourcePosition& where, std::string_view key,
                                  const EnumNames<Enum, N>& names) const {
    if (auto value = names.parse(text)) return *value;
    fail_choice(where, key, text, names.names());
  }

  [[nodiscard]] TomlTable table(std::string_view key) const;
  [[nodiscard]] std::optional<TomlTable> optional_table(std::string_view key) const;
  /// An array of tables (`[[key]]`); empty when absent.
  [[nodiscard]] std::vector<TomlTable> tables(std::string_view key) const;

  [[noreturn]] void fail(std::string_view key, const std::string& message) const;
  [[noreturn]] void fail_at(const SourcePosition& where, const std::string& message) const;

 private:
  [[nodiscard]] const toml::node& required(std::string_view key) const;
  [[noreturn]] void fail_choice(const SourcePosition& where, std::string_view key, const std::string& value,
                                const std::vector<std::string>& allowed) const;

  const toml::table* table_;
  std::string file_;
  std::string name_;
};

}  // namespace dermasim::io
