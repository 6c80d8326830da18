#include "io/rules_reader.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "io/nearest_name.hpp"
#include "io/parameter_reader.hpp"
#include "io/toml_table.hpp"
#include "regimen/person.hpp"
#include "regimen/product.hpp"

namespace dermasim::io {

using namespace regimen;

namespace {

/// What a threshold of each kind may be: whole days up to ten years, needle lengths within
/// the scenario's own needle range, a Fitzpatrick type.
NumberRange allowed_range(ThresholdKind kind) {
  switch (kind) {
    case ThresholdKind::days:
      return {0.0, 3650.0, "give a whole number of days from 0 to 3650, e.g. min_days = 7"};
    case ThresholdKind::millimetres:
      return {0.0, 3.0, "give a needle length in millimetres from 0 to 3, e.g. min_needle_mm = 1.5"};
    case ThresholdKind::fitzpatrick:
      return {1.0, 6.0, "give a Fitzpatrick skin type from 1 to 6, e.g. min_fitzpatrick = 4"};
  }
  return {};
}

double read_threshold(const TomlTable& table, std::string_view key, ThresholdKind kind) {
  const auto range = allowed_range(kind);
  if (kind == ThresholdKind::millimetres) return table.number(key, range);
  return table.integer(key, range);
}

/// Names a list may hold: actives for into-channels, conditions for the condition rules.
std::vector<std::string> allowed_list_items(std::string_view list) {
  if (list == "conditions") return condition_names.names();
  return active_names.names();
}

std::vector<std::string> allowed_keys(const RuleSchema& schema) {
  std::vector<std::string> allowed = {"id", "severity", "message", "source", "assumption", "note"};
  for (const auto& field : schema.thresholds) {
    const std::string key(field.key.substr(0, field.key.find('.')));
    if (std::ranges::find(allowed, key) == allowed.end()) allowed.push_back(key);
  }
  for (const auto list : schema.lists) allowed.emplace_back(list);
  return allowed;
}

/// The inner keys of each dotted threshold table, e.g. "max_needle_mm" -> forehead, cheek, ...
std::vector<std::pair<std::string, std::vector<std::string>>> inner_keys(const RuleSchema& schema) {
  std::vector<std::pair<std::string, std::vector<std::string>>> tables;
  for (const auto& field : schema.thresholds) {
    const auto dot = field.key.find('.');
    if (dot == std::string_view::npos) continue;
    const std::string outer(field.key.substr(0, dot));
    auto found = std::ranges::find(tables, outer, &std::pair<std::string, std::vector<std::string>>::first);
    if (found == tables.end()) found = tables.insert(tables.end(), {outer, {}});
    found->second.emplace_back(field.key.substr(dot + 1));
  }
  return tables;
}

void read_thresholds(const TomlTable& table, const RuleSchema& schema, RuleEntry& entry) {
  // A key the schema does not know inside e.g. max_needle_mm = { ... } would otherwise be ignored.
  for (const auto& [outer, keys] : inner_keys(schema)) table.table(outer).allow_only(keys);
  for (const auto& field : schema.thresholds) {
    const auto dot = field.key.find('.');
    const double value = dot == std::string_view::npos ? read_threshold(table, field.key, field.kind)
                                                       : read_threshold(table.table(field.key.substr(0, dot)),
                                                                        field.key.substr(dot + 1), field.kind);
    entry.thresholds.emplace(std::string(field.key), value);
  }
  for (const auto& [lower, upper] : schema.ascending)
    if (!(entry.thresholds.at(std::string(lower)) < entry.thresholds.at(std::string(upper))))
      table.fail(lower, fmt::format("{} = {:g} must be less than {} = {:g}; the depth bands are {} .. {} .. and up",
                                    lower, entry.thresholds.at(std::string(lower)), upper,
                                    entry.thresholds.at(std::string(upper)), lower, upper));
}

void read_lists(const TomlTable& table, const RuleSchema& schema, RuleEntry& entry) {
  for (const auto list : schema.lists) {
    std::vector<std::string> items;
    const auto names = allowed_list_items(list);
    for (const auto& item : table.string_list(list)) {
      if (std::ranges::find(names, item.value) == names.end())
        table.fail_at(item.position,
                      fmt::format("\"{}\" is not allowed in {}; use {}", item.value, list, join_alternatives(names)));
      items.push_back(item.value);
    }
    entry.lists.emplace(std::string(list), std::move(items));
  }
}

RuleEntry read_rule(const TomlTable& table, const RuleSchema& schema) {
  table.allow_only(allowed_keys(schema));
  RuleEntry entry;
  entry.text.id = std::string(schema.id);
  entry.text.severity = table.choice("severity", severity_names);
  entry.text.message = table.string("message");
  const Provenance provenance = read_provenance(table);
  entry.text.source = provenance.source;
  entry.text.is_assumption = provenance.is_assumption;
  read_thresholds(table, schema, entry);
  read_lists(table, schema, entry);
  return entry;
}

const RuleSchema& schema_of(const TomlTable& block, const std::string& id, const std::vector<std::string>& known_ids) {
  const auto schema = std::ranges::find(rule_schemas(), id, &RuleSchema::id);
  if (schema != rule_schemas().end()) return *schema;
  const auto suggestion = nearest_name(id, known_ids);
  block.fail("id", fmt::format("unknown rule id \"{}\"; {}", id,
                               suggestion ? fmt::format("did you mean \"{}\"?", *suggestion)
                                          : "known ids are " + join_alternatives(known_ids)));
}

}  // namespace

RuleTable read_rule_table(const toml::table& document, const std::string& file_name) {
  const TomlTable root(document, file_name, "the rules file");
  root.allow_only({"rule"});
  std::vector<std::string> known_ids;
  for (const auto& schema : rule_schemas()) known_ids.emplace_back(schema.id);

  std::vector<RuleEntry> entries;
  for (const TomlTable& block : root.tables("rule")) {
    const std::string id = block.string("id");
    const RuleSchema& schema = schema_of(block, id, known_ids);
    if (std::ranges::any_of(entries, [&](const RuleEntry& e) { return e.text.id == id; }))
      block.fail("id", fmt::format("rule \"{}\" is defined twice; keep one block", id));
    entries.push_back(read_rule(block, schema));
  }
  for (const auto& id : known_ids)
    if (std::ranges::none_of(entries, [&](const RuleEntry& e) { return e.text.id == id; }))
      throw InputError({file_name, 0, 0},
                       fmt::format("has no [[rule]] with id = \"{}\"; every rule the checker knows needs one; copy "
                                   "its block from the built-in rules.toml",
                                   id));
  return make_rule_table(entries);
}

}  // namespace dermasim::io
