#pragma once
// The outputs of `dermasim plan` besides plan.toml and plan.ics (docs/file-formats.md, Outputs):
// summary.json (the chosen regimen, its predicted outcomes and safety, the alternatives and
// what each trades, the binding constraints, the fast-vs-full difference) and report.html
// (timeline, predicted course, redness per session, alternatives, precautions, notice).

#include <map>
#include <string>

#include <nlohmann/json.hpp>

#include "plan/planner.hpp"
#include "regimen/profile.hpp"
#include "simulate/regimen_simulation.hpp"

namespace dermasim::report {

struct PlanReportInput {
  const regimen::Profile& profile;
  const plan::PlanResult& plan;
  const simulate::SimulationResult& fast;             // the chosen plan at fast fidelity
  const std::map<std::string, double>& fast_vs_full;  // output → relative difference
};

[[nodiscard]] nlohmann::json plan_summary_json(const PlanReportInput& input);
[[nodiscard]] std::string plan_html(const PlanReportInput& input);
[[nodiscard]] std::string plan_text(const PlanReportInput& input);

}  // namespace dermasim::report
