// Tests of ResponseSimulation, the event-driven integration the simulate layer drives
// (docs/model-response.md; events are stops).
#include "response/response_simulation.hpp"

#include <cmath>

#include <gtest/gtest.h>

#include "core/error.hpp"
#include "response_fixture.hpp"

namespace dermasim::response {
namespace {

using testing::at_day;

using ResponseSimulationTest = testing::ResponseFixture;

TEST_F(ResponseSimulationTest, AnUntreatedPersonStaysAtBaseline) {
  ResponseSimulation simulation(parameters, person);

  simulation.advance_to(at_day(30));

  const ResponseState s = simulation.state();
  EXPECT_NEAR(s.barrier, 1.0, 1e-9);
  EXPECT_NEAR(s.pigment, 1.0, 1e-9);
  EXPECT_NEAR(s.acne_lesions, 1.0, 1e-9);
  EXPECT_NEAR(s.mature_collagen, 0.0, 1e-9);
  EXPECT_EQ(simulation.days().size(), 30u);
}

TEST_F(ResponseSimulationTest, RecordsErythemaAsTheDailyMaximumOfItsSamples) {
  ResponseSimulation simulation(parameters, person);
  simulation.add_session(testing::standin_session(1.0, 1));
  std::vector<double> hourly_max(4, 0.0);

  for (int hour = 0; hour <= 4 * 24; ++hour) {
    simulation.advance_to(hours(hour));
    const int day = std::min(hour / 24, 3);
    hourly_max[day] = std::max(hourly_max[day], simulation.erythema());
    if (hour % 24 == 0 && hour > 0) hourly_max[day - 1] = std::max(hourly_max[day - 1], simulation.erythema());
  }

  ASSERT_EQ(simulation.days().size(), 4u);
  for (int day = 0; day < 4; ++day) EXPECT_NEAR(simulation.days()[day].erythema, hourly_max[day], 1e-9);
  EXPECT_GT(simulation.days()[1].erythema, 1.0);
}

TEST_F(ResponseSimulationTest, AdvancingInStepsGivesTheSameStateAsSchedulingAhead) {
  // The simulate layer's loop: advance to the application, ask transport, add the exposure.
  // Tight tolerances: the two runs stop CVODE at different times, and this checks the event
  // logic, not the integration error.
  const ResponseSettings tight{hours(1.0), {1e-9, 1e-12}};
  ResponseSimulation stepped(parameters, person, tight);
  ResponseSimulation ahead(parameters, person, tight);
  testing::add_standin_course(ahead, Retinoid::tretinoin, 0.05, 0, 20);
  ahead.add_session(testing::standin_session(1.0, 10));
  stepped.add_session(testing::standin_session(1.0, 10));

  for (int day = 0; day <= 20; ++day) {
    stepped.advance_to(at_day(day, 22.0));
    testing::add_standin_application(stepped, Retinoid::tretinoin, 0.05, day);
  }
  stepped.advance_to(at_day(25));
  ahead.advance_to(at_day(25));

  const auto a = stepped.state().to_array();
  const auto b = ahead.state().to_array();
  for (std::size_t i = 0; i < a.size(); ++i) EXPECT_NEAR(a[i], b[i], 1e-6 * (1.0 + std::abs(b[i]))) << i;
}

TEST_F(ResponseSimulationTest, BarrierAtInterpolatesThePastAndIncludesTheSessionDrop) {
  ResponseSimulation simulation(parameters, person);
  simulation.add_session(testing::standin_session(1.0, 0, 6.0));

  simulation.advance_to(hours(6.0));
  const double right_after = simulation.barrier();
  simulation.advance_to(at_day(3));

  EXPECT_LT(right_after, 0.6);
  EXPECT_NEAR(simulation.barrier_at(hours(6.0)), right_after, 1e-12);
  EXPECT_NEAR(simulation.barrier_at(hours(5.0)), 1.0, 1e-9);
  EXPECT_NEAR(simulation.barrier_at(at_day(3)), simulation.barrier(), 1e-12);
  const double between = simulation.barrier_at(hours(30.5));
  EXPECT_GT(between, simulation.barrier_at(hours(30.0)));
  EXPECT_LT(between, simulation.barrier_at(hours(31.0)));
}

TEST_F(ResponseSimulationTest, OpenChannelsCloseWithTheSessionsClosureTime) {
  ResponseSimulation simulation(parameters, person);
  const SessionInjury session = testing::standin_session(1.0, 0, 0.0);
  simulation.add_session(session);

  const auto at_closure_time = simulation.open_channels(session.channel_closure_time);
  const auto long_after = simulation.open_channels(at_day(2));
  const auto before = simulation.open_channels(Time{} - hours(1.0));

  ASSERT_EQ(at_closure_time.size(), 1u);
  EXPECT_NEAR(at_closure_time[0].open_fraction, std::exp(-1.0), 1e-12);
  EXPECT_NEAR(at_closure_time[0].channel_density.si(), session.channel_density().si(), 1e-6);
  EXPECT_TRUE(long_after.empty());
  EXPECT_TRUE(before.empty());
}

TEST_F(ResponseSimulationTest, RejectsADriveScheduledBeforeTheCurrentTime) {
  ResponseSimulation simulation(parameters, person);
  simulation.advance_to(at_day(2));

  EXPECT_THROW(simulation.add_session(testing::standin_session(1.0, 1)), InternalError);
  EXPECT_THROW(simulation.advance_to(at_day(1)), InternalError);
}

TEST_F(ResponseSimulationTest, SunscreenLowersPigmentOnlyFromTheDayItStarts) {
  ResponseSimulation with(parameters, person);
  ResponseSimulation without(parameters, person);
  with.set_sunscreen({at_day(10), true});

  with.advance_to(at_day(60));
  without.advance_to(at_day(60));

  EXPECT_NEAR(with.days()[9].pigment_index, 1.0, 1e-9);
  EXPECT_LT(with.days()[59].pigment_index, without.days()[59].pigment_index - 0.05);
}

TEST_F(ResponseSimulationTest, SettingSunscreenEveryDayGivesTheSameResponseAsSettingItOnce) {
  ResponseSimulation daily(parameters, person);
  ResponseSimulation once(parameters, person);
  for (int day = 0; day < 40; ++day) daily.set_sunscreen({at_day(day), true});
  once.set_sunscreen({Time{}, true});
  testing::add_standin_course(daily, Retinoid::tretinoin, 0.05, 0, 39);
  testing::add_standin_course(once, Retinoid::tretinoin, 0.05, 0, 39);

  daily.advance_to(at_day(40));
  once.advance_to(at_day(40));

  EXPECT_NEAR(daily.state().pigment, once.state().pigment, 1e-12);  // no extra stops at all
  EXPECT_EQ(daily.integrator_statistics().reinitializations, once.integrator_statistics().reinitializations);
}

}  // namespace
}  // namespace dermasim::response
