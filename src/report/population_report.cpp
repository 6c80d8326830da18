#include "report/population_report.hpp"

#include <algorithm>
#include <cmath>
#include <string_view>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "population/percentile_summary.hpp"
#include "population/sobol_given_data.hpp"
#include "report/findings_report.hpp"
#include "report/svg_chart.hpp"

namespace dermasim::report {

namespace {

constexpr const char* sensitivity_method =
    "index: first-order Sobol index, the share of the figure's variance that the parameter explains on its own "
    "(0 to 1), estimated from the same Latin hypercube samples as the percentiles (no extra runs) by the "
    "bias-adjusted correlation ratio over round(sqrt(n)) (2 to 50) equal-count bins of the parameter "
    "(Plischke, Borgonovo and Smith 2013); ranked by it. First order only: effects through interactions are not "
    "counted. "
    "rank_correlation: Spearman's rank correlation (-1 to 1), whose sign gives the direction of a monotone effect; "
    "near 0 beside a large index, the effect rises and falls within the range";

constexpr const char* style =
    "body{font-family:system-ui,sans-serif;max-width:780px;margin:2em auto;color:#222;line-height:1.4}"
    "h1{font-size:1.4em}h2{font-size:1.1em;margin-top:1.6em}table{border-collapse:collapse}"
    "td,th{border-bottom:1px solid #ddd;padding:3px 10px;text-align:left}td.n{text-align:right}"
    ".notice{background:#fff4e5;border-left:4px solid #e69500;padding:.6em 1em}"
    ".banner{background:#fde8e8;border-left:4px solid #c0392b;padding:.6em 1em;font-weight:bold}"
    ".bar{display:inline-block;height:.8em;background:#5b8db8}tr.noise td{color:#999}tr.noise .bar{background:#ccc}";

/// Rounds for output so that files are stable and readable (the model is not that precise).
double rounded(double value, int digits = 4) {
  if (value == 0.0 || !std::isfinite(value)) return value;
  const double scale = std::pow(10.0, digits - 1 - static_cast<int>(std::floor(std::log10(std::fabs(value)))));
  return std::round(value * scale) / scale;
}

std::string_view fidelity_name(transport::Fidelity fidelity) { return transport::fidelity_names.name(fidelity); }

nlohmann::json summaries_json(const std::vector<population::NamedSummary>& summaries) {
  nlohmann::json json = nlohmann::json::object();
  for (const auto& [name, s] : summaries)
    json[name] = {{"p5", rounded(s.p5)},   {"p25", rounded(s.p25)}, {"p50", rounded(s.p50)},
                  {"p75", rounded(s.p75)}, {"p95", rounded(s.p95)}, {"mean", rounded(s.mean)}};
  return json;
}

/// The adverse events as (key, words) in the order of docs/file-formats.md.
std::vector<std::pair<std::string, std::string>> adverse_event_rows(
    const population::AdverseEventProbabilities& events) {
  return {{"peak_erythema_ge_3",
           fmt::format("{:5.1f} %  peak erythema 3 or more (marked redness)", 100.0 * events.peak_erythema_ge_3)},
          {"redness_gt_3_days", fmt::format("{:5.1f} %  visible redness (erythema 1 or more) more than 3 days in a row",
                                            100.0 * events.redness_gt_3_days)},
          {"pih", fmt::format("{:5.1f} %  post-inflammatory hyperpigmentation (mean risk)", 100.0 * events.pih)},
          {"retinoid_dermatitis", fmt::format("{:5.1f} %  retinoid dermatitis (peak irritation 2 or more)",
                                              100.0 * events.retinoid_dermatitis)}};
}

std::string top_drivers(const std::vector<population::SensitivityEntry>& ranking, std::size_t count) {
  std::string text;
  for (std::size_t place = 0; place < std::min(count, ranking.size()); ++place)
    text += fmt::format("{}{} (S {:.2f}, rho {:+.2f})", place == 0 ? "" : ", ", ranking[place].parameter,
                        ranking[place].index, ranking[place].rank_correlation);
  return text;
}

/// The index below which a driver is indistinguishable from sampling noise; 1 (nothing stands
/// out) for fewer than 3 people.
double noise_level(const population::PopulationSummary& summary) {
  return summary.n_simulated < 3 ? 1.0
                                 : population::sensitivity_noise_level(static_cast<std::size_t>(summary.n_simulated));
}

/// What a reader needs to judge the indices: the noise level (`marker` says how the page shows
/// it), and a warning when the population is too small for the order to be stable.
std::string sensitivity_caveat(const population::PopulationSummary& summary, std::string_view marker = "") {
  constexpr int stable_ranking_people = 100;
  if (summary.n_simulated < 3) return "Too few people to tell drivers from noise.";
  std::string caveat = fmt::format(
      "With {} people, indices below {:.2g}{} are within sampling noise; about 1 in 100 "
      "parameters without effect exceeds that level by chance.",
      summary.n_simulated, noise_level(summary), marker);
  if (summary.n_simulated < stable_ranking_people)
    caveat += fmt::format(" With fewer than {} people the order of the drivers is not stable; use --n {} or more.",
                          stable_ranking_people, stable_ranking_people);
  return caveat;
}

std::string header_line(const PopulationContext& context, const population::PopulationSummary& summary) {
  return fmt::format("{} people (seed {}), {} days from {}, {} fidelity, {} sampled parameters", summary.n_people,
                     summary.seed, context.regimen.days, iso(context.regimen.start), fidelity_name(context.fidelity),
                     summary.parameters.size());
}

/// One sentence on the people whose model failed ("" when none): how many, who, and that the
/// figures leave them out.
std::string failures_line(const population::PopulationSummary& summary) {
  if (summary.failures.empty()) return "";
  std::vector<int> ids;
  for (const auto& failure : summary.failures) ids.push_back(failure.person);
  constexpr std::size_t listed = 20;
  const std::string more = ids.size() > listed ? fmt::format(" and {} more", ids.size() - listed) : "";
  if (ids.size() > listed) ids.resize(listed);
  return fmt::format(
      "The model failed for {} of {} people (person {}{}); every figure is over the other {}. "
      "The first failure: {}",
      summary.failures.size(), summary.n_people, fmt::join(ids, ", "), more, summary.n_simulated,
      summary.failures.front().reason);
}

}  // namespace

nlohmann::json population_json(const PopulationContext& context, const population::PopulationSummary& summary) {
  const auto& events = summary.adverse_events;
  nlohmann::json sensitivity = nlohmann::json::object();
  for (const auto& [output, ranking] : summary.sensitivity) {
    nlohmann::json list = nlohmann::json::array();
    for (const auto& entry : ranking)
      list.push_back({{"parameter", entry.parameter},
                      {"index", rounded(entry.index, 3)},
                      {"rank_correlation", rounded(entry.rank_correlation, 3)}});
    sensitivity[output] = std::move(list);
  }
  nlohmann::json parameters = nlohmann::json::array();
  for (const auto& parameter : summary.parameters)
    parameters.push_back({{"name", parameter.name},
                          {"nominal", parameter.nominal},
                          {"range", {parameter.range.low, parameter.range.high}},
                          {"scale", parameter.scale == population::Scale::logarithmic ? "logarithmic" : "linear"}});
  nlohmann::json failures = nlohmann::json::array();
  for (const auto& failure : summary.failures)
    failures.push_back({{"person", failure.person}, {"reason", failure.reason}});
  return {{"scenario", context.regimen.name},
          {"start", iso(context.regimen.start)},
          {"days", context.regimen.days},
          {"fidelity", fidelity_name(context.fidelity)},
          {"forced", context.forced},
          {"n", summary.n_people},
          {"seed", summary.seed},
          {"n_simulated", summary.n_simulated},
          {"failures", failures},
          {"outcomes", summaries_json(summary.outcomes)},
          {"safety", summaries_json(summary.safety)},
          {"adverse_event_probability",
           {{"peak_erythema_ge_3", rounded(events.peak_erythema_ge_3)},
            {"redness_gt_3_days", rounded(events.redness_gt_3_days)},
            {"pih", rounded(events.pih)},
            {"retinoid_dermatitis", rounded(events.retinoid_dermatitis)}}},
          {"sensitivity_method", sensitivity_method},
          {"sensitivity", sensitivity},
          {"parameters", parameters},
          {"not_sampled", summary.not_sampled},
          {"findings", findings_json(context.findings)},
          {"notice", medical_notice}};
}

std::string histogram_svg(const std::string& title, const std::vector<double>& values, int n_bins) {
  constexpr double width = 720, height = 200, left = 48, right = 12, top = 28, bottom = 36;
  const auto [low_it, high_it] = std::ranges::minmax_element(values);
  const double low = *low_it;
  const double high = *high_it > low ? *high_it : low + 1.0;  // one bar when every value is the same
  std::vector<int> counts(static_cast<std::size_t>(n_bins), 0);
  for (const double value : values) {
    const auto bin = static_cast<int>(std::floor((value - low) / (high - low) * n_bins));
    ++counts[static_cast<std::size_t>(std::clamp(bin, 0, n_bins - 1))];
  }
  const int most = std::max(1, *std::ranges::max_element(counts));
  auto x = [&](double value) { return left + (width - left - right) * (value - low) / (high - low); };
  auto y = [&](double count) { return height - bottom - (height - top - bottom) * count / most; };

  std::string svg = fmt::format(
      "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {0} {1}\" width=\"{0}\" height=\"{1}\" role=\"img\" "
      "aria-label=\"{2}\">\n<text x=\"{3}\" y=\"18\" font-size=\"14\" font-weight=\"bold\">{2}</text>\n",
      width, height, html_escape(title), left);
  const double bar = (width - left - right) / n_bins;
  for (int bin = 0; bin < n_bins; ++bin) {
    const int count = counts[static_cast<std::size_t>(bin)];
    if (count == 0) continue;
    svg += fmt::format(
        "<rect x=\"{:.1f}\" y=\"{:.1f}\" width=\"{:.1f}\" height=\"{:.1f}\" "
        "fill=\"#5b8db8\"><title>{}</title></rect>\n",
        left + bin * bar + 0.5, y(count), bar - 1.0, height - bottom - y(count), count);
  }
  svg += fmt::format("<line x1=\"{0}\" y1=\"{1}\" x2=\"{2}\" y2=\"{1}\" stroke=\"#444\"/>\n", left, height - bottom,
                     width - right);
  svg += fmt::format("<text x=\"{}\" y=\"{}\" font-size=\"11\">{:.4g}</text>\n", left, height - bottom + 14, low);
  svg += fmt::format("<text x=\"{}\" y=\"{}\" font-size=\"11\" text-anchor=\"end\">{:.4g}</text>\n", width - right,
                     height - bottom + 14, high);
  svg += fmt::format("<text x=\"4\" y=\"{}\" font-size=\"11\">{} people</text>\n", top + 4, most);
  for (const auto& [percent, colour] :
       {std::pair{5.0, "#e69500"}, std::pair{50.0, "#c0392b"}, std::pair{95.0, "#e69500"}}) {
    const double at = population::percentile(values, percent);
    svg += fmt::format(
        "<line x1=\"{0:.1f}\" y1=\"{1}\" x2=\"{0:.1f}\" y2=\"{2}\" stroke=\"{3}\" stroke-dasharray=\"4 3\"/>"
        "<text x=\"{0:.1f}\" y=\"{4}\" font-size=\"10\" text-anchor=\"middle\" fill=\"{3}\">p{5:g}</text>\n",
        x(at), top, height - bottom, colour, height - bottom + 26, percent);
  }
  return svg + "</svg>\n";
}

std::string population_html(const PopulationContext& context, const population::PopulationSummary& summary,
                            const std::vector<population::OutputSamples>& samples) {
  std::string html = fmt::format(
      "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
      "<title>dermasim population: {0}</title><style>{1}</style></head><body>\n"
      "<h1>Virtual population: {0}</h1>\n",
      html_escape(context.regimen.name), style);
  html += fmt::format("<p class=\"notice\"><strong>Not medical advice.</strong> {}</p>\n", html_escape(medical_notice));
  if (context.forced)
    html +=
        "<p class=\"banner\">FORCED RUN: this regimen breaks the protocol (error findings). The population shows "
        "what the model predicts for an unsafe regimen; do not follow it.</p>\n";
  if (!summary.failures.empty()) {
    html += fmt::format(
        "<p class=\"banner\">{}</p>\n<h2>People whose model failed</h2>\n<table><tr><th>person</th>"
        "<th>reason</th></tr>\n",
        html_escape(failures_line(summary)));
    for (const auto& failure : summary.failures)
      html += fmt::format("<tr><td class=\"n\">{}</td><td>{}</td></tr>\n", failure.person, html_escape(failure.reason));
    html += "</table>\n";
  }
  html += fmt::format(
      "<p>{}. Every person is the scenario's person with the catalogue numbers that carry a range "
      "drawn by Latin hypercube sampling; the spread shows how differently skin may respond.</p>\n",
      html_escape(header_line(context, summary)));

  auto table = [&](const char* heading, const std::vector<population::NamedSummary>& rows) {
    html += fmt::format(
        "<h2>{}</h2>\n<table><tr><th>figure</th><th>p5</th><th>p25</th><th>median</th><th>p75</th>"
        "<th>p95</th><th>mean</th></tr>\n",
        heading);
    for (const auto& [name, s] : rows)
      html += fmt::format(
          "<tr><td>{}</td><td class=\"n\">{:.3g}</td><td class=\"n\">{:.3g}</td><td class=\"n\">{:.3g}</td>"
          "<td class=\"n\">{:.3g}</td><td class=\"n\">{:.3g}</td><td class=\"n\">{:.3g}</td></tr>\n",
          html_escape(name), s.p5, s.p25, s.p50, s.p75, s.p95, s.mean);
    html += "</table>\n";
  };
  table("Outcomes at the horizon", summary.outcomes);
  table("Safety", summary.safety);

  html += "<h2>Adverse events</h2>\n<table><tr><th>event</th><th>probability</th></tr>\n";
  for (const auto& [key, words] : adverse_event_rows(summary.adverse_events))
    html += fmt::format("<tr><td>{}</td><td>{}</td></tr>\n", html_escape(key), html_escape(words));
  html += "</table>\n<h2>Distributions</h2>\n";
  for (const auto& output : samples) html += histogram_svg(output.name, output.values);

  if (!summary.sensitivity.empty()) {
    html += fmt::format(
        "<h2>What drives each figure</h2>\n<p><em>S</em> is the first-order Sobol index: the share of the figure's "
        "spread that the parameter explains on its own (0 to 1), from the same samples as the percentiles. "
        "<em>&rho;</em> is Spearman's rank correlation: its sign says whether the figure rises (+) or falls (&minus;) "
        "with the parameter; near 0 beside a large <em>S</em>, the effect rises and falls within the range. {} "
        "Top five per figure; population.json lists every parameter.</p>\n"
        "<table><tr><th>figure</th><th>parameter</th><th><em>S</em></th><th></th><th><em>&rho;</em></th></tr>\n",
        html_escape(sensitivity_caveat(summary, " (grey)")));
    const double level = noise_level(summary);
    for (const auto& [output, ranking] : summary.sensitivity) {
      const std::size_t shown = std::min<std::size_t>(5, ranking.size());
      for (std::size_t place = 0; place < shown; ++place) {
        const auto& entry = ranking[place];
        const std::string figure =
            place == 0 ? fmt::format("<td rowspan=\"{}\">{}</td>", shown, html_escape(output)) : std::string{};
        html += fmt::format(
            "<tr{}>{}<td>{}</td><td class=\"n\">{:.2f}</td><td><span class=\"bar\" "
            "style=\"width:{:.0f}px\"></span></td><td class=\"n\">{:+.2f}</td></tr>\n",
            entry.index < level ? " class=\"noise\"" : "", figure, html_escape(entry.parameter), entry.index,
            120.0 * entry.index, entry.rank_correlation);
      }
    }
    html += "</table>\n";
  }
  html +=
      "<h2>Sampled parameters</h2>\n<table><tr><th>parameter</th><th>catalogue value</th><th>range</th>"
      "<th>scale</th></tr>\n";
  for (const auto& parameter : summary.parameters)
    html += fmt::format("<tr><td>{}</td><td class=\"n\">{:g}</td><td>{:g} – {:g}</td><td>{}</td></tr>\n",
                        html_escape(parameter.name), parameter.nominal, parameter.range.low, parameter.range.high,
                        parameter.scale == population::Scale::logarithmic ? "logarithmic" : "linear");
  html += "</table>\n";
  if (!context.findings.empty()) {
    html += "<h2>Protocol check</h2>\n<table><tr><th>date</th><th>severity</th><th>rule</th><th>message</th></tr>\n";
    for (const auto& finding : context.findings)
      html += fmt::format("<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>\n", iso(finding.date),
                          regimen::severity_names.name(finding.severity), html_escape(finding.rule),
                          html_escape(finding.message));
    html += "</table>\n";
  }
  if (!summary.not_sampled.empty())
    html += fmt::format("<p>Carry a range but are not sampled yet: {}.</p>\n",
                        html_escape(fmt::format("{}", fmt::join(summary.not_sampled, ", "))));
  html += fmt::format("<p class=\"notice\">{}</p>\n</body></html>\n", html_escape(medical_notice));
  return html;
}

std::string population_text(const PopulationContext& context, const population::PopulationSummary& summary) {
  std::string text = fmt::format("Population: {}\n{}\n", context.regimen.name, header_line(context, summary));
  if (context.forced) text += "FORCED RUN: the regimen has error findings; do not follow it.\n";
  if (!summary.failures.empty()) text += failures_line(summary) + "\n";
  auto rows = [&](const char* heading, const std::vector<population::NamedSummary>& summaries) {
    text += fmt::format("\n{:<34}{:>9}{:>9}{:>9}{:>9}{:>9}{:>9}\n", heading, "p5", "p25", "p50", "p75", "p95", "mean");
    for (const auto& [name, s] : summaries)
      text += fmt::format("  {:<32}{:>9.3g}{:>9.3g}{:>9.3g}{:>9.3g}{:>9.3g}{:>9.3g}\n", name, s.p5, s.p25, s.p50, s.p75,
                          s.p95, s.mean);
  };
  rows("Outcomes", summary.outcomes);
  rows("Safety", summary.safety);
  text += "\nAdverse events (share of the population)\n";
  for (const auto& row : adverse_event_rows(summary.adverse_events)) text += "  " + row.second + "\n";
  if (!summary.sensitivity.empty()) {
    text +=
        "\nMain drivers (top 3; S = first-order Sobol index, the share of the spread explained alone;\n"
        "rho = Spearman rank correlation, the direction)\n";
    for (const auto& [output, ranking] : summary.sensitivity)
      text += fmt::format("  {}: {}\n", output, top_drivers(ranking, 3));
    text += fmt::format("  {}\n", sensitivity_caveat(summary));
  }
  if (!summary.not_sampled.empty())
    text += fmt::format("\nCarry a range but are not sampled yet: {}\n", fmt::join(summary.not_sampled, ", "));
  if (!context.findings.empty())
    text += fmt::format("\n{} finding(s) of the protocol check; see population.json.\n", context.findings.size());
  return text + "\n" + medical_notice + "\n";
}

}  // namespace dermasim::report
