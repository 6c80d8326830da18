#include "regimen/rule_table.hpp"

#include <algorithm>
#include <cmath>

#include "core/error.hpp"

namespace dermasim::regimen {

namespace {

double threshold(const RuleEntry& entry, std::string_view key) {
  const auto found = entry.thresholds.find(key);
  expects(found != entry.thresholds.end(), "make_rule_table: the loader did not check this rule's schema");
  return found->second;
}

int whole(const RuleEntry& entry, std::string_view key) { return static_cast<int>(std::lround(threshold(entry, key))); }

template <class Enum, std::size_t N>
std::vector<Enum> parsed_list(const RuleEntry& entry, std::string_view key, const EnumNames<Enum, N>& names) {
  const auto found = entry.lists.find(key);
  expects(found != entry.lists.end(), "make_rule_table: the loader did not check this rule's lists");
  std::vector<Enum> values;
  for (const auto& name : found->second) {
    const auto value = names.parse(name);
    expects(value.has_value(), "make_rule_table: the loader did not check this list's items");
    values.push_back(*value);
  }
  return values;
}

template <class View>
View view_of(const RuleEntry& entry) {
  View view;
  static_cast<RuleText&>(view) = entry.text;
  return view;
}

WashoutRule washout(const RuleEntry& entry) {
  auto rule = view_of<WashoutRule>(entry);
  rule.min_days = whole(entry, "min_days");
  return rule;
}

DaysRule days_rule(const RuleEntry& entry, std::string_view key) {
  auto rule = view_of<DaysRule>(entry);
  rule.days = whole(entry, key);
  return rule;
}

ConditionRule condition_rule(const RuleEntry& entry) {
  auto rule = view_of<ConditionRule>(entry);
  rule.conditions = parsed_list(entry, "conditions", condition_names);
  return rule;
}

SessionSpacingRule spacing(const RuleEntry& entry) {
  auto rule = view_of<SessionSpacingRule>(entry);
  rule.deep_from_mm = threshold(entry, "deep_from_mm");
  rule.deep_min_days = whole(entry, "deep_min_days");
  rule.medium_from_mm = threshold(entry, "medium_from_mm");
  rule.medium_min_days = whole(entry, "medium_min_days");
  rule.shallow_min_days = whole(entry, "shallow_min_days");
  return rule;
}

/// "max_needle_mm.forehead", … one key per site, named once from the site names.
const std::vector<std::string>& site_depth_keys() {
  static const std::vector<std::string> keys = [] {
    std::vector<std::string> result;
    for (const auto& [site, name] : site_names.entries()) result.push_back("max_needle_mm." + std::string(name));
    return result;
  }();
  return keys;
}

SiteDepthRule site_depth(const RuleEntry& entry) {
  auto rule = view_of<SiteDepthRule>(entry);
  for (std::size_t index = 0; index < site_names.entries().size(); ++index)
    rule.max_needle_mm[site_names.entries()[index].first] = threshold(entry, site_depth_keys()[index]);
  return rule;
}

using Assign = void (*)(RuleTable&, const RuleEntry&);

/// A rule id, the keys it reads, and where its view goes in the table.
struct RuleBinding {
  RuleSchema schema;
  Assign assign;
};

std::vector<ThresholdField> site_depth_fields() {
  std::vector<ThresholdField> fields;
  for (const auto& key : site_depth_keys()) fields.push_back({key, ThresholdKind::millimetres});
  return fields;
}

// The one place that names each rule id. The safety rules are the ones whose built-in severity
// is error: the washouts, the resume wait, nothing into fresh channels, the pregnancy and
// breastfeeding retinoid rules and the session contraindications (docs/rules.md).
const std::vector<RuleBinding>& rule_bindings() {
  using enum ThresholdKind;
  constexpr bool safety = true;
  static const std::vector<RuleBinding> bindings = {
      {{"tretinoin-washout", {{"min_days", days}}, {}, safety},
       [](RuleTable& t, const RuleEntry& e) { t.tretinoin_washout = washout(e); }},
      {{"tretinoin-washout-short", {{"recommended_days", days}}, {}},
       [](RuleTable& t, const RuleEntry& e) {
         t.tretinoin_washout_short = view_of<RecommendedWashoutRule>(e);
         t.tretinoin_washout_short.recommended_days = whole(e, "recommended_days");
       }},
      {{"retinol-washout", {{"min_days", days}}, {}, safety},
       [](RuleTable& t, const RuleEntry& e) { t.retinol_washout = washout(e); }},
      {{"retinoid-resume", {{"min_days", days}}, {}, safety},
       [](RuleTable& t, const RuleEntry& e) {
         t.retinoid_resume = view_of<ResumeRule>(e);
         t.retinoid_resume.min_days = whole(e, "min_days");
       }},
      {{"retinoid-resume-deep", {{"min_days", days}, {"min_needle_mm", millimetres}}, {}},
       [](RuleTable& t, const RuleEntry& e) {
         t.retinoid_resume_deep = view_of<ResumeRule>(e);
         t.retinoid_resume_deep.min_days = whole(e, "min_days");
         t.retinoid_resume_deep.min_needle_mm = threshold(e, "min_needle_mm");
       }},
      {{"into-channels", {}, {"after_actives", "same_day_actives"}, safety},
       [](RuleTable& t, const RuleEntry& e) {
         t.into_channels = view_of<IntoChannelsRule>(e);
         t.into_channels.after_actives = parsed_list(e, "after_actives", active_names);
         t.into_channels.same_day_actives = parsed_list(e, "same_day_actives", active_names);
       }},
      {{"session-spacing",
        {{"deep_from_mm", millimetres},
         {"deep_min_days", days},
         {"medium_from_mm", millimetres},
         {"medium_min_days", days},
         {"shallow_min_days", days}},
        {}},
       [](RuleTable& t, const RuleEntry& e) { t.session_spacing = spacing(e); }},
      {{"same-day-sessions", {{"max_per_day", sessions}}, {}, safety},
       [](RuleTable& t, const RuleEntry& e) {
         t.same_day_sessions = view_of<SameDaySessionsRule>(e);
         t.same_day_sessions.max_per_day = whole(e, "max_per_day");
       }},
      {{"site-depth", site_depth_fields(), {}}, [](RuleTable& t, const RuleEntry& e) { t.site_depth = site_depth(e); }},
      {{"strength-ramp", {{"min_days", days}}, {}},
       [](RuleTable& t, const RuleEntry& e) { t.strength_ramp = days_rule(e, "min_days"); }},
      {{"sunscreen", {{"days_after_session", days}}, {}},
       [](RuleTable& t, const RuleEntry& e) { t.sunscreen = days_rule(e, "days_after_session"); }},
      {{"pregnancy-retinoid", {}, {}, safety}, [](RuleTable& t, const RuleEntry& e) { t.pregnancy_retinoid = e.text; }},
      {{"pregnancy-session", {}, {}}, [](RuleTable& t, const RuleEntry& e) { t.pregnancy_session = e.text; }},
      {{"breastfeeding-tretinoin", {}, {}, safety},
       [](RuleTable& t, const RuleEntry& e) { t.breastfeeding_tretinoin = e.text; }},
      {{"breastfeeding-retinol", {}, {}}, [](RuleTable& t, const RuleEntry& e) { t.breastfeeding_retinol = e.text; }},
      {{"session-contraindication", {}, {"conditions"}, safety},
       [](RuleTable& t, const RuleEntry& e) { t.session_contraindication = condition_rule(e); }},
      {{"isotretinoin-6-months", {{"min_days", days}}, {}},
       [](RuleTable& t, const RuleEntry& e) { t.isotretinoin_6_months = days_rule(e, "min_days"); }},
      {{"keloid-history", {}, {"conditions"}},
       [](RuleTable& t, const RuleEntry& e) { t.keloid_history = condition_rule(e); }},
      {{"herpes-history", {}, {"conditions"}},
       [](RuleTable& t, const RuleEntry& e) { t.herpes_history = condition_rule(e); }},
      {{"bleeding-risk", {}, {"conditions"}},
       [](RuleTable& t, const RuleEntry& e) { t.bleeding_risk = condition_rule(e); }},
      {{"pih-deep-needles",
        {{"min_fitzpatrick", fitzpatrick}, {"min_needle_mm", millimetres}, {"max_planned_pih_risk", fraction}},
        {}},
       [](RuleTable& t, const RuleEntry& e) {
         t.pih_deep_needles = view_of<PihDeepNeedlesRule>(e);
         t.pih_deep_needles.min_fitzpatrick = whole(e, "min_fitzpatrick");
         t.pih_deep_needles.min_needle_mm = threshold(e, "min_needle_mm");
         t.pih_deep_needles.max_planned_pih_risk = threshold(e, "max_planned_pih_risk");
       }},
  };
  return bindings;
}

/// True when `edited` is less strict than `built_in` for a threshold of this kind.
bool is_weaker(ThresholdKind kind, double edited, double built_in) {
  return kind == ThresholdKind::days ? edited < built_in : edited > built_in;
}

/// True when `edited` lacks an item of `built_in`.
bool drops_item(const std::vector<std::string>& edited, const std::vector<std::string>& built_in) {
  return std::ranges::any_of(built_in,
                             [&](const std::string& item) { return std::ranges::find(edited, item) == edited.end(); });
}

bool contains(const std::vector<Active>& actives, Active active) {
  return std::ranges::find(actives, active) != actives.end();
}

}  // namespace

const std::vector<RuleSchema>& rule_schemas() {
  static const std::vector<RuleSchema> schemas = [] {
    std::vector<RuleSchema> result;
    for (const auto& binding : rule_bindings()) result.push_back(binding.schema);
    return result;
  }();
  return schemas;
}

const std::vector<RuleOrdering>& rule_orderings() {
  static const std::vector<RuleOrdering> orderings = {
      {"session-spacing", "medium_from_mm", "session-spacing", "deep_from_mm", true,
       "the depth bands run shallow .. medium_from_mm .. deep_from_mm .. and up"},
      {"session-spacing", "shallow_min_days", "session-spacing", "medium_min_days", false,
       "deeper sessions need at least as many days between them as shallower ones"},
      {"session-spacing", "medium_min_days", "session-spacing", "deep_min_days", false,
       "deeper sessions need at least as many days between them as shallower ones"},
      {"retinoid-resume", "min_days", "retinoid-resume-deep", "min_days", false,
       "the wait after deep needles extends the ordinary wait and cannot be shorter"},
      {"tretinoin-washout", "min_days", "tretinoin-washout-short", "recommended_days", false,
       "the recommended washout cannot be shorter than the minimum"},
  };
  return orderings;
}

std::vector<std::string> weakened_keys(const RuleSchema& schema, const RuleEntry& edited, const RuleEntry& built_in) {
  std::vector<std::string> keys;
  if (edited.text.severity == Severity::warning && built_in.text.severity == Severity::error)
    keys.emplace_back("severity");
  for (const auto& field : schema.thresholds)
    if (is_weaker(field.kind, threshold(edited, field.key), threshold(built_in, field.key)))
      keys.emplace_back(field.key);
  for (const auto list : schema.lists) {
    const auto edited_list = edited.lists.find(list);
    const auto built_in_list = built_in.lists.find(list);
    expects(edited_list != edited.lists.end() && built_in_list != built_in.lists.end(),
            "weakened_keys: the loader did not check this rule's lists");
    if (drops_item(edited_list->second, built_in_list->second)) keys.emplace_back(list);
  }
  return keys;
}

RuleTable make_rule_table(const std::vector<RuleEntry>& entries) {
  RuleTable table;
  for (const auto& binding : rule_bindings()) {
    const auto entry = std::ranges::find(entries, binding.schema.id, [](const RuleEntry& e) { return e.text.id; });
    expects(entry != entries.end(), "make_rule_table: the loader did not check that every rule is present");
    binding.assign(table, *entry);
  }
  return table;
}

bool IntoChannelsRule::forbids_after_session(Active active) const { return contains(after_actives, active); }

bool IntoChannelsRule::forbids_on_session_day(Active active) const { return contains(same_day_actives, active); }

int SessionSpacingRule::min_days_for(double deeper_needle_mm) const {
  if (deeper_needle_mm >= deep_from_mm) return deep_min_days;
  if (deeper_needle_mm >= medium_from_mm) return medium_min_days;
  return shallow_min_days;
}

std::vector<const RuleText*> RuleTable::all() const {
  return {&tretinoin_washout,
          &tretinoin_washout_short,
          &retinol_washout,
          &retinoid_resume,
          &retinoid_resume_deep,
          &into_channels,
          &session_spacing,
          &same_day_sessions,
          &site_depth,
          &strength_ramp,
          &sunscreen,
          &pregnancy_retinoid,
          &pregnancy_session,
          &breastfeeding_tretinoin,
          &breastfeeding_retinol,
          &session_contraindication,
          &isotretinoin_6_months,
          &keloid_history,
          &herpes_history,
          &bleeding_risk,
          &pih_deep_needles};
}

const RuleText& RuleTable::text(std::string_view id) const {
  for (const RuleText* rule : all())
    if (rule->id == id) return *rule;
  expects(false, "RuleTable::text: a rule id that is not in the table");
  return tretinoin_washout;
}

const WashoutRule& RuleTable::washout_rule(Active active) const {
  expects(is_retinoid(active), "RuleTable::washout_rule: not a retinoid");
  return active == Active::tretinoin ? tretinoin_washout : retinol_washout;
}

int RuleTable::recommended_washout_days(Active active) const {
  const int minimum = washout_rule(active).min_days;
  return active == Active::tretinoin ? std::max(minimum, tretinoin_washout_short.recommended_days) : minimum;
}

int RuleTable::min_resume_days(double needle_mm) const {
  const bool deep = needle_mm >= retinoid_resume_deep.min_needle_mm;
  return deep ? std::max(retinoid_resume.min_days, retinoid_resume_deep.min_days) : retinoid_resume.min_days;
}

bool RuleTable::is_person_level_warning(std::string_view id) const {
  for (const ConditionRule* rule : {&keloid_history, &herpes_history, &bleeding_risk})
    if (rule->id == id && rule->severity == Severity::warning) return true;
  return false;
}

Finding make_finding(const RuleText& rule, Date date, std::string subject, const std::string& details) {
  return Finding{rule.id,    rule.severity, date, std::nullopt, std::move(subject), details + " " + rule.message,
                 rule.source};
}

}  // namespace dermasim::regimen
