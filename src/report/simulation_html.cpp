#include "report/simulation_html.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "report/findings_report.hpp"
#include "report/simulation_summary.hpp"
#include "report/svg_chart.hpp"

namespace dermasim::report {

namespace {

constexpr const char* style =
    "body{font-family:system-ui,sans-serif;max-width:780px;margin:2em auto;color:#222;line-height:1.4}"
    "h1{font-size:1.4em}h2{font-size:1.1em;margin-top:1.6em}table{border-collapse:collapse}"
    "td,th{border-bottom:1px solid #ddd;padding:3px 10px;text-align:left}"
    ".notice{background:#fff4e5;border-left:4px solid #e69500;padding:.6em 1em}"
    ".banner{background:#fde8e8;border-left:4px solid #c0392b;padding:.6em 1em;font-weight:bold}"
    ".error{color:#c0392b;font-weight:bold}.warning{color:#a66a00}";

template <class Member>
std::vector<double> series_of(const simulate::SimulationResult& result, Member member) {
  std::vector<double> values;
  for (const auto& day : result.days) values.push_back(day.response.*member);
  return values;
}

}  // namespace

std::string simulation_html(const regimen::Regimen& regimen, const simulate::SimulationResult& result,
                            const std::vector<regimen::Finding>& findings, bool forced) {
  std::vector<int> session_days;
  for (const auto& session : regimen.sessions) session_days.push_back(days_between(regimen.start, session.date));
  std::vector<ChartBand> pauses;
  for (const auto& pause : regimen.pauses)
    pauses.push_back({days_between(regimen.start, pause.from), days_between(regimen.start, pause.until),
                      fmt::format("pause: {}", fmt::join(pause.products, ", "))});
  auto chart = [&](std::string title, std::string y_label, std::vector<ChartSeries> series, double y_max) {
    return render_svg(Chart{std::move(title), std::move(y_label), std::move(series), session_days, pauses, 0.0, y_max});
  };
  using D = response::DailyResponse;
  std::vector<double> retinoid_ng;
  for (const auto& day : result.days)
    retinoid_ng.push_back(day.response.retinoid_viable_epidermis.in(units::nanogram_per_square_centimetre));

  std::string html = fmt::format(
      "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
      "<title>dermasim: {0}</title><style>{1}</style></head><body>\n<h1>{0}</h1>\n",
      html_escape(regimen.name), style);
  html += fmt::format("<p class=\"notice\"><strong>Not medical advice.</strong> {}</p>\n", html_escape(medical_notice));
  if (forced)
    html +=
        "<p class=\"banner\">FORCED RUN: this regimen breaks the protocol (error findings below). The "
        "simulation shows what the model predicts for an unsafe regimen; do not follow it.</p>\n";
  html += fmt::format(
      "<p>{} days from {}; Fitzpatrick type {}, {} skin, site {}; {} fidelity. Sessions are dashed "
      "lines; pauses are shaded.</p>\n",
      regimen.days, iso(regimen.start), regimen.person.fitzpatrick,
      regimen::sensitivity_names.name(regimen.person.sensitivity), regimen::site_names.name(regimen.person.site),
      transport::fidelity_names.name(result.fidelity));

  html += "<h2>Outcomes at the horizon</h2>\n<table><tr><th>outcome</th><th>value</th></tr>\n";
  const auto outcomes = outcomes_json(regimen.person, result.outcomes);
  for (const auto& [key, value] : outcomes.items())
    html += fmt::format("<tr><td>{}</td><td>{:+.1f} %</td></tr>\n", html_escape(key), value.get<double>());
  html += "</table>\n<h2>Safety</h2>\n<table><tr><th>figure</th><th>value</th></tr>\n";
  const auto safety = safety_json(result.outcomes);
  for (const auto& [key, value] : safety.items())
    html += fmt::format("<tr><td>{}</td><td>{}</td></tr>\n", html_escape(key), value.dump());
  html += "</table>\n";
  if (!regimen.sessions.empty()) {
    html +=
        "<h2>Redness after each session</h2>\n<table><tr><th>date</th><th>needle</th><th>peak erythema</th>"
        "<th>days to erythema &lt; 1</th><th>downtime (days &ge; 2)</th></tr>\n";
    for (std::size_t index = 0; index < result.outcomes.per_session.size() && index < regimen.sessions.size();
         ++index) {
      const auto& session = result.outcomes.per_session[index];
      html += fmt::format(
          "<tr><td>{}</td><td>{} mm</td><td>{:.2f}</td><td>{}</td><td>{}</td></tr>\n",
          iso(regimen.sessions[index].date), regimen.sessions[index].needle_mm, session.peak_erythema,
          session.days_to_erythema_below_1 ? std::to_string(*session.days_to_erythema_below_1) : "&gt; horizon",
          session.downtime_days);
    }
    html += "</table>\n";
  }

  html += "<h2>Day by day</h2>\n";
  html += chart("Redness and irritation", "score (0-4)",
                {{"erythema", series_of(result, &D::erythema), "#c0392b"},
                 {"irritation", series_of(result, &D::irritation), "#e69500"}},
                1.0);
  html += chart("Barrier, retinoid activation and tolerance", "fraction",
                {{"barrier", series_of(result, &D::barrier), "#2471a3"},
                 {"retinoid activation", series_of(result, &D::retinoid_activation), "#7d3c98"},
                 {"tolerance", series_of(result, &D::tolerance), "#1e8449"}},
                1.0);
  html += chart("Collagen content", "change (%)",
                {{"collagen change %", series_of(result, &D::collagen_change_percent), "#1e8449"}}, 1.0);
  html += chart("Pigment and acne", "index (baseline 1)",
                {{"pigment index", series_of(result, &D::pigment_index), "#6e2c00"},
                 {"acne lesion index", series_of(result, &D::acne_lesion_index), "#2471a3"}},
                1.0);
  html += chart("Retinoid in the viable epidermis", "ng/cm\u00b2", {{"retinoid (end of day)", retinoid_ng, "#7d3c98"}},
                1e-6);

  html += "<h2>Protocol check</h2>\n";
  if (findings.empty())
    html += "<p>No findings: the regimen follows the protocol.</p>\n";
  else {
    html += "<table><tr><th>date</th><th>severity</th><th>rule</th><th>message</th><th>source</th></tr>\n";
    for (const auto& finding : findings)
      html +=
          fmt::format("<tr><td>{}{}</td><td class=\"{}\">{}</td><td>{}</td><td>{}</td><td>{}</td></tr>\n",
                      iso(finding.date), finding.until ? " to " + iso(*finding.until) : std::string(),
                      regimen::severity_names.name(finding.severity), regimen::severity_names.name(finding.severity),
                      html_escape(finding.rule), html_escape(finding.message), html_escape(finding.source));
    html += "</table>\n";
  }
  html +=
      "<h2>About these predictions</h2>\n<p>Predictions of a mechanistic model (drug transport through layered, "
      "micro-needled skin coupled to the skin's response), calibrated to published trials; no trial has combined "
      "micro-needling with tretinoin, so the combination's amplified side effects are a model prediction. "
      "Washout and resume intervals are clinic practice, not consensus.</p>\n";
  html += fmt::format("<p class=\"notice\">{}</p>\n</body></html>\n", html_escape(medical_notice));
  return html;
}

}  // namespace dermasim::report
