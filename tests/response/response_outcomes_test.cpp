// Tests of the clinical scores and outcome summary (docs/model-response.md, docs/file-formats.md
// summary.json).
#include "response/response_outcomes.hpp"

#include <gtest/gtest.h>

#include "response_test_support.hpp"

namespace dermasim::response {
namespace {

using testing::at_day;

class ResponseOutcomesTest : public ::testing::Test {
 protected:
  ResponseParameters parameters = testing::load_response_parameters();
  PersonTraits person;
};

TEST_F(ResponseOutcomesTest, ErythemaAndIrritationScoresAreCappedAtFour) {
  ResponseState state;
  state.inflammation = 100.0;
  state.irritation = 9.0;

  EXPECT_DOUBLE_EQ(erythema_score(state, parameters), 4.0);
  EXPECT_DOUBLE_EQ(irritation_score(state), 4.0);
}

TEST_F(ResponseOutcomesTest, ImprovementsOfTheBaselineAgainstItselfAreZero) {
  const ConcernImprovements none = concern_improvements(ResponseState{}, ResponseState{}, parameters);

  EXPECT_DOUBLE_EQ(none.acne_scars, 0.0);
  EXPECT_DOUBLE_EQ(none.fine_lines, 0.0);
  EXPECT_DOUBLE_EQ(none.hyperpigmentation, 0.0);
  EXPECT_DOUBLE_EQ(none.texture, 0.0);
  EXPECT_DOUBLE_EQ(none.enlarged_pores, 0.0);
  EXPECT_DOUBLE_EQ(none.acne, 0.0);
}

TEST_F(ResponseOutcomesTest, SummaryCountsErythemaDaysAndEachSessionsRecovery) {
  ResponseSimulation simulation(parameters, person);
  simulation.add_session(testing::standin_session(1.5, 2));
  simulation.add_session(testing::standin_session(0.5, 20));
  simulation.advance_to(at_day(30));

  const ResponseOutcomes outcomes = summarize(simulation);

  int ge_1 = 0;
  double peak = 0.0;
  for (const DailyResponse& day : simulation.days()) {
    if (day.erythema >= 1.0) ++ge_1;
    peak = std::max(peak, day.erythema);
  }
  EXPECT_EQ(outcomes.days_erythema_ge_1, ge_1);
  EXPECT_DOUBLE_EQ(outcomes.peak_erythema, peak);
  ASSERT_EQ(outcomes.per_session.size(), 2u);
  EXPECT_EQ(outcomes.per_session[0].session_day, 2);
  ASSERT_TRUE(outcomes.per_session[0].days_to_erythema_below_1.has_value());
  const int below = *outcomes.per_session[0].days_to_erythema_below_1;
  EXPECT_LT(simulation.days()[2 + below].erythema, 1.0);
  EXPECT_GE(simulation.days()[2 + below - 1].erythema, 1.0);
  EXPECT_GT(outcomes.per_session[0].peak_erythema, outcomes.per_session[1].peak_erythema);
  EXPECT_GT(outcomes.collagen_change_percent, 0.0);
  EXPECT_GT(outcomes.pih_risk, 0.0);
  EXPECT_LT(outcomes.pih_risk, 1.0);
}

}  // namespace
}  // namespace dermasim::response
