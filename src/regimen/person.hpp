#pragma once
// The person a regimen is for (docs/file-formats.md, [person]): skin type, site, concerns and the
// conditions that the contraindication rules of docs/rules.md read.

#include <optional>
#include <set>
#include <vector>

#include "core/date.hpp"
#include "core/enum_names.hpp"

namespace dermasim::regimen {

enum class Site { forehead, cheek, nose, chin, periorbital, perioral, neck };
inline constexpr EnumNames<Site, 7> site_names{{{{Site::forehead, "forehead"},
                                                 {Site::cheek, "cheek"},
                                                 {Site::nose, "nose"},
                                                 {Site::chin, "chin"},
                                                 {Site::periorbital, "periorbital"},
                                                 {Site::perioral, "perioral"},
                                                 {Site::neck, "neck"}}}};

enum class Concern { acne_scars, fine_lines, hyperpigmentation, texture, enlarged_pores, acne };
inline constexpr EnumNames<Concern, 6> concern_names{{{{Concern::acne_scars, "acne_scars"},
                                                       {Concern::fine_lines, "fine_lines"},
                                                       {Concern::hyperpigmentation, "hyperpigmentation"},
                                                       {Concern::texture, "texture"},
                                                       {Concern::enlarged_pores, "enlarged_pores"},
                                                       {Concern::acne, "acne"}}}};

enum class Sensitivity { low, normal, high };
inline constexpr EnumNames<Sensitivity, 3> sensitivity_names{
    {{{Sensitivity::low, "low"}, {Sensitivity::normal, "normal"}, {Sensitivity::high, "high"}}}};

enum class Condition {
  keloid_history,
  herpes_history,
  herpes_flare,
  active_infection,
  open_wound,
  sunburn,
  eczema_flare,
  rosacea_flare,
  active_inflamed_acne,
  anticoagulants,
  bleeding_disorder
};
inline constexpr EnumNames<Condition, 11> condition_names{{{{Condition::keloid_history, "keloid_history"},
                                                            {Condition::herpes_history, "herpes_history"},
                                                            {Condition::herpes_flare, "herpes_flare"},
                                                            {Condition::active_infection, "active_infection"},
                                                            {Condition::open_wound, "open_wound"},
                                                            {Condition::sunburn, "sunburn"},
                                                            {Condition::eczema_flare, "eczema_flare"},
                                                            {Condition::rosacea_flare, "rosacea_flare"},
                                                            {Condition::active_inflamed_acne, "active_inflamed_acne"},
                                                            {Condition::anticoagulants, "anticoagulants"},
                                                            {Condition::bleeding_disorder, "bleeding_disorder"}}}};

/// Default age when a scenario gives none; an assumption that reports name.
inline constexpr int default_age_years = 40;

struct Person {
  int fitzpatrick = 3;  // 1..6
  int age_years = default_age_years;
  bool age_is_default = true;
  Site site = Site::cheek;
  std::vector<Concern> concerns;
  Sensitivity sensitivity = Sensitivity::normal;
  bool pregnant = false;
  bool breastfeeding = false;
  std::optional<Date> isotretinoin_last_dose;
  std::set<Condition> conditions;  // present on every day of the scenario

  [[nodiscard]] bool has(Condition condition) const { return conditions.contains(condition); }
};

}  // namespace dermasim::regimen
