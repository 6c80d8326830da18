// What a population run prints on stderr while it runs (issue 19: 2^20 people ran 80 minutes
// without a word): the expected time of a long run, a line every 10 %, nothing for a short run.

#include "report/run_progress.hpp"

#include <gtest/gtest.h>

namespace dermasim::report {
namespace {

TEST(RunProgress, SaysNothingBeforeTheFirstItemsAreTimed) {
  RunProgress progress("people");

  EXPECT_EQ(progress.update(0, 1000, 0.1), "");
  EXPECT_EQ(progress.update(300, 1000, 1.9), "");
}

TEST(RunProgress, ALongRunAnnouncesItsExpectedTimeOnceThenALineEveryTenPercent) {
  RunProgress progress("people");
  const int total = 1 << 20;

  // 500 people in 2 s: 2^20 people take about 70 minutes.
  EXPECT_EQ(progress.update(500, total, 2.0),
            "Expected time: about 70 min for 1048576 people (timed from the first 500 in 2 s); a progress line "
            "follows every 10 %.\n");
  EXPECT_EQ(progress.update(50000, total, 200.0), "");
  EXPECT_EQ(progress.update(104857, total, 419.9), "");  // a hair below 10 %
  EXPECT_EQ(progress.update(104858, total, 420.0), "10 %: 104858 of 1048576 people in 7 min, about 63 min left.\n");
  EXPECT_EQ(progress.update(104859, total, 421.0), "");
  // A jump over several steps prints the step reached, once.
  EXPECT_EQ(progress.update(total / 2, total, 2100.0),
            "50 %: 524288 of 1048576 people in 35 min, about 35 min left.\n");
  EXPECT_EQ(progress.update(total, total, 4200.0), "100 %: all 1048576 people in 70 min.\n");
}

TEST(RunProgress, AShortRunGivesItsStepsWithoutAnExpectedTime) {
  RunProgress progress("people");

  EXPECT_EQ(progress.update(500, 1000, 2.0), "50 %: 500 of 1000 people in 2 s, about 2 s left.\n");
  EXPECT_EQ(progress.update(990, 1000, 3.96), "90 %: 990 of 1000 people in 4 s, less than 1 s left.\n");
  EXPECT_EQ(progress.update(1000, 1000, 4.0), "100 %: all 1000 people in 4 s.\n");
}

TEST(RunProgress, ARunOverBeforeTheFirstEstimatePrintsNothing) {
  RunProgress progress("people");

  EXPECT_EQ(progress.update(4, 4, 0.2), "");
}

TEST(RunProgress, DurationsHaveThePrecisionAWaitNeeds) {
  EXPECT_EQ(duration_text(0.4), "less than 1 s");
  EXPECT_EQ(duration_text(45.2), "45 s");
  EXPECT_EQ(duration_text(89.0), "89 s");
  EXPECT_EQ(duration_text(12 * 60.0 + 10.0), "12 min");
  EXPECT_EQ(duration_text(80 * 60.0), "80 min");
  EXPECT_EQ(duration_text(4800.0 + 30 * 60.0), "1 h 50 min");
}

}  // namespace
}  // namespace dermasim::report
