#include "regimen/application_schedule.hpp"

#include <algorithm>

#include <gtest/gtest.h>

namespace dermasim::regimen {
namespace {

Product product_on(Schedule schedule, Date from) {
  Product product;
  product.id = "p";
  product.active = Active::tretinoin;
  product.schedule = schedule;
  product.from = from;
  return product;
}

std::vector<int> offsets_applied(const Product& product, int days) {
  std::vector<int> offsets;
  for (int offset = 0; offset < days; ++offset)
    if (!scheduled_moments(product, product.from + Days{offset}).empty()) offsets.push_back(offset);
  return offsets;
}

TEST(ScheduledMoments, EveryOtherAndEveryThirdNightCountFromTheFirstDay) {
  const Date from = make_date(2026, 12, 1);

  EXPECT_EQ(offsets_applied(product_on(Schedule::every_other_night, from), 7), (std::vector{0, 2, 4, 6}));
  EXPECT_EQ(offsets_applied(product_on(Schedule::every_third_night, from), 7), (std::vector{0, 3, 6}));
}

TEST(ScheduledMoments, TwiceWeeklyFallsOnTheStartWeekdayAndThreeDaysLater) {
  const Date monday = make_date(2026, 11, 23);

  const auto offsets = offsets_applied(product_on(Schedule::twice_weekly, monday), 14);

  EXPECT_EQ(offsets, (std::vector{0, 3, 7, 10}));  // Monday, Thursday, Monday, Thursday
}

TEST(ScheduledMoments, TwiceDailyIsMorningAndEvening) {
  const Product product = product_on(Schedule::twice_daily, make_date(2026, 12, 1));

  EXPECT_EQ(scheduled_moments(product, product.from), (std::vector{Moment::morning, Moment::evening}));
}

TEST(ScheduledMoments, NothingOutsideFromUntilOrForAfterSessionProducts) {
  Product product = product_on(Schedule::nightly, make_date(2026, 12, 1));
  product.until = make_date(2026, 12, 3);

  EXPECT_TRUE(scheduled_moments(product, make_date(2026, 11, 30)).empty());
  EXPECT_TRUE(scheduled_moments(product, make_date(2026, 12, 4)).empty());
  EXPECT_TRUE(scheduled_moments(product_on(Schedule::after_session, product.from), product.from).empty());
}

TEST(ApplicationSchedule, SkipsPausedDaysAndAddsAfterProductsAtTheSession) {
  Regimen regimen;
  regimen.start = make_date(2027, 1, 1);
  regimen.days = 10;
  regimen.products = {product_on(Schedule::nightly, regimen.start), product_on(Schedule::after_session, regimen.start)};
  regimen.products[1].id = "ha";
  regimen.products[1].active = Active::hyaluronic_acid;
  regimen.pauses = {Pause{{"p"}, make_date(2027, 1, 3), make_date(2027, 1, 6)}};
  Session session;
  session.date = make_date(2027, 1, 5);
  session.after = {"ha"};
  regimen.sessions = {session};

  const auto applications = application_schedule(regimen);

  ASSERT_EQ(applications.size(), 10u - 4u + 1u);
  EXPECT_TRUE(std::ranges::is_sorted(applications));
  EXPECT_EQ(applications[2].date, session.date);
  EXPECT_EQ(applications[2].moment, Moment::session);
  EXPECT_EQ(applications[2].product_index, 1u);
  EXPECT_EQ(applications[3].date, make_date(2027, 1, 7));
}

}  // namespace
}  // namespace dermasim::regimen
