// Scenario tests of the coupled model (issue 5): the claims of docs/validation.md, "Coupled model",
// shown quantitatively with the catalogues' parameters and the transport engine's exposure.

#include "simulate/regimen_simulation.hpp"

#include <gtest/gtest.h>

#include "io/catalogue_reader.hpp"
#include "io/response_catalogue.hpp"
#include "io/scenario_reader.hpp"
#include "io/transport_catalogue.hpp"

namespace dermasim::simulate {
namespace {

struct Fixture {
  regimen::Catalogue catalogue = io::load_catalogue(std::nullopt);
  ModelParameters parameters{io::load_transport_catalogue(std::nullopt).parameters,
                             io::load_response_catalogue(std::nullopt).parameters};
};

const Fixture& fixture() {
  static const Fixture loaded;
  return loaded;
}

struct ScenarioText {
  int fitzpatrick = 3;
  std::string retinoid;  // "", "tretinoin" or "retinol"
  double strength = 0.05;
  std::string pause_from = "2027-01-09";  // the washout: last application the evening before
  bool session = true;
  double needle_mm = 1.0;
  int days = 180;

  [[nodiscard]] std::string toml() const {
    std::string text = "[scenario]\nname = \"test\"\nstart = 2026-12-01\ndays = " + std::to_string(days) +
                       "\n[person]\nfitzpatrick = " + std::to_string(fitzpatrick) +
                       "\nsite = \"cheek\"\nconcerns = [\"acne_scars\", \"fine_lines\", \"hyperpigmentation\"]\n"
                       "sensitivity = \"normal\"\n"
                       "[[product]]\nid = \"spf\"\nactive = \"sunscreen\"\nvehicle = \"lotion\"\nschedule = "
                       "\"morning\"\nfrom = 2026-12-01\n";
    if (!retinoid.empty()) {
      text += "[[product]]\nid = \"r\"\nactive = \"" + retinoid + "\"\nstrength_percent = " + std::to_string(strength) +
              "\nvehicle = \"cream\"\nschedule = \"nightly\"\nfrom = 2026-12-01\n";
      if (session) text += "[[pause]]\nproducts = [\"r\"]\nfrom = " + pause_from + "\nuntil = 2027-01-17\n";
    }
    if (session)
      text += "[[session]]\ndate = 2027-01-15\ndevice = \"pen\"\nneedle_mm = " + std::to_string(needle_mm) + "\n";
    return text;
  }
};

SimulationResult run(const ScenarioText& scenario) {
  const auto regimen = io::read_scenario(scenario.toml(), "test.scenario.toml", fixture().catalogue);
  return simulate_regimen(regimen, fixture().catalogue, fixture().parameters, transport::Fidelity::fast);
}

TEST(RegimenSimulation, RednessAfterAOneMillimetreSessionSettlesWithinOneToThreeDays) {
  for (const double needle : {0.5, 1.0, 1.5}) {
    ScenarioText scenario;
    scenario.needle_mm = needle;
    scenario.days = 90;

    const auto result = run(scenario);

    ASSERT_EQ(result.outcomes.per_session.size(), 1u);
    const auto& session = result.outcomes.per_session[0];
    ASSERT_TRUE(session.days_to_erythema_below_1.has_value());
    EXPECT_GE(*session.days_to_erythema_below_1, 1) << needle;
    EXPECT_LE(*session.days_to_erythema_below_1, 3) << needle;  // docs/validation.md R1
  }
}

TEST(RegimenSimulation, TretinoinUpToTheDayBeforeGivesHigherAndLongerRednessThanAWeeksWashout) {
  ScenarioText washout;
  washout.retinoid = "tretinoin";
  washout.days = 90;
  ScenarioText none = washout;
  none.pause_from = "2027-01-15";  // last application the evening of Jan 14

  const auto with_washout = run(washout);
  const auto without = run(none);

  EXPECT_GT(without.outcomes.per_session.at(0).peak_erythema,
            with_washout.outcomes.per_session.at(0).peak_erythema * 1.05);
  // Redness lasts longer: each of the three days after the session (Jan 16-18) is redder.
  for (const int day : {46, 47, 48})
    EXPECT_GT(without.days.at(day).response.erythema, with_washout.days.at(day).response.erythema * 1.05) << day;
}

TEST(RegimenSimulation, TretinoinWithMicroneedlingBuildsMoreCollagenAtSixMonthsThanEitherAlone) {
  ScenarioText combined;
  combined.retinoid = "tretinoin";
  ScenarioText tretinoin_only = combined;
  tretinoin_only.session = false;
  ScenarioText needling_only;

  const double both = run(combined).outcomes.collagen_change_percent;
  const double tretinoin = run(tretinoin_only).outcomes.collagen_change_percent;
  const double needling = run(needling_only).outcomes.collagen_change_percent;

  EXPECT_GT(tretinoin, 0.0);
  EXPECT_GT(needling, 0.0);
  EXPECT_GT(both, tretinoin);
  EXPECT_GT(both, needling);
}

TEST(RegimenSimulation, RetinolActsLikeAWeakerTretinoin) {
  ScenarioText tretinoin;
  tretinoin.retinoid = "tretinoin";
  tretinoin.session = false;
  tretinoin.days = 84;
  ScenarioText retinol = tretinoin;
  retinol.retinoid = "retinol";
  retinol.strength = 0.05;  // the same strength: retinol must act less
  ScenarioText nothing = tretinoin;
  nothing.retinoid.clear();

  const auto t = run(tretinoin).outcomes;
  const auto r = run(retinol).outcomes;
  const auto n = run(nothing).outcomes;

  EXPECT_LT(r.peak_irritation, t.peak_irritation);
  EXPECT_LT(r.collagen_change_percent, t.collagen_change_percent);
  EXPECT_GE(r.collagen_change_percent, n.collagen_change_percent);
  EXPECT_GT(r.improvement_percent.fine_lines, n.improvement_percent.fine_lines);
}

TEST(RegimenSimulation, DarkerSkinTypesCarryAHigherRiskOfPostInflammatoryHyperpigmentation) {
  ScenarioText light;
  light.fitzpatrick = 2;
  light.needle_mm = 1.5;
  light.days = 90;
  ScenarioText dark = light;
  dark.fitzpatrick = 5;

  EXPECT_GT(run(dark).outcomes.pih_risk, 1.5 * run(light).outcomes.pih_risk);  // model prediction (R11)
}

TEST(RegimenSimulation, GivesOneDailyRecordPerScenarioDayAndRepeatsExactly) {
  ScenarioText scenario;
  scenario.retinoid = "tretinoin";
  scenario.days = 60;

  const auto first = run(scenario);
  const auto second = run(scenario);

  ASSERT_EQ(first.days.size(), 60u);
  EXPECT_EQ(first.days.front().date, make_date(2026, 12, 1));
  EXPECT_EQ(first.days.back().date, make_date(2027, 1, 29));
  EXPECT_EQ(first.outcomes.collagen_change_percent, second.outcomes.collagen_change_percent);
  EXPECT_GT(first.n_retinoid_applications, 50);
  EXPECT_GT(first.retinoid_applied.si(), 0.0);
}

}  // namespace
}  // namespace dermasim::simulate
