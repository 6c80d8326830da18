#include "io/profile_reader.hpp"

#include <algorithm>
#include <fstream>
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

Goals read_goals(const TomlTable& table) {
  table.allow_only({"start", "horizon_days", "max_sessions", "max_erythema", "max_downtime_days", "setting", "weights",
                    "retinoid", "max_strength_percent", "accept_warnings"});
  Goals goals;
  goals.start = table.optional_date("start");
  goals.horizon_days =
      table.integer("horizon_days", {28, 730, "give the planning horizon in days, e.g. horizon_days = 180"});
  if (goals.start && *goals.start + Days{goals.horizon_days - 1} > latest_date)  // the plan's dates must stay in range
    table.fail("start",
               fmt::format("start = {} with horizon_days = {} plans until {}, past the last date dermasim "
                           "handles ({}); give a start on or before {}",
                           iso(*goals.start), goals.horizon_days, iso(*goals.start + Days{goals.horizon_days - 1}),
                           iso(latest_date), iso(latest_date - Days{goals.horizon_days - 1})));
  goals.max_sessions =
      table.optional_integer("max_sessions", {0, 24, "give a whole number of sessions, e.g. max_sessions = 6"});
  goals.max_erythema = table.optional_number(
      "max_erythema", {0.0, 4.0, "give the highest acceptable redness on the 0-4 scale, e.g. max_erythema = 2.0"});
  goals.max_downtime_days =
      table.optional_integer("max_downtime_days", {0, 30, "give whole days, e.g. max_downtime_days = 3"});
  goals.setting = table.optional_choice("setting", setting_names).value_or(Setting::clinic);
  if (auto weights = table.optional_table("weights")) {
    weights->allow_only(concern_names.names());
    for (const auto& [concern, name] : concern_names.entries())
      if (auto weight =
              weights->optional_number(name, {0.0, 100.0, "give a non-negative weight, e.g. acne_scars = 2.0"}))
        goals.weights[concern] = *weight;
  }
  goals.retinoid = table.choice("retinoid", retinoid_choice_names);
  goals.max_strength_percent = table.optional_number(
      "max_strength_percent", {0.001, 2.0, "give the highest strength in percent, e.g. max_strength_percent = 0.05"});
  if (table.has("accept_warnings")) {
    std::vector<std::string> warning_ids;
    for (const auto& schema : rule_schemas()) warning_ids.emplace_back(schema.id);
    for (const auto& item : table.string_list("accept_warnings")) {
      if (std::ranges::find(warning_ids, item.value) == warning_ids.end()) {
        const auto suggestion = nearest_name(item.value, warning_ids);
        table.fail_at(item.position, fmt::format("accept_warnings names \"{}\", which is no rule id; {}", item.value,
                                                 suggestion ? fmt::format("did you mean \"{}\"?", *suggestion)
                                                            : "see docs/rules.md for the ids"));
      }
      goals.accept_warnings.push_back(item.value);
    }
  }
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
