#include "report/catalogue_notice.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "report/svg_chart.hpp"

namespace dermasim::report {

namespace {

/// The rules switched off or weakened in the table, with the reason the table gives.
struct RuleChange {
  std::string rule;
  std::string reason;
};

std::vector<RuleChange> switched_off(const regimen::RuleTable& rules) {
  std::vector<RuleChange> changes;
  for (const regimen::RuleText* rule : rules.all())
    if (!rule->enabled) changes.push_back({rule->id, rule->disabled_reason});
  return changes;
}

std::vector<RuleChange> weakened(const regimen::RuleTable& rules) {
  std::vector<RuleChange> changes;
  for (const regimen::RuleText* rule : rules.all())
    if (rule->enabled && !rule->weakened_reason.empty()) changes.push_back({rule->id, rule->weakened_reason});
  return changes;
}

nlohmann::json changes_json(const std::vector<RuleChange>& changes) {
  nlohmann::json list = nlohmann::json::array();
  for (const auto& change : changes) list.push_back({{"rule", change.rule}, {"reason", change.reason}});
  return list;
}

std::string changes_text(const std::vector<RuleChange>& changes) {
  std::vector<std::string> parts;
  for (const auto& change : changes) parts.push_back(fmt::format("{} ({})", change.rule, change.reason));
  return fmt::format("{}", fmt::join(parts, "; "));
}

constexpr const char* rules_banner =
    "PROTOCOL RULES CHANGED: rules.toml differs from dermasim's built-in protocol; the findings and plans follow "
    "the edited rules.";

}  // namespace

nlohmann::json catalogue_json(const regimen::Catalogue& catalogue) {
  const auto& origin = catalogue.origin;
  return {{"data_directory", origin.data_directory ? nlohmann::json(*origin.data_directory) : nlohmann::json()},
          {"edited", origin.edited_files},
          {"rules_edited", origin.rules_edited},
          {"rules_switched_off", changes_json(switched_off(catalogue.rules))},
          {"rules_weakened", changes_json(weakened(catalogue.rules))}};
}

std::string catalogue_notice_text(const regimen::Catalogue& catalogue) {
  const auto& origin = catalogue.origin;
  if (origin.edited_files.empty()) return {};
  std::string text;
  if (origin.rules_edited) text += std::string(rules_banner) + "\n";
  if (const auto off = switched_off(catalogue.rules); !off.empty())
    text += fmt::format("  Switched off: {}\n", changes_text(off));
  if (const auto weaker = weakened(catalogue.rules); !weaker.empty())
    text += fmt::format("  Weakened: {}\n", changes_text(weaker));
  text += fmt::format("Edited catalogues (not the built-in ones): {}\n\n", fmt::join(origin.edited_files, ", "));
  return text;
}

std::string with_catalogue_notice_html(std::string page, const regimen::Catalogue& catalogue) {
  const auto& origin = catalogue.origin;
  if (origin.edited_files.empty()) return page;
  // Inline styles: the notice reads the same on every page, whatever the page's own CSS.
  std::string notice;
  if (origin.rules_edited) {
    notice += fmt::format(
        "<p style=\"background:#fde8e8;border-left:4px solid #c0392b;padding:.6em 1em;font-weight:bold\">{}",
        html_escape(rules_banner));
    if (const auto off = switched_off(catalogue.rules); !off.empty())
      notice += fmt::format("<br>Switched off: {}", html_escape(changes_text(off)));
    if (const auto weaker = weakened(catalogue.rules); !weaker.empty())
      notice += fmt::format("<br>Weakened: {}", html_escape(changes_text(weaker)));
    notice += "</p>\n";
  }
  std::vector<std::string> files;
  for (const auto& file : origin.edited_files) files.push_back(html_escape(file));
  notice += fmt::format(
      "<p style=\"background:#fff4e5;border-left:4px solid #e69500;padding:.6em 1em\">Edited catalogues (not the "
      "built-in ones): {}</p>\n",
      fmt::join(files, ", "));
  const std::string heading_end = "</h1>\n";
  const auto at = page.find(heading_end);
  page.insert(at == std::string::npos ? 0 : at + heading_end.size(), notice);
  return page;
}

}  // namespace dermasim::report
