#include "report/absorb_report.hpp"

#include <algorithm>

#include <fmt/format.h>

namespace dermasim::report {
namespace {

double ng_per_cm2(MassPerArea amount) { return amount.in(units::nanogram_per_square_centimetre); }
double ng_per_cm2_h(Flux flux) { return flux.si() / units::nanogram_per_square_centimetre.si() * 3600.0; }
double ng_per_cm3(double kg_per_m3) { return kg_per_m3 / (units::nanogram / units::cubic_centimetre).si(); }

MassPerArea absorbed(const transport::ApplicationResult& result) {
  return result.final_amounts.receptor + result.final_amounts.cleared;
}

/// An amount in ng/cm² for a message: 20000 and 1000 in full, 3.04e-298 in three digits.
std::string amount_text(MassPerArea amount) {
  const double value = ng_per_cm2(amount);
  return value >= 1e-3 && value < 1e9 ? fmt::format("{:.6g}", value) : fmt::format("{:.3g}", value);
}

/// Below this fraction of the reference amount an intact-skin absorption is numerical residue,
/// not a result: the solver resolves amounts only to about 1e-8 of their scale (its absolute
/// tolerance), the fast fixed-step scheme more coarsely, so a ratio over such a figure (2.1e43x
/// was printed) says nothing. The one place this floor is set (docs/file-formats.md, absorb.json).
constexpr double intact_absorption_floor = 1e-6;

/// What the intact absorption is measured against: the applied dose, or for an infinite dose
/// (which has none) what the micro-needled skin took up from the donor; never less than the
/// smallest amount scale the solver resolves (its tolerance floor over its tolerance fraction).
struct Reference {
  MassPerArea amount;
  const char* what;
};

Reference reference_of(const AbsorbOutcome& outcome) {
  const transport::SolverOptions solver;
  const auto resolved = MassPerArea::from_si(solver.absolute_tolerance_floor / solver.absolute_tolerance_fraction);
  const auto& a = outcome.result.final_amounts;
  const Reference reference =
      outcome.infinite_dose ? Reference{absorbed(outcome.result) + a.stratum_corneum + a.viable_epidermis + a.dermis,
                                        "the uptake with micro-needles"}
                            : Reference{outcome.result.applied, "the dose"};
  return reference.amount < resolved ? Reference{resolved, "the smallest amount scale the solver resolves"} : reference;
}

/// The ratio absorbed with needles / intact, or why there is none. @pre outcome.intact.
struct Enhancement {
  std::optional<double> ratio;
  std::string reason;  // empty with a ratio
};

Enhancement enhancement_of(const AbsorbOutcome& outcome) {
  const MassPerArea intact = absorbed(*outcome.intact);
  const Reference reference = reference_of(outcome);
  if (intact.si() >= intact_absorption_floor * reference.amount.si()) return {absorbed(outcome.result) / intact, ""};
  return {std::nullopt,
          fmt::format("absorption through intact skin, {} ng/cm2, is below {:g} of {}, {} ng/cm2", amount_text(intact),
                      intact_absorption_floor, reference.what, amount_text(reference.amount))};
}

nlohmann::json figures(const transport::ApplicationResult& result, bool infinite_dose, double donor_concentration) {
  const auto& a = result.final_amounts;
  nlohmann::json json;
  json["absorbed_percent_of_dose"] = infinite_dose || result.applied.si() <= 0.0
                                         ? nlohmann::json(nullptr)
                                         : nlohmann::json(100.0 * absorbed(result) / result.applied);
  json["layers_ng_per_cm2"] = {{"vehicle", ng_per_cm2(a.vehicle)},
                               {"stratum_corneum", ng_per_cm2(a.stratum_corneum)},
                               {"viable_epidermis", ng_per_cm2(a.viable_epidermis)},
                               {"dermis", ng_per_cm2(a.dermis)},
                               {"receptor", ng_per_cm2(a.receptor)}};
  json["cleared_ng_per_cm2"] = ng_per_cm2(a.cleared);
  json["metabolized_ng_per_cm2"] = ng_per_cm2(a.metabolized);
  json["washed_off_ng_per_cm2"] = ng_per_cm2(result.washed_off);
  json["applied_ng_per_cm2"] = ng_per_cm2(result.applied);
  json["mass_balance_relative_error"] = result.mass_balance_relative_error;
  json["peak_viable_epidermis_ng_per_cm3"] = ng_per_cm3(result.peak_viable_epidermis.si());
  json["peak_dermis_ng_per_cm3"] = ng_per_cm3(result.peak_dermis.si());
  json["auc_viable_epidermis_ng_h_per_cm3"] = ng_per_cm3(result.auc_viable_epidermis_kg_s_m3) / 3600.0;
  json["auc_dermis_ng_h_per_cm3"] = ng_per_cm3(result.auc_dermis_kg_s_m3) / 3600.0;
  if (infinite_dose && result.samples.size() >= 2) {
    // Late-time straight line through the last two samples of Q = receptor + cleared.
    const auto& last = result.samples.back();
    const auto& before = result.samples[result.samples.size() - 2];
    const MassPerArea q_last = last.amounts.receptor + last.amounts.cleared;
    const MassPerArea q_before = before.amounts.receptor + before.amounts.cleared;
    const Flux flux = Flux::from_si((q_last - q_before).si() / (last.time - before.time).si());
    json["steady_flux_ng_per_cm2_h"] = ng_per_cm2_h(flux);
    json["kp_cm_per_h"] = flux.si() / donor_concentration / units::centimetre_per_hour.si();
    json["lag_time_h"] = flux.si() > 0.0 ? (last.time.si() - q_last.si() / flux.si()) / 3600.0 : 0.0;
  }
  return json;
}

}  // namespace

nlohmann::json absorb_json(const AbsorbOutcome& outcome) {
  // A donor above its solubility is a saturated suspension: kp refers to what is dissolved.
  const double donor = outcome.donor_concentration.si();
  const double dissolved = std::min(donor, outcome.vehicle_solubility.value_or(outcome.donor_concentration).si());
  nlohmann::json json = figures(outcome.result, outcome.infinite_dose, dissolved);
  json["active"] = outcome.active;
  json["fidelity"] = transport::fidelity_names.name(outcome.fidelity);
  json["cells"] = outcome.cells;
  json["solver"] = outcome.result.statistics.summary();
  nlohmann::json derived = nlohmann::json::array();
  for (const auto& property : outcome.derived) {
    derived.push_back({{"name", property.name},
                       {"value", property.value},
                       {"unit", property.unit},
                       {"correlation", property.correlation}});
  }
  derived.push_back({{"name", "vehicle_water_partition"},
                     {"value", outcome.vehicle_water_partition},
                     {"unit", "1"},
                     {"correlation",
                      "emulsions (cream, lotion): K_v = K_sc/w / K_sc/vehicle, K_sc/vehicle calibrated "
                      "for a cream to Latriano 1997 (data/transport.toml [calibration]); aqueous "
                      "vehicles (gel, serum): K_v = 1 (assumption)"}});
  if (outcome.vehicle_solubility) {
    derived.push_back({{"name", "vehicle_solubility"},
                       {"value", outcome.vehicle_solubility->in(units::milligram_per_millilitre)},
                       {"unit", "mg/mL"},
                       {"correlation",
                        "K_v × water solubility (partitioning at saturation); drug beyond it stays "
                        "undissolved and keeps the vehicle saturated until it has dissolved"}});
    derived.push_back({{"name", "dissolved_fraction_at_application"},
                       {"value", donor > 0.0 ? dissolved / donor : 1.0},
                       {"unit", "1"},
                       {"correlation", "min(1, vehicle solubility / drug concentration in the formulation)"}});
  }
  json["derived"] = derived;
  if (outcome.intact) {
    const Enhancement enhancement = enhancement_of(outcome);
    json["enhancement_ratio"] = enhancement.ratio ? nlohmann::json(*enhancement.ratio) : nlohmann::json(nullptr);
    json["enhancement_ratio_reason"] = enhancement.ratio ? nlohmann::json(nullptr) : nlohmann::json(enhancement.reason);
    json["intact"] = figures(*outcome.intact, outcome.infinite_dose, donor);
  }
  return json;
}

std::string absorb_profile_csv(const transport::ApplicationResult& result) {
  std::string csv = "hours,flux_ng_per_cm2_h,vehicle,stratum_corneum,viable_epidermis,dermis,receptor,cleared\n";
  for (const auto& s : result.samples) {
    const auto& a = s.amounts;
    csv += fmt::format("{:.6g},{:.6g},{:.6g},{:.6g},{:.6g},{:.6g},{:.6g},{:.6g}\n", s.time.in(units::hour),
                       ng_per_cm2_h(s.outflow), ng_per_cm2(a.vehicle), ng_per_cm2(a.stratum_corneum),
                       ng_per_cm2(a.viable_epidermis), ng_per_cm2(a.dermis), ng_per_cm2(a.receptor),
                       ng_per_cm2(a.cleared));
  }
  return csv;
}

std::string absorb_depth_profile_csv(const transport::ApplicationResult& result) {
  std::string csv = "hours,depth_um,concentration_ng_per_cm3\n";
  for (const auto& profile : result.profiles) {
    for (std::size_t k = 0; k < profile.depth_m.size(); ++k) {
      csv += fmt::format("{:.6g},{:.6g},{:.6g}\n", profile.time.in(units::hour), profile.depth_m[k] * 1e6,
                         ng_per_cm3(profile.concentration_kg_m3[k]));
    }
  }
  return csv;
}

std::string absorb_text(const AbsorbOutcome& outcome) {
  const auto& r = outcome.result;
  const auto& a = r.final_amounts;
  std::string text =
      fmt::format("{} ({} fidelity, {} cells) after {:.3g} h, ng/cm2 of skin:\n", outcome.active,
                  transport::fidelity_names.name(outcome.fidelity), outcome.cells,
                  r.samples.empty() ? 0.0 : (r.samples.back().time - r.samples.front().time).in(units::hour));
  text += fmt::format("  vehicle {:.4g}, stratum corneum {:.4g}, viable epidermis {:.4g}, dermis {:.4g}\n",
                      ng_per_cm2(a.vehicle), ng_per_cm2(a.stratum_corneum), ng_per_cm2(a.viable_epidermis),
                      ng_per_cm2(a.dermis));
  text +=
      fmt::format("  receptor {:.4g}, cleared {:.4g}, metabolized {:.4g}, washed off {:.4g}\n", ng_per_cm2(a.receptor),
                  ng_per_cm2(a.cleared), ng_per_cm2(a.metabolized), ng_per_cm2(r.washed_off));
  if (!outcome.infinite_dose && r.applied.si() > 0.0) {
    text += fmt::format("  absorbed (receptor + cleared): {:.3g} % of the dose\n", 100.0 * absorbed(r) / r.applied);
  }
  if (outcome.intact) {
    const Enhancement enhancement = enhancement_of(outcome);
    text += enhancement.ratio ? fmt::format("  enhancement over intact skin: {:.3g}x\n", *enhancement.ratio)
                              : fmt::format("  enhancement over intact skin: not meaningful: {}\n", enhancement.reason);
  }
  text += fmt::format("  mass balance relative error {:.1e}\n", r.mass_balance_relative_error);
  return text;
}

}  // namespace dermasim::report
