#include "report/simulation_summary.hpp"

#include <cmath>

#include <fmt/format.h>

#include "report/findings_report.hpp"
#include "simulate/concern_outcome.hpp"

namespace dermasim::report {

namespace {

double ng_per_cm2(MassPerArea amount) { return amount.in(units::nanogram_per_square_centimetre); }

/// Rounds for output so that files are stable and readable (the model is not that precise).
double rounded(double value, int digits = 4) {
  if (value == 0.0 || !std::isfinite(value)) return value;
  const double scale = std::pow(10.0, digits - 1 - static_cast<int>(std::floor(std::log10(std::fabs(value)))));
  return std::round(value * scale) / scale;
}

}  // namespace

nlohmann::json outcomes_json(const regimen::Person& person, const response::ResponseOutcomes& outcomes) {
  nlohmann::json json{{"collagen_change_percent", rounded(outcomes.collagen_change_percent)}};
  for (const auto concern : person.concerns)
    json[fmt::format("{}_improvement_percent", regimen::concern_names.name(concern))] =
        rounded(simulate::improvement_of(concern, outcomes.improvement_percent));
  return json;
}

nlohmann::json safety_json(const response::ResponseOutcomes& outcomes) {
  return {{"peak_erythema", rounded(outcomes.peak_erythema)},
          {"days_erythema_ge_1", outcomes.days_erythema_ge_1},
          {"days_erythema_ge_2", outcomes.days_erythema_ge_2},
          {"peak_irritation", rounded(outcomes.peak_irritation)},
          {"pih_risk", rounded(outcomes.pih_risk)}};
}

nlohmann::json simulation_summary_json(const regimen::Regimen& regimen, const simulate::SimulationResult& result,
                                       const std::vector<regimen::Finding>& findings, bool forced) {
  nlohmann::json sessions = nlohmann::json::array();
  for (std::size_t index = 0; index < result.outcomes.per_session.size() && index < regimen.sessions.size(); ++index) {
    const auto& session = result.outcomes.per_session[index];
    sessions.push_back({{"date", iso(regimen.sessions[index].date)},
                        {"needle_mm", regimen.sessions[index].needle_mm},
                        {"peak_erythema", rounded(session.peak_erythema)},
                        {"days_to_erythema_below_1", session.days_to_erythema_below_1
                                                         ? nlohmann::json(*session.days_to_erythema_below_1)
                                                         : nlohmann::json(nullptr)},
                        {"downtime_days", session.downtime_days}});
  }
  return {
      {"scenario", regimen.name},
      {"start", iso(regimen.start)},
      {"days", regimen.days},
      {"fidelity", transport::fidelity_names.name(result.fidelity)},
      {"forced", forced},
      {"outcomes", outcomes_json(regimen.person, result.outcomes)},
      {"safety", safety_json(result.outcomes)},
      {"per_session", sessions},
      {"retinoid",
       {{"applications", result.n_retinoid_applications},
        {"applied_ng_per_cm2", rounded(ng_per_cm2(result.retinoid_applied))},
        {"absorbed_ng_per_cm2", rounded(ng_per_cm2(result.retinoid_absorbed))}}},
      {"assumptions", regimen.person.age_is_default ? nlohmann::json::array({"age_years not given: 40 years assumed"})
                                                    : nlohmann::json::array()},
      {"findings", findings_json(findings)},
      {"notice", medical_notice}};
}

std::string timeseries_csv(const simulate::SimulationResult& result) {
  std::string csv =
      "date,erythema,barrier,retinoid_activation,irritation,tolerance,collagen_change_percent,"
      "pigment_index,acne_lesion_index,retinoid_ve_ng_per_cm2\n";
  for (const auto& day : result.days) {
    const auto& r = day.response;
    csv += fmt::format("{},{:.4f},{:.4f},{:.4f},{:.4f},{:.4f},{:.4f},{:.4f},{:.4f},{:.6g}\n", iso(day.date), r.erythema,
                       r.barrier, r.retinoid_activation, r.irritation, r.tolerance, r.collagen_change_percent,
                       r.pigment_index, r.acne_lesion_index, ng_per_cm2(r.retinoid_viable_epidermis));
  }
  return csv;
}

std::string simulation_text(const regimen::Regimen& regimen, const simulate::SimulationResult& result,
                            const std::vector<regimen::Finding>& findings, bool forced) {
  const auto& o = result.outcomes;
  std::string text = fmt::format("Scenario: {} ({} days from {}, {} fidelity)\n", regimen.name, regimen.days,
                                 iso(regimen.start), transport::fidelity_names.name(result.fidelity));
  if (forced) text += "FORCED: this regimen has error findings; the simulation shows an unsafe regimen.\n";
  text += fmt::format("\nOutcomes at day {}:\n  collagen change        {:+.1f} %\n", regimen.days,
                      o.collagen_change_percent);
  for (const auto concern : regimen.person.concerns)
    text += fmt::format("  {:<22} {:+.1f} %\n", fmt::format("{} improvement", regimen::concern_names.name(concern)),
                        simulate::improvement_of(concern, o.improvement_percent));
  text += fmt::format(
      "\nSafety:\n  peak erythema {:.2f} (0-4), {} day(s) >= 1, {} day(s) >= 2\n"
      "  peak irritation {:.2f} (0-4), PIH risk {:.0f} %\n",
      o.peak_erythema, o.days_erythema_ge_1, o.days_erythema_ge_2, o.peak_irritation, 100.0 * o.pih_risk);
  for (std::size_t index = 0; index < o.per_session.size() && index < regimen.sessions.size(); ++index)
    text += fmt::format("  session {} ({} mm): peak erythema {:.2f}, below 1 after {}, downtime {} day(s)\n",
                        iso(regimen.sessions[index].date), regimen.sessions[index].needle_mm,
                        o.per_session[index].peak_erythema,
                        o.per_session[index].days_to_erythema_below_1
                            ? fmt::format("{} day(s)", *o.per_session[index].days_to_erythema_below_1)
                            : std::string("the horizon"),
                        o.per_session[index].downtime_days);
  if (!findings.empty())
    text += fmt::format("\n{} finding(s) of the protocol check; see summary.json.\n", findings.size());
  text += fmt::format("\n{}\n", medical_notice);
  return text;
}

}  // namespace dermasim::report
