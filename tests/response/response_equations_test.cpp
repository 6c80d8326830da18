// Unit tests of each response term (docs/model-response.md): injury pulse half-life, activation
// saturation, tolerance build-up and fading, barrier recovery, injury scaling.
#include "response/response_equations.hpp"

#include <cmath>

#include <gtest/gtest.h>

#include "response/response_simulation.hpp"
#include "response_fixture.hpp"

namespace dermasim::response {
namespace {

using testing::at_day;

using ResponseTerms = testing::ResponseFixture;

TEST_F(ResponseTerms, APulseOfInjuryResolvesWithTheConfiguredHalfLife) {
  ResponseSimulation simulation(parameters, person);
  simulation.add_session(testing::standin_session(1.0, 0, 0.0));
  const Time half_life = parameters.inflammation_half_life;
  // Late enough that the injury signal (time constant 2 h) has passed into inflammation.
  const Time t0 = hours(30.0);

  simulation.advance_to(t0);
  const double first = simulation.state().inflammation;
  simulation.advance_to(t0 + half_life);
  const double second = simulation.state().inflammation;

  EXPECT_NEAR(second / first, 0.5, 0.005);  // the residual injury signal adds < 1 %
}

TEST_F(ResponseTerms, InflammationPeaksWithinHoursOfTheSession) {
  ResponseSimulation simulation(parameters, person);
  simulation.add_session(testing::standin_session(1.0, 0, 0.0));
  double peak = 0.0;
  double peak_hour = 0.0;

  for (int hour = 1; hour <= 48; ++hour) {
    simulation.advance_to(hours(hour));
    if (simulation.state().inflammation > peak) {
      peak = simulation.state().inflammation;
      peak_hour = hour;
    }
  }

  EXPECT_GE(peak_hour, 3.0);  // erythema from 3-6 h (docs/data.md)
  EXPECT_LE(peak_hour, 6.0);
}

TEST_F(ResponseTerms, ActivationSaturatesAtItsMaximumWithHalfAtTheEc50) {
  const ResponseEquations equations(parameters, person);
  const MassPerArea ec50 = parameters.activation_ec50;

  EXPECT_NEAR(equations.activation_target(ec50), 0.5 * parameters.activation_max, 1e-12);
  EXPECT_NEAR(equations.activation_target(1e4 * ec50), parameters.activation_max, 1e-3);
  EXPECT_LT(equations.activation_target(10.0 * ec50), parameters.activation_max);
  EXPECT_DOUBLE_EQ(equations.activation_target(MassPerArea{}), 0.0);
}

TEST_F(ResponseTerms, ActivationFollowsAStepOfExposureThroughItsTwoLags) {
  ResponseSimulation simulation(parameters, person);
  const MassPerArea exposure = parameters.activation_ec50;
  simulation.add_exposure({Time{}, at_day(30), Retinoid::tretinoin, exposure});
  const double tau_r = parameters.activation_signal_time.si();
  const double tau_a = parameters.activation_time.si();
  auto step_response = [&](double t) {  // two first-order lags in series, from rest
    return 1.0 - (tau_a * std::exp(-t / tau_a) - tau_r * std::exp(-t / tau_r)) / (tau_a - tau_r);
  };
  const double target = ResponseEquations(parameters, person).activation_target(exposure);

  simulation.advance_to(hours(6.0));
  const double at_6_h = simulation.state().activation / target;
  simulation.advance_to(hours(24.0));
  const double at_24_h = simulation.state().activation / target;
  simulation.advance_to(hours(48.0));
  const double at_48_h = simulation.state().activation / target;

  EXPECT_NEAR(at_6_h, step_response(6.0 * 3600.0), 1e-12);
  EXPECT_NEAR(at_24_h, step_response(24.0 * 3600.0), 1e-12);
  // CRABP-II mRNA 2.6x at 6 h, 7.8x at 24 h, near steady state by 48 h (PMID 8931868): with a
  // plateau near 9x that is about 20 % and 85 % of the rise.
  EXPECT_NEAR(at_6_h, 0.2, 0.1);
  EXPECT_NEAR(at_24_h, 0.85, 0.1);
  EXPECT_GT(at_48_h, 0.9);
}

TEST_F(ResponseTerms, ToleranceBuildsOverWeeksOfUseAndFadesAfterStopping) {
  ResponseSimulation simulation(parameters, person);
  testing::add_standin_course(simulation, Retinoid::tretinoin, 0.05, 0, 55);
  const Time fade = parameters.tolerance_fade_time;

  simulation.advance_to(at_day(7));
  const double week_1 = simulation.state().tolerance;
  simulation.advance_to(at_day(28));
  const double week_4 = simulation.state().tolerance;
  simulation.advance_to(at_day(56));
  const double week_8 = simulation.state().tolerance;
  simulation.advance_to(at_day(62));  // activation has decayed (time constant 16 h)
  const double after_stop = simulation.state().tolerance;
  simulation.advance_to(at_day(62) + fade);
  const double one_fade_time_later = simulation.state().tolerance;

  EXPECT_LT(week_1, week_4);
  EXPECT_LT(week_4, week_8);
  EXPECT_GT(week_8, 0.6);
  EXPECT_NEAR(one_fade_time_later / after_stop, std::exp(-1.0), 0.005);
}

TEST_F(ResponseTerms, BarrierRecoversWithTheConfiguredTimeAfterASession) {
  ResponseSimulation simulation(parameters, person);
  simulation.add_session(testing::standin_session(1.5, 0, 0.0));
  const Time recovery = parameters.barrier_recovery_time;

  simulation.advance_to(hours(1.0));
  const double deficit_start = 1.0 - simulation.barrier();
  simulation.advance_to(hours(1.0) + recovery);
  const double deficit_later = 1.0 - simulation.barrier();

  EXPECT_GT(deficit_start, 0.5);
  EXPECT_NEAR(deficit_later / deficit_start, std::exp(-1.0), 1e-4);
}

TEST_F(ResponseTerms, BarrierStaysWithinItsBoundsUnderRepeatedDeepSessions) {
  ResponseSimulation simulation(parameters, person);
  for (int day = 0; day < 5; ++day) simulation.add_session(testing::standin_session(3.0, day));
  testing::add_standin_course(simulation, Retinoid::tretinoin, 0.1, 0, 9);

  for (int hour = 1; hour <= 240; ++hour) {
    simulation.advance_to(hours(hour));
    EXPECT_GE(simulation.barrier(), parameters.barrier_min - 1e-9);
    EXPECT_LE(simulation.barrier(), 1.0 + 1e-9);
  }
}

TEST_F(ResponseTerms, InjuryDoseIsProportionalToDepthAndSaturatesInChannelDensity) {
  const ResponseEquations equations(parameters, person);
  SessionInjury session = testing::standin_session(1.0, 0);
  const double reference = equations.injury_dose(session);

  SessionInjury deeper = session;
  deeper.effective_depth = 2.0 * session.effective_depth;
  SessionInjury denser = session;
  denser.passes = 30;  // ten times the channels

  EXPECT_NEAR(equations.injury_dose(deeper) / reference, 2.0, 1e-12);
  EXPECT_GT(equations.injury_dose(denser), reference);
  EXPECT_LT(equations.injury_dose(denser), 10.0 * reference);
}

TEST_F(ResponseTerms, IrritationAndAWeakBarrierAmplifyTheInjuryOfASession) {
  const ResponseEquations equations(parameters, person);
  const SessionInjury session = testing::standin_session(1.0, 0);
  ResponseState irritated;
  irritated.irritation = 1.0;
  irritated.barrier = 0.7;

  const double calm = equations.after_session(ResponseState{}, session).injury_signal;
  const double amplified = equations.after_session(irritated, session).injury_signal;

  const double expected = (1.0 + parameters.inflammation_amplification_per_irritation) *
                          (1.0 + 0.3 * parameters.inflammation_amplification_per_barrier_deficit);
  EXPECT_NEAR(amplified / calm, expected, 1e-12);
}

TEST_F(ResponseTerms, RetinolActsAsTretinoinScaledByItsPotencyRatio) {
  const MassPerArea retinol_amount = 100.0 * units::nanogram_per_square_centimetre;
  ResponseSimulation retinol(parameters, person);
  ResponseSimulation tretinoin(parameters, person);
  retinol.add_exposure({Time{}, at_day(5), Retinoid::retinol, retinol_amount});
  tretinoin.add_exposure({Time{}, at_day(5), Retinoid::tretinoin, parameters.retinol_potency_ratio * retinol_amount});

  retinol.advance_to(at_day(4));
  tretinoin.advance_to(at_day(4));

  EXPECT_NEAR(retinol.state().activation / tretinoin.state().activation, 1.0, 1e-9);
}

}  // namespace
}  // namespace dermasim::response
