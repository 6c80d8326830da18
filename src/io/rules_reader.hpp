#pragma once
// Reads data/rules.toml (docs/rules.md) into a RuleTable, checking each rule against the
// checker's schema: every known id present once, with its numbers and lists, and nothing else.

#include <string>

#include <toml++/toml.h>

#include "regimen/rule_table.hpp"

namespace dermasim::io {

[[nodiscard]] regimen::RuleTable read_rule_table(const toml::table& document, const std::string& file_name);

}  // namespace dermasim::io
