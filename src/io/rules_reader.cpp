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

constexpr NumberRange threshold{0.0, 10000.0, "give a non-negative threshold"};

/// Names a list may hold: actives for into-channels, conditions for the condition rules.
std::vector<std::string> allowed_list_items(std::string_view list) {
  if (list == "conditions") return condition_names.names();
  return active_names.names();
}

Rule read_rule(const TomlTable& table, const RuleSchema& schema) {
  std::vector<std::string> allowed = {"id", "severity", "message", "source", "assumption", "note"};
  for (const auto number : schema.numbers) {
    const auto dot = number.find('.');
    const std::string key(dot == std::string_view::npos ? number : number.substr(0, dot));
    if (std::ranges::find(allowed, key) == allowed.end()) allowed.push_back(key);
  }
  for (const auto list : schema.lists) allowed.emplace_back(list);
  table.allow_only(allowed);

  Rule rule;
  rule.id = std::string(schema.id);
  rule.severity = table.choice("severity", severity_names);
  rule.message = table.string("message");
  const Provenance provenance = read_provenance(table);
  rule.source = provenance.source;
  rule.is_assumption = provenance.is_assumption;
  for (const auto number : schema.numbers) {
    const auto dot = number.find('.');
    if (dot == std::string_view::npos) {
      rule.numbers.emplace(std::string(number), table.number(number, threshold));
      continue;
    }
    const TomlTable inner = table.table(number.substr(0, dot));
    rule.numbers.emplace(std::string(number), inner.number(number.substr(dot + 1), threshold));
  }
  for (const auto list : schema.lists) {
    std::vector<std::string> items;
    const auto names = allowed_list_items(list);
    for (const auto& item : table.string_list(list)) {
      if (std::ranges::find(names, item.value) == names.end())
        table.fail_at(item.position, fmt::format("\"{}\" is not allowed in {}; use {}", item.value,
                                                 list, join_alternatives(names)));
      items.push_back(item.value);
    }
    rule.lists.emplace(std::string(list), std::move(items));
  }
  return rule;
}

}  // namespace

RuleTable read_rule_table(const toml::table& document, const std::string& file_name) {
  const TomlTable root(document, file_name, "the rules file");
  root.allow_only({"rule"});
  std::vector<std::string> known_ids;
  for (const auto& schema : rule_schemas()) known_ids.emplace_back(schema.id);

  std::vector<Rule> rules;
  for (const TomlTable& block : root.tables("rule")) {
    const std::string id = block.string("id");
    const auto schema = std::ranges::find(rule_schemas(), id, &RuleSchema::id);
    if (schema == rule_schemas().end()) {
      const auto suggestion = nearest_name(id, known_ids);
      block.fail("id", fmt::format("unknown rule id \"{}\"; {}", id,
                                   suggestion ? fmt::format("did you mean \"{}\"?", *suggestion)
                                              : "known ids are " + join_alternatives(known_ids)));
    }
    if (std::ranges::find(rules, id, &Rule::id) != rules.end())
      block.fail("id", fmt::format("rule \"{}\" is defined twice; keep one block", id));
    rules.push_back(read_rule(block, *schema));
  }
  for (const auto& id : known_ids)
    if (std::ranges::find(rules, id, &Rule::id) == rules.end())
      throw InputError({file_name, 0, 0},
                       fmt::format("has no [[rule]] with id = \"{}\"; every rule the checker knows "
                                   "needs one", id));
  return RuleTable(std::move(rules));
}

}  // namespace dermasim::io
