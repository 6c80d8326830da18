#pragma once
// A planning profile (docs/file-formats.md, "Profile"): the person, what they want improved and how
// much redness and downtime they accept. `dermasim plan` searches regimens for it
// (docs/planner.md).

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/date.hpp"
#include "regimen/person.hpp"

namespace dermasim::regimen {

enum class Setting { clinic, home };
inline constexpr EnumNames<Setting, 2> setting_names{{{{Setting::clinic, "clinic"}, {Setting::home, "home"}}}};

enum class RetinoidChoice { tretinoin, retinol, none };
inline constexpr EnumNames<RetinoidChoice, 3> retinoid_choice_names{
    {{{RetinoidChoice::tretinoin, "tretinoin"}, {RetinoidChoice::retinol, "retinol"}, {RetinoidChoice::none, "none"}}}};

/// Home devices are limited to 0.5 mm needles (docs/file-formats.md, `setting`).
inline constexpr double home_max_needle_mm = 0.5;

struct Goals {
  std::optional<Date> start;  // plan --start overrides; default today
  int horizon_days = 180;
  std::optional<int> max_sessions;
  std::optional<double> max_erythema;    // peak, 0-4
  std::optional<int> max_downtime_days;  // per session, days with erythema >= 2
  Setting setting = Setting::clinic;
  std::map<Concern, double> weights;  // default 1 for each concern
  RetinoidChoice retinoid = RetinoidChoice::tretinoin;
  std::optional<double> max_strength_percent;
  std::vector<std::string> accept_warnings;  // warning rule ids the clinician accepts

  [[nodiscard]] double weight(Concern concern) const {
    const auto found = weights.find(concern);
    return found == weights.end() ? 1.0 : found->second;
  }
  [[nodiscard]] bool accepts(std::string_view rule_id) const {
    for (const auto& id : accept_warnings)
      if (id == rule_id) return true;
    return false;
  }
};

struct Profile {
  Person person;
  Goals goals;
};

}  // namespace dermasim::regimen
