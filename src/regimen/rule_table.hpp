#pragma once
// The protocol rules table (data/rules.toml, docs/rules.md) as typed views. Each rule's
// thresholds are read once, when the table loads, into the view of its kind (a washout rule
// has `min_days`, the spacing rule its depth bands, …). The checker and the planner read these
// views and nothing else, so an edited table reaches every check and every plan.

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "regimen/finding.hpp"
#include "regimen/person.hpp"
#include "regimen/product.hpp"

namespace dermasim::regimen {

/// What every rule has: its id, severity, the general message and where it comes from.
struct RuleText {
  std::string id;
  Severity severity = Severity::warning;
  std::string message;
  std::string source;
  bool is_assumption = false;
  /// false only when the table says `enabled = false` with a `disabled_reason`: the checker
  /// then raises none of the rule's findings (docs/rules.md, "Switching a rule off").
  bool enabled = true;
  std::string disabled_reason;
  /// Given when a safety rule is deliberately weaker than the built-in one.
  std::string weakened_reason;
};

/// Stop the retinoid at least `min_days` before a session (tretinoin-washout, retinol-washout).
struct WashoutRule : RuleText {
  int min_days = 0;
};

/// The usual washout, longer than the minimum (tretinoin-washout-short).
struct RecommendedWashoutRule : RuleText {
  int recommended_days = 0;
};

/// Wait `min_days` after a session before resuming (retinoid-resume), or longer after deep
/// needles (retinoid-resume-deep: from `min_needle_mm` on).
struct ResumeRule : RuleText {
  int min_days = 0;
  double min_needle_mm = 0.0;  // 0 for the rule that holds at every depth
};

/// Actives that must not go into fresh channels, or on a session's day at all.
struct IntoChannelsRule : RuleText {
  std::vector<Active> after_actives;
  std::vector<Active> same_day_actives;

  [[nodiscard]] bool forbids_after_session(Active active) const;
  [[nodiscard]] bool forbids_on_session_day(Active active) const;
};

/// Days between sessions by the deeper needle of the two (half-open depth bands).
struct SessionSpacingRule : RuleText {
  double deep_from_mm = 0.0;
  int deep_min_days = 0;
  double medium_from_mm = 0.0;
  int medium_min_days = 0;
  int shallow_min_days = 0;

  [[nodiscard]] int min_days_for(double deeper_needle_mm) const;
};

/// At most `max_per_day` sessions on one date (same-day-sessions): a session's channels and
/// swelling are still open hours later, so a second session the same day needles injured skin.
struct SameDaySessionsRule : RuleText {
  int max_per_day = 0;

  /// Days between consecutive sessions that never trip this rule, whatever `max_per_day` is:
  /// what a planner that spaces sessions evenly keeps at least.
  [[nodiscard]] static constexpr int min_spacing_days() { return 1; }
};

/// The longest needle each site tolerates.
struct SiteDepthRule : RuleText {
  std::map<Site, double> max_needle_mm;

  [[nodiscard]] double limit_mm(Site site) const { return max_needle_mm.at(site); }
};

/// A rule with one whole number of days: strength-ramp (days at each step), sunscreen (days
/// after a session that need it), isotretinoin-6-months (days since the last dose).
struct DaysRule : RuleText {
  int days = 0;
};

/// A rule that fires when the person has one of `conditions`.
struct ConditionRule : RuleText {
  std::vector<Condition> conditions;
};

/// Deep needles in darker skin.
struct PihDeepNeedlesRule : RuleText {
  int min_fitzpatrick = 0;
  double min_needle_mm = 0.0;
  double max_planned_pih_risk = 0.0;  // the planner refuses plans predicted to exceed it (0-1)
};

/// Every rule the checker knows. Built only by the loader (io), which checks each value.
struct RuleTable {
  WashoutRule tretinoin_washout;
  RecommendedWashoutRule tretinoin_washout_short;
  WashoutRule retinol_washout;
  ResumeRule retinoid_resume;
  ResumeRule retinoid_resume_deep;
  IntoChannelsRule into_channels;
  SessionSpacingRule session_spacing;
  SameDaySessionsRule same_day_sessions;
  SiteDepthRule site_depth;
  DaysRule strength_ramp;
  DaysRule sunscreen;
  RuleText pregnancy_retinoid;
  RuleText pregnancy_session;
  RuleText breastfeeding_tretinoin;
  RuleText breastfeeding_retinol;
  ConditionRule session_contraindication;
  DaysRule isotretinoin_6_months;
  ConditionRule keloid_history;
  ConditionRule herpes_history;
  ConditionRule bleeding_risk;
  PihDeepNeedlesRule pih_deep_needles;

