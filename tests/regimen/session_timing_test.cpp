#include "regimen/session_timing.hpp"

#include <gtest/gtest.h>

#include "built_in_catalogue.hpp"

namespace dermasim::regimen {
namespace {

const RuleTable& rules() { return test_support::built_in_catalogue().rules; }

// Nightly tretinoin from 2027-01-01 to 2027-01-31, paused 2027-01-09 .. 2027-01-17 around a
// session on 2027-01-15: last evening 01-08 (7 days before), first evening 01-18 (3 days after).
Regimen washout_regimen() {
  Regimen regimen;
  regimen.start = make_date(2027, 1, 1);
  regimen.days = 31;
  Product tretinoin;
  tretinoin.id = "tret";
  tretinoin.active = Active::tretinoin;
  tretinoin.strength_percent = 0.05;
  tretinoin.schedule = Schedule::nightly;
  tretinoin.from = regimen.start;
  Product sunscreen;
  sunscreen.id = "spf";
  sunscreen.active = Active::sunscreen;
  sunscreen.schedule = Schedule::morning;
  sunscreen.from = regimen.start;
  regimen.products = {tretinoin, sunscreen};
  regimen.pauses = {Pause{{"tret"}, make_date(2027, 1, 9), make_date(2027, 1, 17)}};
  Session session;
  session.date = make_date(2027, 1, 15);
  regimen.sessions = {session};
  return regimen;
}

TEST(SessionTiming, GivesTheLastRetinoidEveningBeforeAndTheFirstAfterASession) {
  const auto timings = session_timings(washout_regimen(), rules());

  ASSERT_EQ(timings.size(), 1u);
  ASSERT_TRUE(timings[0].last_before && timings[0].first_after);
  EXPECT_EQ(timings[0].last_before->date, make_date(2027, 1, 8));
  EXPECT_EQ(timings[0].last_before->days_from_session, 7);
  EXPECT_EQ(timings[0].last_before->product_id, "tret");  // sunscreen is no retinoid
  EXPECT_EQ(timings[0].first_after->date, make_date(2027, 1, 18));
  EXPECT_EQ(timings[0].first_after->days_from_session, 3);
  EXPECT_FALSE(timings[0].suggested_pause.has_value());  // 7 days before, 3 after: the rules hold
}

TEST(SessionTiming, AnEveningApplicationOnTheSessionDayComesAfterIt) {
  Regimen regimen = washout_regimen();
  regimen.pauses.clear();

  const auto timings = session_timings(regimen, rules());

  ASSERT_TRUE(timings[0].last_before && timings[0].first_after);
  EXPECT_EQ(timings[0].last_before->date, make_date(2027, 1, 14));
  EXPECT_EQ(timings[0].first_after->date, make_date(2027, 1, 15));
  EXPECT_EQ(timings[0].first_after->days_from_session, 0);
  // The built-in rules: stop 7 days before (recommended), resume 3 days after a 1 mm session.
  ASSERT_TRUE(timings[0].suggested_pause.has_value());
  EXPECT_EQ(timings[0].suggested_pause->products, std::vector<std::string>{"tret"});
  EXPECT_EQ(timings[0].suggested_pause->from, make_date(2027, 1, 9));
  EXPECT_EQ(timings[0].suggested_pause->until, make_date(2027, 1, 17));
}

TEST(SessionTiming, TheSuggestedPauseFollowsAnEditedTable) {
  Regimen regimen = washout_regimen();
  regimen.pauses.clear();
  RuleTable strict = rules();
  strict.tretinoin_washout_short.recommended_days = 14;

  const auto timings = session_timings(regimen, strict);

  ASSERT_TRUE(timings[0].suggested_pause.has_value());
  EXPECT_EQ(timings[0].suggested_pause->from, make_date(2027, 1, 2));
}

TEST(SessionTiming, SaysWhenThereIsNoRetinoidOnOneSide) {
  Regimen regimen = washout_regimen();
  regimen.products[0].until = make_date(2027, 1, 8);

  const auto timings = session_timings(regimen, rules());

  EXPECT_TRUE(timings[0].last_before.has_value());
  EXPECT_FALSE(timings[0].first_after.has_value());
}

}  // namespace
}  // namespace dermasim::regimen
