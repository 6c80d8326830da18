#include "io/rules_reader.hpp"

#include <algorithm>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "io/embedded_data.hpp"
#include "io/nearest_name.hpp"
#include "io/parameter_reader.hpp"
#include "io/toml_table.hpp"
#include "regimen/person.hpp"
#include "regimen/product.hpp"

namespace dermasim::io {

using namespace regimen;

namespace {

/// What a threshold of each kind may be: whole days up to ten years, needle lengths within
/// the scenario's own needle range, a Fitzpatrick type, a few sessions.
NumberRange allowed_range(ThresholdKind kind) {
  switch (kind) {
    case ThresholdKind::days:
      return {0.0, 3650.0, "give a whole number of days from 0 to 3650"};
    case ThresholdKind::millimetres:
      return {0.0, 3.0, "give a needle length in millimetres from 0 to 3"};
    case ThresholdKind::fitzpatrick:
      return {1.0, 6.0, "give a Fitzpatrick skin type from 1 to 6, e.g. min_fitzpatrick = 4"};
    case ThresholdKind::sessions:
      return {1.0, 10.0, "give a whole number of sessions from 1 to 10, e.g. max_per_day = 1"};
    case ThresholdKind::fraction:
      return {0.0, 1.0, "give a fraction from 0 to 1, e.g. max_planned_pih_risk = 0.14"};
  }
  return {};
}

double read_threshold(const TomlTable& table, std::string_view key, ThresholdKind kind) {
  const auto range = allowed_range(kind);
  if (kind == ThresholdKind::millimetres || kind == ThresholdKind::fraction) return table.number(key, range);
  return table.integer(key, range);
}

/// Names a list may hold: actives for into-channels, conditions for the condition rules.
std::vector<std::string> allowed_list_items(std::string_view list) {
  if (list == "conditions") return condition_names.names();
  return active_names.names();
}

std::vector<std::string> allowed_keys(const RuleSchema& schema) {
  std::vector<std::string> allowed = {"id",   "severity", "message",         "source",         "assumption",
                                      "note", "enabled",  "disabled_reason", "weakened_reason"};
  for (const auto& field : schema.thresholds) {
    const std::string key(field.key.substr(0, field.key.find('.')));
    if (std::ranges::find(allowed, key) == allowed.end()) allowed.push_back(key);
  }
  for (const auto list : schema.lists) allowed.emplace_back(list);
  return allowed;
}

/// The position of a threshold key, also of one inside an inline table ("max_needle_mm.cheek").
SourcePosition position_of_key(const TomlTable& block, std::string_view key) {
  const auto dot = key.find('.');
  if (dot == std::string_view::npos) return block.position_of(key);
  return block.table(key.substr(0, dot)).position_of(key.substr(dot + 1));
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
    if (items.empty())
      table.fail(list, fmt::format("{} = [] would switch rule \"{}\" off without saying so; list at least one of "
                                   "{}, or switch the rule off with enabled = false and disabled_reason = \"why\"",
                                   list, schema.id, join_alternatives(names)));
    entry.lists.emplace(std::string(list), std::move(items));
  }
}

/// `enabled = false` needs `disabled_reason`, and a reason needs the switch: a rule is never
/// off by accident, and never says it is off when it is not.
void read_switch(const TomlTable& table, RuleText& text) {
  text.enabled = table.boolean("enabled", true);
  if (!text.enabled) {
    if (!table.has("disabled_reason"))
      table.fail("enabled", fmt::format("enabled = false switches rule \"{}\" off; say why with disabled_reason = "
                                        "\"...\" (every report shows it), or remove enabled = false",
                                        text.id));
    text.disabled_reason = table.nonblank_string("disabled_reason");
  } else if (table.has("disabled_reason")) {
    table.fail("disabled_reason", fmt::format("rule \"{}\" gives disabled_reason but is not switched off; add "
                                              "enabled = false, or remove disabled_reason",
                                              text.id));
  }
  if (auto reason = table.optional_nonblank_string("weakened_reason")) text.weakened_reason = *reason;
}

RuleEntry read_rule(const TomlTable& table, const RuleSchema& schema) {
  table.allow_only(allowed_keys(schema));
  RuleEntry entry;
  entry.text.id = std::string(schema.id);
  entry.text.severity = table.choice("severity", severity_names);
  entry.text.message = table.nonblank_string("message");
  const Provenance provenance = read_provenance(table);
  entry.text.source = provenance.source;
  entry.text.is_assumption = provenance.is_assumption;
  read_switch(table, entry.text);
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

/// One rules file as read: an entry per rule id and the block it came from (same order).
struct ReadRules {
  std::vector<RuleEntry> entries;
  std::vector<TomlTable> blocks;

  [[nodiscard]] std::size_t index_of(std::string_view id) const {
    const auto found = std::ranges::find(entries, id, [](const RuleEntry& e) { return e.text.id; });
    expects(found != entries.end(), "rules_reader: a rule id the reader did not check");
    return static_cast<std::size_t>(found - entries.begin());
  }
  [[nodiscard]] const RuleEntry& entry(std::string_view id) const { return entries[index_of(id)]; }
  [[nodiscard]] const TomlTable& block(std::string_view id) const { return blocks[index_of(id)]; }
};

/// Every [[rule]] checked against its schema, each id once, none missing.
ReadRules read_entries(const TomlTable& root) {
  root.allow_only({"rule"});
  std::vector<std::string> known_ids;
  for (const auto& schema : rule_schemas()) known_ids.emplace_back(schema.id);

  ReadRules rules;
  for (const TomlTable& block : root.tables("rule")) {
    const std::string id = block.nonblank_string("id");
    const RuleSchema& schema = schema_of(block, id, known_ids);
    if (std::ranges::any_of(rules.entries, [&](const RuleEntry& e) { return e.text.id == id; }))
      block.fail("id", fmt::format("rule \"{}\" is defined twice; keep one block", id));
    rules.entries.push_back(read_rule(block, schema));
    rules.blocks.push_back(block);
  }
  for (const auto& id : known_ids)
    if (std::ranges::none_of(rules.entries, [&](const RuleEntry& e) { return e.text.id == id; }))
      throw InputError({root.file(), 0, 0},
                       fmt::format("has no [[rule]] with id = \"{}\"; every rule the checker knows needs one; copy "
                                   "its block from the built-in rules.toml",
                                   id));
  return rules;
}

/// The rules compiled into dermasim: the floor of every safety rule.
const std::vector<RuleEntry>& built_in_entries() {
  static const std::vector<RuleEntry> entries = [] {
    for (const EmbeddedFile& file : embedded_catalogue_files()) {
      if (file.name != "rules.toml") continue;
      const std::string name = "data/rules.toml";
      const toml::table document = parse_toml(file.text, name);
      return read_entries(TomlTable(document, name, "the rules file")).entries;
    }
    expects(false, "rules_reader: no built-in rules.toml");
    return std::vector<RuleEntry>{};
  }();
  return entries;
}

const RuleEntry& built_in_entry(std::string_view id) {
  const auto found = std::ranges::find(built_in_entries(), id, [](const RuleEntry& e) { return e.text.id; });
  expects(found != built_in_entries().end(), "rules_reader: the built-in rules lack a rule id");
  return *found;
}

double threshold_of(const RuleEntry& entry, std::string_view key) {
  const auto found = entry.thresholds.find(key);
  expects(found != entry.thresholds.end(), "rules_reader: an ordering names a key its rule does not read");
  return found->second;
}

/// "min_days" within one rule, "retinoid-resume.min_days" across two.
std::string label(const RuleOrdering& ordering, bool lower) {
  const auto rule = lower ? ordering.lower_rule : ordering.upper_rule;
  const auto key = lower ? ordering.lower_key : ordering.upper_key;
  if (ordering.lower_rule == ordering.upper_rule) return std::string(key);
  return fmt::format("{}.{}", rule, key);
}

/// One threshold of an ordered pair, with whether it differs from the built-in value.
struct OrderedValue {
  std::string_view rule;
  std::string_view key;
  double value = 0.0;
  bool edited = false;
};

OrderedValue ordered_value(const ReadRules& rules, std::string_view rule, std::string_view key) {
  const double value = threshold_of(rules.entry(rule), key);
  return {rule, key, value, threshold_of(built_in_entry(rule), key) != value};
}

/// Fails at the value that was edited (the upper one when both or neither were).
[[noreturn]] void refuse_ordering(const ReadRules& rules, const RuleOrdering& ordering, const OrderedValue& lower,
                                  const OrderedValue& upper) {
  const bool blame_lower = lower.edited && !upper.edited;
  const OrderedValue& blamed = blame_lower ? lower : upper;
  const OrderedValue& other = blame_lower ? upper : lower;
  const SourcePosition other_at = rules.block(other.rule).position_of(other.key);
  rules.block(blamed.rule)
      .fail(blamed.key, fmt::format("{} = {:g} must be {} {} = {:g} (line {}); {}", label(ordering, true), lower.value,
                                    ordering.strict ? "less than" : "at most", label(ordering, false), upper.value,
                                    other_at.line, ordering.why));
}

/// Refuses a pair of thresholds out of rule_orderings()'s order, at the value that was edited.
void check_orderings(const ReadRules& rules) {
  for (const RuleOrdering& ordering : rule_orderings()) {
    const OrderedValue lower = ordered_value(rules, ordering.lower_rule, ordering.lower_key);
    const OrderedValue upper = ordered_value(rules, ordering.upper_rule, ordering.upper_key);
    const bool in_order = ordering.strict ? lower.value < upper.value : lower.value <= upper.value;
    if (!in_order) refuse_ordering(rules, ordering, lower, upper);
  }
}

/// How `key` of a safety rule is weaker than the built-in rule, for the message.
std::string describe_weakening(const RuleEntry& edited, const RuleEntry& built_in, const std::string& key) {
  if (key == "severity")
    return fmt::format("severity = \"{}\" (built in: \"{}\")", severity_names.name(edited.text.severity),
                       severity_names.name(built_in.text.severity));
  if (const auto threshold = edited.thresholds.find(key); threshold != edited.thresholds.end())
    return fmt::format("{} = {:g} (built in: {:g})", key, threshold->second, built_in.thresholds.at(key));
  std::vector<std::string> dropped;
  for (const auto& item : built_in.lists.at(key))
    if (std::ranges::find(edited.lists.at(key), item) == edited.lists.at(key).end()) dropped.push_back(item);
  return fmt::format("{} lacks {} (built in)", key, join_alternatives(dropped));
}

/// A safety rule weaker than the built-in one needs weakened_reason; a reason needs a weakening.
void check_weakening(const ReadRules& rules) {
  for (const RuleSchema& schema : rule_schemas()) {
    if (!schema.safety) continue;
    const RuleEntry& edited = rules.entry(schema.id);
    if (!edited.text.enabled) continue;  // switched off, with its own reason
    const RuleEntry& built_in = built_in_entry(schema.id);
    const TomlTable& block = rules.block(schema.id);
    const auto keys = weakened_keys(schema, edited, built_in);
    if (keys.empty() && !edited.text.weakened_reason.empty())
      block.fail("weakened_reason", fmt::format("rule \"{}\" gives weakened_reason but is not weaker than the "
                                                "built-in rule; remove weakened_reason",
                                                schema.id));
    if (keys.empty() || !edited.text.weakened_reason.empty()) continue;
    std::vector<std::string> changes;
    for (const auto& key : keys) changes.push_back(describe_weakening(edited, built_in, key));
    block.fail_at(position_of_key(block, keys.front()),
                  fmt::format("rule \"{}\" is a safety rule and this makes it weaker than the built-in rule: {}; "
                              "restore the built-in value, or say why with weakened_reason = \"...\" (every "
                              "report shows it)",
                              schema.id, fmt::join(changes, ", ")));
  }
}

}  // namespace

RuleTable read_rule_table(const toml::table& document, const std::string& file_name) {
  const ReadRules rules = read_entries(TomlTable(document, file_name, "the rules file"));
  check_orderings(rules);
  check_weakening(rules);
  return make_rule_table(rules.entries);
}

}  // namespace dermasim::io