  /// Every rule, in the order above.
  [[nodiscard]] std::vector<const RuleText*> all() const;
  /// The rule with this id. @pre the id is one of all() (findings carry only such ids).
  [[nodiscard]] const RuleText& text(std::string_view id) const;

  /// The error rule for a retinoid's washout. @pre is_retinoid(active).
  [[nodiscard]] const WashoutRule& washout_rule(Active active) const;
  /// The washout that raises no finding at all: the recommended days for tretinoin (never
  /// less than its minimum), the minimum for retinol. @pre is_retinoid(active).
  [[nodiscard]] int recommended_washout_days(Active active) const;
  /// The fewest days after a session with `needle_mm` needles before a retinoid may resume
  /// without any finding (the deep-needle rule included).
  [[nodiscard]] int min_resume_days(double needle_mm) const;
  /// Warnings that fire for every possible session of a person with the condition
  /// (keloid-history, herpes-history, bleeding-risk): a plan keeps them as precautions.
  [[nodiscard]] bool is_person_level_warning(std::string_view id) const;
};

/// What the loader needs to know about each rule's own keys. The kind also says which way is
/// stricter: every day count is a minimum wait or duration (more days is stricter), every needle
/// length, skin type, session count and fraction is where a rule starts to apply or a maximum
/// (less is stricter).
enum class ThresholdKind { days, millimetres, fitzpatrick, sessions, fraction };
struct ThresholdField {
  std::string_view key;  // "min_days", or "max_needle_mm.cheek" for a key of an inline table
  ThresholdKind kind;
};
struct RuleSchema {
  std::string_view id;
  std::vector<ThresholdField> thresholds;
  std::vector<std::string_view> lists;  // names of active or condition lists
  /// A safety rule may not be weaker than the built-in one (lower severity, a threshold less
  /// strict, a list item removed) unless the table gives `weakened_reason`.
  bool safety = false;
};

/// Every rule id with the keys it reads: the one table that names them.
[[nodiscard]] const std::vector<RuleSchema>& rule_schemas();

/// Two thresholds, possibly of different rules, that must keep their order, e.g. the deep
/// resume wait no shorter than the ordinary one.
struct RuleOrdering {
  std::string_view lower_rule;
  std::string_view lower_key;
  std::string_view upper_rule;
  std::string_view upper_key;
  bool strict;           // lower < upper; otherwise lower <= upper
  std::string_view why;  // what the order means, for the error message
};
[[nodiscard]] const std::vector<RuleOrdering>& rule_orderings();

/// One rule as the loader read it, before it becomes a typed view.
struct RuleEntry {
  RuleText text;
  std::map<std::string, double, std::less<>> thresholds;
  std::map<std::string, std::vector<std::string>, std::less<>> lists;
};

/// The keys of `edited` that are weaker than in `built_in` ("severity", a threshold key or a list
/// name), in schema order. @pre both entries were read against `schema`.
[[nodiscard]] std::vector<std::string> weakened_keys(const RuleSchema& schema, const RuleEntry& edited,
                                                     const RuleEntry& built_in);

/// The typed table from one checked entry per schema. @pre the loader checked every entry
/// against its schema (every threshold present, in range and of its kind; list items valid).
[[nodiscard]] RuleTable make_rule_table(const std::vector<RuleEntry>& entries);

/// A finding of `rule` with its severity and source; `details` (the specifics: dates, days,
/// amounts) comes first, then the table's general message.
[[nodiscard]] Finding make_finding(const RuleText& rule, Date date, std::string subject, const std::string& details);

}  // namespace dermasim::regimen
