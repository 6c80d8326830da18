// Rules about how products are used around sessions and over time (docs/rules.md):
// into-channels, strength-ramp and sunscreen.

#include <algorithm>
#include <map>
#include <set>

#include <fmt/format.h>

#include "regimen/rule_checks.hpp"

namespace dermasim::regimen::detail {

namespace {

void check_into_channels(const CheckContext& context, std::vector<Finding>& findings) {
  const IntoChannelsRule& rule = context.rules.into_channels;
  for (const Session& session : context.regimen.sessions) {
    for (const Application& application : context.applications) {
      if (application.date != session.date) continue;
      const Product& product = context.product_of(application);
      if (application.moment == Moment::session && rule.forbids_after_session(product.active)) {
        findings.push_back(
            make_finding(rule, session.date, product.id,
                         fmt::format("{} is applied right after the {} mm session on {}, into open channels.",
                                     describe(product), mm(session.needle_mm), iso(session.date))));
      } else if (application.moment != Moment::session && rule.forbids_on_session_day(product.active)) {
        findings.push_back(
            make_finding(rule, session.date, product.id,
                         fmt::format("{} is applied on {} (the {}), the day of a {} mm session.", describe(product),
                                     iso(session.date), application.moment == Moment::morning ? "morning" : "evening",
                                     mm(session.needle_mm))));
      }
    }
  }
}

void check_strength_ramp(const CheckContext& context, std::vector<Finding>& findings) {
  const DaysRule& rule = context.rules.strength_ramp;
  const int min_days = rule.days;
  for (const Active active : {Active::tretinoin, Active::retinol}) {
    std::vector<const Product*> course;
    for (const Product& product : context.regimen.products)
      if (product.active == active && product.schedule != Schedule::after_session) course.push_back(&product);
    std::ranges::sort(course, {}, &Product::from);
    for (std::size_t step = 1; step < course.size(); ++step) {
      const Product& before = *course[step - 1];
      const Product& next = *course[step];
      const double strength_before = before.strength_percent.value_or(0.0);
      const double strength_next = next.strength_percent.value_or(0.0);
      const bool stronger = strength_next > strength_before * (1.0 + 1e-9);
      const bool more_often = applications_per_week(next.schedule) > applications_per_week(before.schedule) + 1e-9;
      const int days_at_step = days_between(before.from, next.from);
      if (!(stronger || more_often) || days_at_step >= min_days) continue;
      findings.push_back(make_finding(
          rule, next.from, next.id,
          fmt::format("{} ({}) steps up from {} ({}) after only {} at the step before; stay at "
                      "least {} on each step.",
                      describe(next), schedule_names.name(next.schedule), describe(before),
                      schedule_names.name(before.schedule), day_count(days_at_step), day_count(min_days))));
    }
  }
}

/// Days needing sunscreen: a retinoid in use (from its `from` to its last application) or
/// the days after a session, clipped to the scenario.
std::set<Date> days_needing_sunscreen(const CheckContext& context, int days_after_session) {
  std::set<Date> days;
  const Regimen& regimen = context.regimen;
  // A retinoid course (its phases together) is in use from its first `from` to its last
  // application, pauses and off nights included (docs/file-formats.md).
  std::map<Active, std::pair<Date, Date>> course_span;
  for (const Application& application : context.applications) {
    const Product& product = context.product_of(application);
    if (!is_retinoid(product.active)) continue;
    auto [entry, inserted] = course_span.try_emplace(product.active, product.from, application.date);
    entry->second.first = std::min(entry->second.first, product.from);
    entry->second.second = std::max(entry->second.second, application.date);
  }
  for (const auto& [active, span] : course_span)
    for (Date day = span.first; day <= span.second; day += Days{1}) days.insert(day);
  for (const Session& session : regimen.sessions)
    for (int offset = 1; offset <= days_after_session; ++offset) days.insert(session.date + Days{offset});
  std::erase_if(days, [&](Date day) { return day < regimen.start || day > regimen.last_day(); });
  return days;
}

void check_sunscreen(const CheckContext& context, std::vector<Finding>& findings) {
  const DaysRule& rule = context.rules.sunscreen;
  std::set<Date> protected_days;
  for (const Application& application : context.applications)
    if (context.product_of(application).active == Active::sunscreen) protected_days.insert(application.date);
  std::vector<Date> unprotected;
  for (const Date day : days_needing_sunscreen(context, rule.days))
    if (!protected_days.contains(day)) unprotected.push_back(day);

  // Consecutive unprotected days merge into one finding (docs/file-formats.md).
  for (std::size_t first = 0; first < unprotected.size();) {
    std::size_t last = first;
    while (last + 1 < unprotected.size() && unprotected[last + 1] == unprotected[last] + Days{1}) ++last;
    const int run = days_between(unprotected[first], unprotected[last]) + 1;
    Finding finding = make_finding(rule, unprotected[first], "person",
                                   run == 1 ? fmt::format("No sunscreen on {}.", iso(unprotected[first]))
                                            : fmt::format("No sunscreen on {} from {} to {}.", day_count(run),
                                                          iso(unprotected[first]), iso(unprotected[last])));
    if (run > 1) finding.until = unprotected[last];
    findings.push_back(std::move(finding));
    first = last + 1;
  }
}

}  // namespace

void check_product_use(const CheckContext& context, std::vector<Finding>& findings) {
  check_into_channels(context, findings);
  check_strength_ramp(context, findings);
  check_sunscreen(context, findings);
}

}  // namespace dermasim::regimen::detail
