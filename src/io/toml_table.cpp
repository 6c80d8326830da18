#include "io/toml_table.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <fstream>
#include <regex>
#include <sstream>

#include <fmt/format.h>

#include "io/nearest_name.hpp"

namespace dermasim::io {

namespace {

SourcePosition position_from(const toml::source_region& region, const std::string& file) {
  return {file, static_cast<int>(region.begin.line), static_cast<int>(region.begin.column)};
}

std::string type_name(const toml::node& node) {
  switch (node.type()) {
    case toml::node_type::table:
      return "a table";
    case toml::node_type::array:
      return "an array";
    case toml::node_type::string:
      return "a string";
    case toml::node_type::integer:
      return "an integer";
    case toml::node_type::floating_point:
      return "a number";
    case toml::node_type::boolean:
      return "a boolean";
    case toml::node_type::date:
      return "a date";
    case toml::node_type::time:
      return "a time";
    case toml::node_type::date_time:
      return "a date-time";
    default:
      return "nothing";
  }
}

std::string render(const toml::node& node) {
  // The shortest text that reads back as the same number (toml++ prints 3.01 as 3.0099999999999998).
  if (const auto number = node.value_exact<double>()) {
    std::string text = fmt::format("{}", *number);
    if (text.find_first_of(".eEni") == std::string::npos) text += ".0";  // 9.0 stays a float: not "9"
    return text;
  }
  std::ostringstream text;
  node.visit([&](const auto& value) { text << value; });
  return text.str();
}

/// People write dates as 12/12/2026; TOML only reads 2026-12-12. The hint for that line.
std::string slashed_date_hint(std::string_view text, std::size_t line) {
  std::size_t start = 0;
  for (std::size_t seen = 1; seen < line && start != std::string_view::npos; ++seen) {
    start = text.find('\n', start);
    if (start != std::string_view::npos) ++start;
  }
  if (start == std::string_view::npos) return "";
  const std::string line_text(text.substr(start, text.find('\n', start) - start));
  static const std::regex slashed(R"(\b\d{1,4}/\d{1,2}/\d{1,4}\b)");
  if (!std::regex_search(line_text, slashed)) return "";
  return "; dates are written year-month-day without quotes, e.g. start = 2026-12-12";
}

}  // namespace

toml::table parse_toml(std::string_view text, const std::string& file_name) {
  try {
    return toml::parse(text, file_name);
  } catch (const toml::parse_error& error) {
    throw InputError(position_from(error.source(), file_name),
                     fmt::format("TOML syntax error: {}{}", error.description(),
                                 slashed_date_hint(text, error.source().begin.line)));
  }
}

toml::table parse_toml_file(const std::string& path) {
  std::ifstream stream(path, std::ios::binary);
  if (!stream) throw InputError({path, 0, 0}, "cannot open the file; check the path and that it is readable");
  std::ostringstream contents;
  contents << stream.rdbuf();
  return parse_toml(contents.str(), path);
}

TomlTable::TomlTable(const toml::table& table, std::string file, std::string name)
    : table_(&table), file_(std::move(file)), name_(std::move(name)) {}

void TomlTable::allow_only(const std::vector<std::string>& allowed) const {
  for (const auto& [key, node] : *table_) {
    const std::string key_text(key.str());
    if (std::find(allowed.begin(), allowed.end(), key_text) != allowed.end()) continue;
    const auto suggestion = nearest_name(key_text, allowed);
    const std::string advice = suggestion
                                   ? fmt::format("did you mean '{}'?", *suggestion)
                                   : fmt::format("the keys allowed in {} are {}", name_, join_alternatives(allowed));
    throw InputError(position_from(key.source(), file_),
                     fmt::format("unknown key '{}' in {}; {}", key_text, name_, advice));
  }
}

bool TomlTable::has(std::string_view key) const { return table_->contains(key); }

SourcePosition TomlTable::position() const { return position_from(table_->source(), file_); }

SourcePosition TomlTable::position_of(std::string_view key) const {
  if (const toml::node* node = table_->get(key)) return position_from(node->source(), file_);
  return position();
}

const toml::node& TomlTable::required(std::string_view key) const {
  if (const toml::node* node = table_->get(key)) return *node;
  fail_at(position(), fmt::format("{} needs the key '{}'; add it", name_, key));
}

void TomlTable::fail(std::string_view key, const std::string& message) const { fail_at(position_of(key), message); }

void TomlTable::fail_at(const SourcePosition& where, const std::string& message) const {
  throw InputError(where, message);
}

void TomlTable::fail_choice(const SourcePosition& where, std::string_view key, const std::string& value,
                            const std::vector<std::string>& allowed) const {
  const auto suggestion = nearest_name(value, allowed);
  fail_at(where, fmt::format("{} = \"{}\" is not allowed; use one of {}{}", key, value, join_alternatives(allowed),
                             suggestion ? fmt::format(" (did you mean \"{}\"?)", *suggestion) : ""));
}

double TomlTable::number(std::string_view key, const NumberRange& range) const {
  const toml::node& node = required(key);
  double value = 0.0;
  if (auto integer_value = node.value_exact<int64_t>())
    value = static_cast<double>(*integer_value);
  else if (auto float_value = node.value_exact<double>())
    value = *float_value;
  else
    fail(key, fmt::format("{} should be a number, not {} ({}); {}", key, type_name(node), render(node), range.hint));
  if (!std::isfinite(value) || value < range.min || value > range.max)
    fail(key, fmt::format("{} = {} is outside {:g} .. {:g}; {}", key, render(node), range.min, range.max, range.hint));
  return value;
}

std::optional<double> TomlTable::optional_number(std::string_view key, const NumberRange& range) const {
  if (!has(key)) return std::nullopt;
  return number(key, range);
}

int TomlTable::integer(std::string_view key, const NumberRange& range) const {
  const toml::node& node = required(key);
  const auto value = node.value_exact<int64_t>();
  if (!value)
    fail(key,
         fmt::format("{} should be a whole number, not {} ({}); {}", key, type_name(node), render(node), range.hint));
  if (static_cast<double>(*value) < range.min || static_cast<double>(*value) > range.max)
    fail(key, fmt::format("{} = {} is outside {:g} .. {:g}; {}", key, *value, range.min, range.max, range.hint));
  return static_cast<int>(*value);
}

std::optional<int> TomlTable::optional_integer(std::string_view key, const NumberRange& range) const {
  if (!has(key)) return std::nullopt;
  return integer(key, range);
}

bool TomlTable::boolean(std::string_view key, bool default_value) const {
  const toml::node* node = table_->get(key);
  if (!node) return default_value;
  const auto value = node->value_exact<bool>();
  if (!value) fail(key, fmt::format("{} should be true or false, not {} ({})", key, type_name(*node), render(*node)));
  return *value;
}

std::string TomlTable::string(std::string_view key) const {
  const toml::node& node = required(key);
  const auto value = node.value_exact<std::string>();
  if (!value)
    fail(key, fmt::format("{} should be a string in double quotes, not {} ({})", key, type_name(node), render(node)));
  return *value;
}

std::optional<std::string> TomlTable::optional_string(std::string_view key) const {
  if (!has(key)) return std::nullopt;
  return string(key);
}

std::string TomlTable::nonblank_string(std::string_view key) const {
  std::string value = string(key);
  if (std::ranges::all_of(value, [](unsigned char c) { return std::isspace(c) != 0; }))
    fail(key, fmt::format("{} = \"{}\" is empty; write the text it stands for, or remove the entry", key, value));
  return value;
}

std::optional<std::string> TomlTable::optional_nonblank_string(std::string_view key) const {
  if (!has(key)) return std::nullopt;
  return nonblank_string(key);
}

Date TomlTable::date(std::string_view key) const {
  const toml::node& node = required(key);
  const auto value = node.value_exact<toml::date>();
  if (!value)
    fail(key, fmt::format("{} should be a date written without quotes, e.g. {} = 2026-12-01, not "
                          "{} ({})",
                          key, key, type_name(node), render(node)));
  const toml::date given = value.value_or(toml::date{});  // fail() above does not return
  const std::chrono::year_month_day ymd{std::chrono::year{given.year}, std::chrono::month{given.month},
                                        std::chrono::day{given.day}};
  if (!ymd.ok()) fail(key, fmt::format("{} = {} is not a calendar date", key, render(node)));
  const Date date{ymd};
  if (!is_in_date_range(date))
    fail(key, fmt::format("{} = {} lies outside the dates dermasim handles, {}; give a date in that range", key,
                          render(node), date_range_text()));
  return date;
}

std::optional<Date> TomlTable::optional_date(std::string_view key) const {
  if (!has(key)) return std::nullopt;
  return date(key);
}

std::pair<double, double> TomlTable::number_pair(std::string_view key, const NumberRange& range) const {
  const toml::node& node = required(key);
  const toml::array* array = node.as_array();
  auto number_of = [](const toml::node& element) -> std::optional<double> {
    if (auto integer_value = element.value_exact<int64_t>()) return static_cast<double>(*integer_value);
    return element.value_exact<double>();
  };
  const std::optional<double> given_low = array && array->size() == 2 ? number_of(*array->get(0)) : std::nullopt;
  const std::optional<double> given_high = array && array->size() == 2 ? number_of(*array->get(1)) : std::nullopt;
  if (!given_low || !given_high)
    fail(key, fmt::format("{} should be two numbers [low, high], not {}", key, render(node)));
  const double low = given_low.value_or(0.0);  // fail() above does not return
  const double high = given_high.value_or(0.0);
  if (!(low <= high) || low < range.min || high > range.max)
    fail(key, fmt::format("{} = {} should have low <= high within {:g} .. {:g}; {}", key, render(node), range.min,
                          range.max, range.hint));
  return {low, high};
}

std::vector<PositionedString> TomlTable::string_list(std::string_view key) const {
  const toml::node& node = required(key);
  const toml::array* array = node.as_array();
  if (!array)
    fail(key,
         fmt::format("{} should be a list of strings, e.g. {} = [\"a\", \"b\"], not {}", key, key, type_name(node)));
  std::vector<PositionedString> items;
  for (const toml::node& element : *array) {
    const auto value = element.value_exact<std::string>();
    if (!value)
      fail_at(position_from(element.source(), file_),
              fmt::format("{} should hold only strings in double quotes, not {} ({})", key, type_name(element),
                          render(element)));
    items.push_back({*value, position_from(element.source(), file_)});
  }
  return items;
}

TomlTable TomlTable::table(std::string_view key) const {
  const toml::node& node = required(key);
  const toml::table* inner = node.as_table();
  if (!inner) fail(key, fmt::format("{} should be a table, not {}", key, type_name(node)));
  return TomlTable(*inner, file_, fmt::format("[{}]", key));
}

std::optional<TomlTable> TomlTable::optional_table(std::string_view key) const {
  if (!has(key)) return std::nullopt;
  return table(key);
}

std::vector<TomlTable> TomlTable::tables(std::string_view key) const {
  std::vector<TomlTable> result;
  const toml::node* node = table_->get(key);
  if (!node) return result;
  const toml::array* array = node->as_array();
  if (!array || !array->is_array_of_tables()) fail(key, fmt::format("{} should be written as [[{}]] blocks", key, key));
  for (const toml::node& element : *array) result.emplace_back(*element.as_table(), file_, fmt::format("[[{}]]", key));
  return result;
}

}  // namespace dermasim::io
