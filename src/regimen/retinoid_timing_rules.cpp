// Washout before and resumption after a session (docs/rules.md; days counted as
// docs/file-formats.md says: on the session's date a morning application is 0 days before it, an
// evening one 0 days after).

#include <algorithm>
#include <optional>

#include <fmt/format.h>

#include "regimen/rule_checks.hpp"

namespace dermasim::regimen::detail {

namespace {

bool is_before_session(const Application& application, Date session_date) {
  return application.date < session_date || (application.date == session_date && application.moment < Moment::session);
}

bool is_after_session(const Application& application, Date session_date) {
  return application.date > session_date || (application.date == session_date && application.moment > Moment::session);
}

std::optional<Application> last_before(const CheckContext& context, Active active, Date session_date) {
  std::optional<Application> last;
  for (const Application& application : context.applications)
    if (context.product_of(application).active == active && is_before_session(application, session_date))
      last = application;
  return last;
}

std::optional<Application> first_after(const CheckContext& context, Active active, Date session_date) {
  for (const Application& application : context.applications)
    if (context.product_of(application).active == active && is_after_session(application, session_date))
      return application;
  return std::nullopt;
}

void check_washout(const CheckContext& context, const Session& session, Active active, std::vector<Finding>& findings) {
  const auto last = last_before(context, active, session.date);
  if (!last) return;
  const Product& product = context.product_of(*last);
  const int days_before = days_between(last->date, session.date);
  const WashoutRule& washout = context.rules.washout_rule(active);
  const int min_days = washout.min_days;
  auto details = [&](int required) {
    return fmt::format(
        "{} is last applied on {}, {} before the {} mm session on {}; stop it at "
        "least {} before.",
        describe(product), iso(last->date), day_count(days_before), mm(session.needle_mm), iso(session.date),
        day_count(required));
  };
  if (days_before < min_days) {
    findings.push_back(make_finding(washout, last->date, product.id, details(min_days)));
    return;
  }
  if (active != Active::tretinoin) return;
  const RecommendedWashoutRule& short_washout = context.rules.tretinoin_washout_short;
  const int recommended = short_washout.recommended_days;
  if (days_before < recommended)
    findings.push_back(make_finding(short_washout, last->date, product.id, details(recommended)));
}

void check_resume(const CheckContext& context, const Session& session, Active active, std::vector<Finding>& findings) {
  const auto first = first_after(context, active, session.date);
  if (!first) return;
  const Product& product = context.product_of(*first);
  const int days_after = days_between(session.date, first->date);
  auto details = [&](int required) {
    return fmt::format("{} is resumed on {}, {} after the {} mm session on {}; wait at least {}.", describe(product),
                       iso(first->date), day_count(days_after), mm(session.needle_mm), iso(session.date),
                       day_count(required));
  };
  const ResumeRule& resume = context.rules.retinoid_resume;
  const int min_days = resume.min_days;
  if (days_after < min_days) {
    findings.push_back(make_finding(resume, first->date, product.id, details(min_days)));
    return;
  }
  const ResumeRule& deep = context.rules.retinoid_resume_deep;
  const int deep_min_days = deep.min_days;
  if (session.needle_mm >= deep.min_needle_mm && days_after < deep_min_days)
    findings.push_back(make_finding(deep, first->date, product.id, details(deep_min_days)));
}

}  // namespace

void check_retinoid_timing(const CheckContext& context, std::vector<Finding>& findings) {
  for (const Session& session : context.regimen.sessions) {
    for (const Active active : {Active::tretinoin, Active::retinol}) {
      check_washout(context, session, active, findings);
      check_resume(context, session, active, findings);
    }
  }
}

}  // namespace dermasim::regimen::detail
