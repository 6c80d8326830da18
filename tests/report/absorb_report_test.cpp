// The outputs of `absorb` from a hand-built transport result: absorb.json as a whole value in
// ng/cm² and ng/cm³ (finite dose; infinite dose with its steady flux, kp and lag time;
// micro-needles with the intact comparison), profile.csv, depth_profile.csv and the text.

#include "report/absorb_report.hpp"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "json_near.hpp"

namespace dermasim::report {
namespace {

// Amounts pass through kg/m² and back to ng/cm²: a few ulps of round-off.
constexpr double conversion_tolerance = 1e-12;

MassPerArea kg_per_m2(double ng_per_cm2) { return ng_per_cm2 * units::nanogram_per_square_centimetre; }
Concentration ng_per_cm3(double value) { return value * (units::nanogram / units::cubic_centimetre); }

transport::Sample sample(double hours, double receptor, double cleared, double flux_ng_per_cm2_h) {
  transport::Sample s;
  s.time = hours * units::hour;
  s.amounts.vehicle = kg_per_m2(1000.0 - 50.0 * hours / 24.0);
  s.amounts.receptor = kg_per_m2(receptor);
  s.amounts.cleared = kg_per_m2(cleared);
  s.outflow = flux_ng_per_cm2_h * units::nanogram_per_square_centimetre / units::hour;
  return s;
}

/// 1000 ng/cm² applied; after 24 h: vehicle 900, SC 50, VE 10, dermis 20, receptor 15, cleared 5.
transport::ApplicationResult finite_dose_result() {
  transport::ApplicationResult result;
  result.samples = {sample(0.0, 0.0, 0.0, 0.0), sample(24.0, 15.0, 5.0, 2.0)};
  result.final_amounts = {kg_per_m2(900.0), kg_per_m2(50.0), kg_per_m2(10.0), kg_per_m2(20.0),
                          kg_per_m2(15.0),  kg_per_m2(5.0),  kg_per_m2(1.5),  kg_per_m2(0.0)};
  result.applied = kg_per_m2(1000.0);
  result.washed_off = kg_per_m2(0.5);
  result.peak_viable_epidermis = ng_per_cm3(250.0);
  result.peak_dermis = ng_per_cm3(40.0);
  result.auc_viable_epidermis_kg_s_m3 = ng_per_cm3(100.0).si() * 3600.0;  // 100 ng·h/cm³
  result.auc_dermis_kg_s_m3 = ng_per_cm3(12.0).si() * 3600.0;
  result.mass_balance_relative_error = 3e-15;
  result.profiles = {{24.0 * units::hour, {5e-6, 40e-6}, {ng_per_cm3(1000.0).si(), ng_per_cm3(200.0).si()}}};
  return result;
}

AbsorbOutcome finite_dose_outcome() {
  AbsorbOutcome outcome;
  outcome.active = "caffeine";
  outcome.fidelity = transport::Fidelity::fast;
  outcome.cells = 44;
  outcome.vehicle_water_partition = 1.0;
  outcome.derived = {{"potts_guy_kp", 0.0015, "cm/h", "Potts-Guy"}};
  outcome.result = finite_dose_result();
  return outcome;
}

const nlohmann::json partition_entry = {
    {"name", "vehicle_water_partition"},
    {"value", 1.0},
    {"unit", "1"},
    {"correlation",
     "emulsions (cream, lotion): K_v = K_sc/w / K_sc/vehicle, K_sc/vehicle calibrated for a cream "
     "to Latriano 1997 (data/transport.toml [calibration]); aqueous vehicles (gel, serum): K_v = 1 "
     "(assumption)"}};

nlohmann::json finite_dose_figures() {
  return {{"absorbed_percent_of_dose", 2.0},
          {"layers_ng_per_cm2",
           {{"vehicle", 900.0},
            {"stratum_corneum", 50.0},
            {"viable_epidermis", 10.0},
            {"dermis", 20.0},
            {"receptor", 15.0}}},
          {"cleared_ng_per_cm2", 5.0},
          {"metabolized_ng_per_cm2", 1.5},
          {"washed_off_ng_per_cm2", 0.5},
          {"applied_ng_per_cm2", 1000.0},
          {"mass_balance_relative_error", 3e-15},
          {"peak_viable_epidermis_ng_per_cm3", 250.0},
          {"peak_dermis_ng_per_cm3", 40.0},
          {"auc_viable_epidermis_ng_h_per_cm3", 100.0},
          {"auc_dermis_ng_h_per_cm3", 12.0}};
}

/// absorb.json without `solver`, the integrator's statistics (checked to be a sentence).
nlohmann::json without_solver(nlohmann::json json) {
  EXPECT_TRUE(json.at("solver").is_string());
  json.erase("solver");
  return json;
}

TEST(AbsorbReport, FiniteDoseJsonHasEveryAmountInNanogramsPerSquareCentimetre) {
  nlohmann::json expected = finite_dose_figures();
  expected["active"] = "caffeine";
  expected["fidelity"] = "fast";
  expected["cells"] = 44;
  expected["derived"] = {{{"name", "potts_guy_kp"}, {"value", 0.0015}, {"unit", "cm/h"}, {"correlation", "Potts-Guy"}},
                         partition_entry};

  const nlohmann::json actual = without_solver(absorb_json(finite_dose_outcome()));

  EXPECT_EQ(testing::json_differences(actual, expected, conversion_tolerance), std::vector<std::string>{});
}

TEST(AbsorbReport, InfiniteDoseAddsSteadyFluxPermeabilityAndLagTimeOfTheDissolvedDrug) {
  AbsorbOutcome outcome = finite_dose_outcome();
  outcome.infinite_dose = true;
  outcome.donor_concentration = Concentration::from_si(10.0);                             // 10 mg/mL in the vehicle
  outcome.vehicle_solubility = Concentration::from_si(5.0);                               // half of it dissolves
  outcome.result.samples = {sample(23.0, 10.0, 4.0, 6.0), sample(24.0, 15.0, 5.0, 6.0)};  // Q 14 → 20

  const nlohmann::json actual = without_solver(absorb_json(outcome));

  EXPECT_TRUE(actual["absorbed_percent_of_dose"].is_null());
  EXPECT_NEAR(actual["steady_flux_ng_per_cm2_h"].get<double>(), 6.0, 6.0 * conversion_tolerance);
  EXPECT_NEAR(actual["kp_cm_per_h"].get<double>(), 6.0 / 5e6, 1.2e-6 * conversion_tolerance);  // flux / 5 mg/cm³
  EXPECT_NEAR(actual["lag_time_h"].get<double>(), 24.0 - 20.0 / 6.0, 1e-9);  // where Q's line crosses 0
  const nlohmann::json& derived = actual["derived"];
  ASSERT_EQ(derived.size(), 4u);
  EXPECT_EQ(derived[2]["name"], "vehicle_solubility");
  EXPECT_EQ(derived[2]["value"], 5.0);
  EXPECT_EQ(derived[2]["unit"], "mg/mL");
  EXPECT_EQ(derived[3]["name"], "dissolved_fraction_at_application");
  EXPECT_EQ(derived[3]["value"], 0.5);
}

// The finite dose through micro-needled skin, with its intact-skin control (a tenth of the
// receptor amount).
AbsorbOutcome microneedled_outcome() {
  AbsorbOutcome outcome = finite_dose_outcome();
  transport::ApplicationResult intact = finite_dose_result();
  intact.final_amounts.receptor = kg_per_m2(1.5);
  intact.final_amounts.cleared = kg_per_m2(0.5);
  outcome.intact = intact;
  return outcome;
}

TEST(AbsorbReport, MicroneedlesAddTheIntactFiguresAndTheEnhancement) {
  const AbsorbOutcome outcome = microneedled_outcome();

  const nlohmann::json actual = without_solver(absorb_json(outcome));

  nlohmann::json intact_figures = finite_dose_figures();
  intact_figures["absorbed_percent_of_dose"] = 0.2;
  intact_figures["layers_ng_per_cm2"]["receptor"] = 1.5;
  intact_figures["cleared_ng_per_cm2"] = 0.5;
  EXPECT_EQ(testing::json_differences(actual["intact"], intact_figures, conversion_tolerance),
            std::vector<std::string>{});
  EXPECT_NEAR(actual["enhancement_ratio"].get<double>(), 10.0, 10.0 * conversion_tolerance);  // 20 / 2
  EXPECT_TRUE(actual["enhancement_ratio_reason"].is_null());
}

/// The finite-dose outcome with micro-needles, whose intact skin absorbed `intact_ng_per_cm2`.
AbsorbOutcome with_intact_absorption(double intact_ng_per_cm2) {
  AbsorbOutcome outcome = finite_dose_outcome();
  transport::ApplicationResult intact = finite_dose_result();
  intact.final_amounts.receptor = kg_per_m2(intact_ng_per_cm2);
  intact.final_amounts.cleared = kg_per_m2(0.0);
  outcome.intact = intact;
  return outcome;
}

// Issue 19: 2.1e43x was printed for an intact-skin absorption at the solver's round-off.
TEST(AbsorbReport, AnIntactAbsorptionBelowAMillionthOfTheDoseGivesNoRatio) {
  for (const double intact : {0.0, 1e-40, 9.9e-4}) {  // the dose is 1000 ng/cm2
    const AbsorbOutcome outcome = with_intact_absorption(intact);

    const nlohmann::json json = absorb_json(outcome);

    EXPECT_TRUE(json["enhancement_ratio"].is_null()) << intact;
    const std::string reason = json["enhancement_ratio_reason"];
    EXPECT_NE(reason.find("is below 1e-06 of the dose, 1000 ng/cm2"), std::string::npos) << reason;
    EXPECT_NE(absorb_text(outcome).find("enhancement over intact skin: not meaningful: absorption through intact "
                                        "skin"),
              std::string::npos)
        << absorb_text(outcome);
  }
}

TEST(AbsorbReport, AnIntactAbsorptionAtTheFloorStillGivesTheRatio) {
  const nlohmann::json json = absorb_json(with_intact_absorption(1e-3));

  EXPECT_NEAR(json["enhancement_ratio"].get<double>(), 20.0 / 1e-3, 20.0 / 1e-3 * 1e-9);
  EXPECT_TRUE(json["enhancement_ratio_reason"].is_null());
}

TEST(AbsorbReport, AnInfiniteDoseMeasuresTheIntactAbsorptionAgainstTheUptakeWithNeedles) {
  AbsorbOutcome outcome = with_intact_absorption(1e-5);  // uptake with needles: 50 + 10 + 20 + 20 = 100
  outcome.infinite_dose = true;

  const nlohmann::json json = absorb_json(outcome);

  EXPECT_TRUE(json["enhancement_ratio"].is_null());
  const std::string reason = json["enhancement_ratio_reason"];
  EXPECT_NE(reason.find("below 1e-06 of the uptake with micro-needles, 100 ng/cm2"), std::string::npos) << reason;
  outcome.intact->final_amounts.receptor = kg_per_m2(1e-3);
  EXPECT_FALSE(absorb_json(outcome)["enhancement_ratio"].is_null());
}

TEST(AbsorbReport, ProfilesAreOneRowPerSampleAndPerDepth) {
  EXPECT_EQ(absorb_profile_csv(finite_dose_result()),
            "hours,flux_ng_per_cm2_h,vehicle,stratum_corneum,viable_epidermis,dermis,receptor,cleared\n"
            "0,0,1000,0,0,0,0,0\n"
            "24,2,950,0,0,0,15,5\n");
  EXPECT_EQ(absorb_depth_profile_csv(finite_dose_result()),
            "hours,depth_um,concentration_ng_per_cm3\n"
            "24,5,1000\n"
            "24,40,200\n");
}

TEST(AbsorbReport, TextGivesTheAmountsTheAbsorbedShareAndTheMassBalance) {
  const AbsorbOutcome outcome = microneedled_outcome();

  EXPECT_EQ(absorb_text(outcome),
            "caffeine (fast fidelity, 44 cells) after 24 h, ng/cm2 of skin:\n"
            "  vehicle 900, stratum corneum 50, viable epidermis 10, dermis 20\n"
            "  receptor 15, cleared 5, metabolized 1.5, washed off 0.5\n"
            "  absorbed (receptor + cleared): 2 % of the dose\n"
            "  enhancement over intact skin: 10x\n"
            "  mass balance relative error 3.0e-15\n");
}

}  // namespace
}  // namespace dermasim::report
