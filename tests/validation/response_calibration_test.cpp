// The three response targets docs/validation.md marks **calibrate** (R4, R6, R10): each test
// re-runs the calibration case and checks that the calibrated parameter in
// data/response.toml still reproduces its target (docs/model-response.md, "Calibration").
#include <iostream>

#include <gtest/gtest.h>

#include "response/response_outcomes.hpp"
#include "response_test_support.hpp"

namespace dermasim::response {
namespace {

using testing::at_day;

const ResponseParameters& parameters() { return testing::committed_response_parameters(); }

// R4: collagen I formation +80 % after 10-12 months of daily tretinoin 0.1 % (Griffiths 1993
// NEJM). Calibrated: collagen_synthesis_gain_per_activation. Formation = mean over days
// 300-330 (month 11); tolerance 5 % of the target. Content rises more slowly than formation.
TEST(CollagenWithTretinoin, FormationRises80PercentAfterElevenMonthsOfDaily0point1Percent) {
  ResponseSimulation simulation(parameters(), PersonTraits{});
  testing::add_standin_course(simulation, Retinoid::tretinoin, 0.1, 0, 335);

  simulation.advance_to(at_day(331));

  const double formation = testing::mean_over_days(simulation, &DailyResponse::collagen_formation_percent, 300, 330);
  const double content = simulation.days()[330].collagen_change_percent;
  std::cout << "R4 formation " << formation << " % (target 80 %), content " << content << " %\n";
  EXPECT_NEAR(formation, 80.0, 4.0);
  EXPECT_GT(content, 0.0);
  EXPECT_LT(content, formation);
}

// R6: epidermal pigment -36 % after 40 weeks of tretinoin 0.1 % (Griffiths 1993 Br J
// Dermatol). Calibrated: melanogenesis_inhibition_per_activation. Both arms use daily
// sunscreen, so the ratio isolates the retinoid; tolerance 2 percentage points.
TEST(PigmentWithTretinoin, EpidermalPigmentFalls36PercentAfter40WeeksOf0point1Percent) {
  ResponseSimulation treated(parameters(), PersonTraits{});
  ResponseSimulation reference(parameters(), PersonTraits{});
  testing::add_daily_sunscreen(treated);
  testing::add_daily_sunscreen(reference);
  testing::add_standin_course(treated, Retinoid::tretinoin, 0.1, 0, 285);

  treated.advance_to(at_day(281));
  reference.advance_to(at_day(281));

  const double change = 100.0 * (treated.days()[280].pigment_index / reference.days()[280].pigment_index - 1.0);
  std::cout << "R6 epidermal pigment change " << change << " % (target -36 %)\n";
  EXPECT_NEAR(change, -36.0, 2.0);
}

// R10: global scar score -3.4 at 6 months after 3 sessions 2 weeks apart (Alam 2014), as a
// percent of the trial's baseline score. The baseline mean is not in the sources available
// to us (abstract only): ASSUMED 12 points, giving 28.3 %; docs/model-response.md flags it.
// Alam used a roller of unreported needle length: its sessions are taken as 1.5 mm (median
// needle of scar studies, Harris 2015) at the pen's depth fraction (human histology: channel
// depth about the needle length, Sasaki 2019), not the catalogue roller's rat-derived 0.198.
// Calibrated: scar_improvement_per_collagen_percent. Tolerance 10 % of the target.
TEST(ScarOutcome, ThreeSessionsTwoWeeksApartImproveScarsAsInTheTrialAtSixMonths) {
  constexpr double alam_change_points = 3.4;
  constexpr double alam_baseline_points_assumed = 12.0;
  const double target = 100.0 * alam_change_points / alam_baseline_points_assumed;
  ResponseSimulation simulation(parameters(), PersonTraits{});
  for (int day : {0, 14, 28}) simulation.add_session(testing::standin_session(1.5, day));

  simulation.advance_to(at_day(91));
  const double at_3_months = summarize(simulation).improvement_percent.acne_scars;
  simulation.advance_to(at_day(183));
  const double at_6_months = summarize(simulation).improvement_percent.acne_scars;

  std::cout << "R10 scar improvement " << at_6_months << " % at 6 months (target " << target << " %), " << at_3_months
            << " % at 3 months (trial: 2.4/3.4 of the 6-month change)\n";
  EXPECT_NEAR(at_6_months, target, 0.1 * target);
  EXPECT_LT(at_3_months, at_6_months);
}

}  // namespace
}  // namespace dermasim::response
