#pragma once
// The protocol rules table (docs/rules.md, data/rules.toml) as typed values: each rule's id,
// severity, plain-language message, source, and its thresholds and lists by name, so that a
// clinician can change a threshold in the data file without rebuilding.

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "regimen/finding.hpp"

namespace dermasim::regimen {

struct Rule {
  std::string id;
  Severity severity = Severity::warning;
  std::string message;
  std::string source;
  bool is_assumption = false;
  std::map<std::string, double, std::less<>> numbers;                 // e.g. "min_days"
  std::map<std::string, std::vector<std::string>, std::less<>> lists;  // e.g. "conditions"

  /// Precondition: the loader checked that the rule has this number.
  [[nodiscard]] double number(std::string_view name) const;
  [[nodiscard]] const std::vector<std::string>& list(std::string_view name) const;
};

/// What each rule id needs in the table; the loader checks every rule against this schema.
struct RuleSchema {
  std::string_view id;
  std::vector<std::string_view> numbers;
  std::vector<std::string_view> lists;
};

/// Every rule the checker knows, with the numbers and lists it reads.
[[nodiscard]] const std::vector<RuleSchema>& rule_schemas();

class RuleTable {
 public:
  RuleTable() = default;
  explicit RuleTable(std::vector<Rule> rules);

  /// Precondition: the id is one of rule_schemas() (the loader guarantees all are present).
  [[nodiscard]] const Rule& rule(std::string_view id) const;
  [[nodiscard]] const std::vector<Rule>& rules() const { return rules_; }

 private:
  std::vector<Rule> rules_;
};

/// A finding of `rule` with its severity and source; `details` (the specifics: dates, days,
/// amounts) comes first, then the table's general message.
[[nodiscard]] Finding make_finding(const Rule& rule, Date date, std::string subject,
                                   const std::string& details);

}  // namespace dermasim::regimen
