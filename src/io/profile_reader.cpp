#include "io/profile_reader.hpp"

#include <algorithm>
#include <fstream>
#include <map>
#include <sstream>

#include <fmt/format.h>

#include "io/input_kind.hpp"
#include "io/nearest_name.hpp"
#include "io/person_reader.hpp"
#include "io/toml_table.hpp"
#include "regimen/rule_table.hpp"

namespace dermasim::io {

using namespace regimen;

namespace {

/// The plan's dates must stay in the range dermasim handles.
void check_horizon(const TomlTable& table, Date start, int horizon_days) {
  const Date last = start + Days{horizon_days - 1};
  if (last <= latest_date) return;
  table.fail("start", fmt::format("start = {} with horizon_days = {} plans until {}, past the last date dermasim "
                                  "handles ({}); give a start on or before {}",
                                  iso(start), horizon_days, iso(last), iso(latest_date),
                                  iso(latest_date - Days{horizon_days - 1})));
}

std::map<Concern, double> read_weights(const TomlTable& weights) {
  weights.allow_only(concern_names.names());
  std::map<Concern, double> result;
  for (const auto& [concern, name] : concern_names.entries()) {
    const auto weight =
        weights.optional_number(name, {0.0, 100.0, "give a non-negative weight, e.g. acne_scars = 2.0"});
    if (weight) result[concern] = *weight;
  }
  return result;
}

std::vector<std::string> read_accepted_warnings(const TomlTable& table) {
  std::vector<std::string> rule_ids;
  for (const auto& schema : rule_schemas()) rule_ids.emplace_back(schema.id);
  std::vector<std::string> accepted;
  for (const auto& item : table.string_list("accept_warnings")) {
    if (std::ranges::find(rule_ids, item.value) == rule_ids.end()) {
      const auto suggestion = nearest_name(item.value, rule_ids);
      table.fail_at(item.position, fmt::format("accept_warnings names \"{}\", which is no rule id; {}", item.value,
                                               suggestion ? fmt::format("did you mean \"{}\"?", *suggestion)
                                                          : "see docs/rules.md for the ids"));
    }
    accepted.push_back(item.value);
  }
  return accepted;
}

Goals read_goals(const TomlTable& table) {
  table.allow_only({"start", "horizon_days", "max_sessions", "max_erythema", "max_downtime_days", "setting", "weights",
                    "retinoid", "max_strength_percent", "accept_warnings"});
  Goals goals;
  goals.start = table.optional_date("start");
  goals.horizon_days =
      table.integer("horizon_days", {28, 730, "give the planning horizon in days, e.g. horizon_days = 180"});
  if (const auto start = table.optional_date("start")) check_horizon(table, *start, goals.horizon_days);
  goals.max_sessions =
      table.optional_integer("max_sessions", {0, 24, "give a whole number of sessions, e.g. max_sessions = 6"});
  goals.max_erythema = table.optional_number(
      "max_erythema", {0.0, 4.0, "give the highest acceptable redness on the 0-4 scale, e.g. max_erythema = 2.0"});
  goals.max_downtime_days =
      table.optional_integer("max_downtime_days", {0, 30, "give whole days, e.g. max_downtime_days = 3"});
  goals.setting = table.optional_choice("setting", setting_names).value_or(Setting::clinic);
  if (const auto weights = table.optional_table("weights")) goals.weights = read_weights(*weights);
  goals.retinoid = table.choice("retinoid", retinoid_choice_names);
  goals.max_strength_percent = table.optional_number(
      "max_strength_percent", {0.001, 2.0, "give the highest strength in percent, e.g. max_strength_percent = 0.05"});
  if (table.has("accept_warnings")) goals.accept_warnings = read_accepted_warnings(table);
  return goals;
}

}  // namespace

Profile read_profile(std::string_view text, const std::string& file_name) {
  const toml::table document = parse_toml(text, file_name);
  require_input_kind(document, file_name, InputKind::profile);
  const TomlTable root(document, file_name, "the profile file");
  root.allow_only({"person", "goals"});
  return Profile{read_person(root.table("person")), read_goals(root.table("goals"))};
}

Profile read_profile_file(const std::string& path) {
  return read_profile(read_input_file(path, InputKind::profile), path);
}

}  // namespace dermasim::io
