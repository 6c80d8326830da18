// A regimen as JSON with the scenario format's keys (summary.json's `regimen`): every field of
// a hand-built regimen, with the optional keys present only when the scenario gave them.

#include "report/regimen_json.hpp"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

namespace dermasim::report {
namespace {

using namespace regimen;

Regimen two_phase_regimen() {
  Regimen regimen;
  regimen.name = "ramp";
  regimen.start = make_date(2027, 1, 4);
  regimen.days = 90;
  regimen.person.fitzpatrick = 4;
  regimen.person.site = Site::chin;
  regimen.person.concerns = {Concern::acne_scars, Concern::texture};
  regimen.person.sensitivity = Sensitivity::high;
  regimen.person.breastfeeding = true;
  regimen.person.conditions = {Condition::herpes_history};
  Product tretinoin{"tret",
                    Active::tretinoin,
                    0.025,
                    Vehicle::cream,
                    2.0,
                    true,
                    Schedule::every_other_night,
                    make_date(2027, 1, 4),
                    make_date(2027, 1, 31)};
  Product serum{"ha",  Active::hyaluronic_acid, std::nullopt,          Vehicle::serum, 1.5,
                false, Schedule::after_session, make_date(2027, 1, 4), std::nullopt};
  regimen.products = {tretinoin, serum};
  regimen.pauses = {{{"tret"}, make_date(2027, 1, 12), make_date(2027, 1, 20)}};
  regimen.sessions = {{make_date(2027, 1, 18), Device::roller, 0.5, 15, false, 2.0, {"ha"}}};
  return regimen;
}

TEST(RegimenJson, WritesEveryFieldWithTheScenarioKeys) {
  const nlohmann::json expected = {
      {"scenario", {{"name", "ramp"}, {"start", "2027-01-04"}, {"days", 90}}},
      {"person",
       {{"fitzpatrick", 4},
        {"site", "chin"},
        {"concerns", {"acne_scars", "texture"}},
        {"sensitivity", "high"},
        {"pregnant", false},
        {"breastfeeding", true},
        {"conditions", {"herpes_history"}}}},
      {"product",
       {{{"id", "tret"},
         {"active", "tretinoin"},
         {"strength_percent", 0.025},
         {"vehicle", "cream"},
         {"amount_mg_per_cm2", 2.0},
         {"schedule", "every_other_night"},
         {"from", "2027-01-04"},
         {"until", "2027-01-31"}},
        {{"id", "ha"},
         {"active", "hyaluronic_acid"},
         {"vehicle", "serum"},
         {"amount_mg_per_cm2", 1.5},
         {"schedule", "after_session"},
         {"from", "2027-01-04"}}}},
      {"pause", {{{"products", {"tret"}}, {"from", "2027-01-12"}, {"until", "2027-01-20"}}}},
      {"session",
       {{{"date", "2027-01-18"},
         {"device", "roller"},
         {"needle_mm", 0.5},
         {"passes", 15},
         {"occlusion_hours", 2.0},
         {"after", {"ha"}}}}}};

  EXPECT_EQ(regimen_json(two_phase_regimen()), expected);
}

TEST(RegimenJson, AddsTheAgeAndTheIsotretinoinDateOnlyWhenGiven) {
  Regimen regimen = two_phase_regimen();
  EXPECT_FALSE(regimen_json(regimen)["person"].contains("age_years"));
  EXPECT_FALSE(regimen_json(regimen)["person"].contains("isotretinoin_last_dose"));

  regimen.person.age_years = 52;
  regimen.person.age_is_default = false;
  regimen.person.isotretinoin_last_dose = make_date(2026, 9, 1);
  const nlohmann::json person = regimen_json(regimen)["person"];

  EXPECT_EQ(person["age_years"], 52);
  EXPECT_EQ(person["isotretinoin_last_dose"], "2026-09-01");
}

}  // namespace
}  // namespace dermasim::report
