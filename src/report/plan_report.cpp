#include "report/plan_report.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "report/findings_report.hpp"
#include "report/regimen_json.hpp"
#include "report/simulation_summary.hpp"
#include "report/svg_chart.hpp"
#include "simulate/concern_outcome.hpp"

namespace dermasim::report {

namespace {

nlohmann::json limits_json(const regimen::Profile& profile) {
  const auto& goals = profile.goals;
  auto optional = [](const auto& value) { return value ? nlohmann::json(*value) : nlohmann::json(nullptr); };
  return {{"max_erythema", optional(goals.max_erythema)},
          {"max_downtime_days", optional(goals.max_downtime_days)},
          {"max_sessions", optional(goals.max_sessions)},
          {"setting", std::string(regimen::setting_names.name(goals.setting))},
          {"horizon_days", goals.horizon_days}};
}

nlohmann::json per_session_json(const regimen::Regimen& plan, const response::ResponseOutcomes& outcomes) {
  nlohmann::json sessions = nlohmann::json::array();
  for (std::size_t index = 0; index < outcomes.per_session.size() && index < plan.sessions.size(); ++index) {
    const auto& session = outcomes.per_session[index];
    sessions.push_back({{"date", iso(plan.sessions[index].date)},
                        {"needle_mm", plan.sessions[index].needle_mm},
                        {"peak_erythema", session.peak_erythema},
                        {"days_to_erythema_below_1", session.days_to_erythema_below_1
                                                         ? nlohmann::json(*session.days_to_erythema_below_1)
                                                         : nlohmann::json(nullptr)},
                        {"downtime_days", session.downtime_days}});
  }
  return sessions;
}

}  // namespace

nlohmann::json plan_summary_json(const PlanReportInput& input) {
  const auto& chosen = input.plan.chosen;
  const auto& outcomes = chosen.evaluation->outcomes;
  nlohmann::json alternatives = nlohmann::json::array();
  int rank = 2;
  for (const auto& alternative : input.plan.alternatives)
    alternatives.push_back({{"rank", rank++},
                            {"description", plan::describe(alternative.design, input.profile)},
                            {"objective", alternative.objective},
                            {"outcomes", outcomes_json(input.profile.person, alternative.evaluation->outcomes)},
                            {"safety", safety_json(alternative.evaluation->outcomes)},
                            {"trade", plan::trade_against(alternative, chosen)}});
  nlohmann::json binding = nlohmann::json::array();
  for (const auto& breach : input.plan.binding_constraints)
    binding.push_back({{"name", breach.name}, {"limit", breach.limit}, {"value", breach.value}});
  nlohmann::json fast_vs_full = nlohmann::json::object();
  for (const auto& [name, difference] : input.fast_vs_full) fast_vs_full[name] = difference;
  return {{"plan", plan::describe(chosen.design, input.profile)},
          {"objective", chosen.objective},
          {"fidelity", "fast"},
          {"forced", false},
          {"regimen", regimen_json(chosen.regimen)},
          {"outcomes", outcomes_json(input.profile.person, outcomes)},
          {"safety", safety_json(outcomes)},
          {"per_session", per_session_json(chosen.regimen, outcomes)},
          {"findings", findings_json(chosen.findings)},
          {"limits", limits_json(input.profile)},
          {"alternatives", alternatives},
          {"binding_constraints", binding},
          {"explanations", input.plan.explanations},
          {"fast_vs_full", fast_vs_full},
          {"search", {{"candidates_checked", input.plan.n_checked}, {"candidates_simulated", input.plan.n_evaluated}}},
          {"notice", medical_notice}};
}

std::string plan_text(const PlanReportInput& input) {
  const auto& chosen = input.plan.chosen;
  const auto& o = chosen.evaluation->outcomes;
  std::string text = fmt::format("Plan: {}\n", plan::describe(chosen.design, input.profile));
  text += fmt::format("  {} to {} ({} days); {} sessions\n", iso(chosen.regimen.start), iso(chosen.regimen.last_day()),
                      chosen.regimen.days, chosen.regimen.sessions.size());
  for (const auto& session : chosen.regimen.sessions)
    text += fmt::format("  session {}: {:g} mm {}\n", iso(session.date), session.needle_mm,
                        regimen::device_names.name(session.device));
  text += fmt::format("Predicted at day {}: collagen {:+.1f} %", chosen.regimen.days, o.collagen_change_percent);
  for (const auto concern : input.profile.person.concerns)
    text += fmt::format(", {} {:+.1f} %", regimen::concern_names.name(concern),
                        simulate::improvement_of(concern, o.improvement_percent));
  text += fmt::format(
      "\nSafety: peak erythema {:.2f}, {} day(s) of erythema >= 2, peak irritation {:.2f}, PIH risk {:.0f} %\n",
      o.peak_erythema, o.days_erythema_ge_2, o.peak_irritation, 100.0 * o.pih_risk);
  for (const auto& breach : input.plan.binding_constraints)
    text += breach.name == "max_sessions"
                ? fmt::format("Binding: max_sessions = {:g} (the plan uses every session allowed)\n", breach.limit)
                : fmt::format("Binding: {} = {:g} (a better-scoring plan would reach {:.3g})\n", breach.name,
                              breach.limit, breach.value);
  for (const auto& explanation : input.plan.explanations) text += fmt::format("Note: {}\n", explanation);
  for (const auto& finding : chosen.findings)
    text += fmt::format("Precaution ({}): {}\n", finding.rule, finding.message);
  text += fmt::format("{}\n", medical_notice);
  return text;
}

std::string plan_html(const PlanReportInput& input) {
  const auto& chosen = input.plan.chosen;
  const auto& plan_regimen = chosen.regimen;
  const auto& o = chosen.evaluation->outcomes;
  std::string html = fmt::format(
      "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>dermasim plan</title><style>"
      "body{{font-family:system-ui,sans-serif;max-width:780px;margin:2em auto;color:#222;line-height:1.4}}"
      "table{{border-collapse:collapse}}td,th{{border-bottom:1px solid #ddd;padding:3px 10px;text-align:left}}"
      ".notice{{background:#fff4e5;border-left:4px solid #e69500;padding:.6em 1em}}</style></head><body>\n"
      "<h1>Treatment plan</h1>\n<p class=\"notice\"><strong>Not medical advice.</strong> "
      "{}</p>\n<p><strong>{}</strong></p>\n",
      html_escape(medical_notice), html_escape(plan::describe(chosen.design, input.profile)));

  html += "<h2>Timeline</h2>\n<table><tr><th>from</th><th>until</th><th>what</th></tr>\n";
  for (const auto& product : plan_regimen.products)
    html += fmt::format("<tr><td>{}</td><td>{}</td><td>{} {} ({})</td></tr>\n", iso(product.from),
                        product.until ? iso(*product.until) : "end",
                        html_escape(std::string(regimen::active_names.name(product.active))),
                        product.strength_percent ? fmt::format("{:g} %", *product.strength_percent) : "",
                        regimen::schedule_names.name(product.schedule));
  for (const auto& pause : plan_regimen.pauses)
    html += fmt::format("<tr><td>{}</td><td>{}</td><td>pause {}</td></tr>\n", iso(pause.from), iso(pause.until),
                        html_escape(fmt::format("{}", fmt::join(pause.products, ", "))));
  for (const auto& session : plan_regimen.sessions)
    html += fmt::format("<tr><td>{}</td><td></td><td>session, {:g} mm {}</td></tr>\n", iso(session.date),
                        session.needle_mm, regimen::device_names.name(session.device));
  html += "</table>\n<h2>Predicted outcomes</h2>\n<table><tr><th>outcome</th><th>at the horizon</th></tr>\n";
  const auto outcomes = outcomes_json(input.profile.person, o);
  for (const auto& [key, value] : outcomes.items())
    html += fmt::format("<tr><td>{}</td><td>{:+.1f} %</td></tr>\n", html_escape(key), value.get<double>());
  html += "</table>\n";

  std::vector<int> session_days;
  for (const auto& session : plan_regimen.sessions)
    session_days.push_back(days_between(plan_regimen.start, session.date));
  std::vector<ChartBand> pauses;
  for (const auto& pause : plan_regimen.pauses)
    pauses.push_back(
        {days_between(plan_regimen.start, pause.from), days_between(plan_regimen.start, pause.until), "pause"});
  std::vector<double> erythema, collagen, pigment;
  for (const auto& day : input.fast.days) {
    erythema.push_back(day.response.erythema);
    collagen.push_back(day.response.collagen_change_percent);
    pigment.push_back(day.response.pigment_index);
  }
  html += render_svg({"Expected course: collagen content",
                      "change (%)",
                      {{"collagen", collagen, "#1e8449"}},
                      session_days,
                      pauses,
                      0.0,
                      1.0});
  html += render_svg(
      {"Redness (erythema, 0-4)", "score", {{"erythema", erythema, "#c0392b"}}, session_days, pauses, 0.0, 1.0});
  html += render_svg({"Pigment index", "index", {{"pigment", pigment, "#6e2c00"}}, session_days, pauses, 0.0, 1.0});

  html +=
      "<h2>Redness after each session</h2>\n<table><tr><th>date</th><th>peak erythema</th><th>days to &lt; "
      "1</th><th>downtime</th></tr>\n";
  for (std::size_t index = 0; index < o.per_session.size() && index < plan_regimen.sessions.size(); ++index)
    html += fmt::format("<tr><td>{}</td><td>{:.2f}</td><td>{}</td><td>{}</td></tr>\n",
                        iso(plan_regimen.sessions[index].date), o.per_session[index].peak_erythema,
                        o.per_session[index].days_to_erythema_below_1
                            ? std::to_string(*o.per_session[index].days_to_erythema_below_1)
                            : "&gt; horizon",
                        o.per_session[index].downtime_days);
  html += "</table>\n<h2>Runner-up plans and what they trade</h2>\n<ol start=\"2\">\n";
  for (const auto& alternative : input.plan.alternatives)
    html += fmt::format("<li>{} — {}</li>\n", html_escape(plan::describe(alternative.design, input.profile)),
                        html_escape(plan::trade_against(alternative, chosen)));
  html += "</ol>\n<h2>What bound the choice</h2>\n";
  if (input.plan.binding_constraints.empty())
    html += "<p>No limit of the profile excluded a better plan; the protocol rules alone bound it.</p>\n";
  else {
    html += "<ul>\n";
    for (const auto& breach : input.plan.binding_constraints)
      html += fmt::format("<li>{}: limit {:g}; a better-scoring plan would have reached {:g}</li>\n",
                          html_escape(breach.name), breach.limit, breach.value);
    html += "</ul>\n";
  }
  for (const auto& explanation : input.plan.explanations) html += fmt::format("<p>{}</p>\n", html_escape(explanation));
  html += "<h2>Precautions</h2>\n<ul>\n<li>Sunscreen every morning; avoid sun on session days.</li>\n";
  for (const auto& finding : chosen.findings)
    html += fmt::format("<li><strong>{}</strong>: {} <em>({})</em></li>\n", html_escape(finding.rule),
                        html_escape(finding.message), html_escape(finding.source));
  html +=
      "</ul>\n<p>Predictions come from a mechanistic model; no trial has combined micro-needling with tretinoin, so "
      "the combination's effects are a model prediction.</p>\n";
  html += fmt::format("<p class=\"notice\">{}</p>\n</body></html>\n", html_escape(medical_notice));
  return html;
}

}  // namespace dermasim::report
