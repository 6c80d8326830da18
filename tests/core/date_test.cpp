#include "core/date.hpp"
#include "core/error.hpp"

#include <gtest/gtest.h>

namespace dermasim {

TEST(Date, ParsesAndFormatsIsoDates) {
  const auto date = parse_iso_date("2027-01-15");

  ASSERT_TRUE(date.has_value());
  EXPECT_EQ(iso(*date), "2027-01-15");
  EXPECT_EQ(*date, make_date(2027, 1, 15));
}

TEST(Date, RejectsImpossibleOrMalformedDates) {
  EXPECT_FALSE(parse_iso_date("2027-02-30"));
  EXPECT_FALSE(parse_iso_date("2027-13-01"));
  EXPECT_FALSE(parse_iso_date("2027-1-15"));
  EXPECT_FALSE(parse_iso_date("15/01/2027"));
  EXPECT_FALSE(parse_iso_date(""));
}

TEST(Date, CountsDaysAcrossMonthAndLeapYearBoundaries) {
  EXPECT_EQ(days_between(make_date(2027, 1, 8), make_date(2027, 1, 15)), 7);
  EXPECT_EQ(days_between(make_date(2028, 2, 28), make_date(2028, 3, 1)), 2);
  EXPECT_EQ(days_between(make_date(2027, 1, 15), make_date(2027, 1, 8)), -7);
}

TEST(Date, NamesIsoWeekdaysFromMonday) {
  EXPECT_EQ(weekday_index(make_date(2026, 11, 23)), 0u);  // a Monday
  EXPECT_EQ(weekday_index(make_date(2026, 11, 29)), 6u);  // a Sunday
}

TEST(Date, RejectsAnImpossibleDayAsABug) { EXPECT_THROW((void)make_date(2027, 2, 29), InternalError); }

TEST(Date, HandlesTheYears1900To2999AndNothingOutside) {
  EXPECT_TRUE(is_in_date_range(make_date(1900, 1, 1)));
  EXPECT_TRUE(is_in_date_range(make_date(2999, 12, 31)));
  EXPECT_FALSE(is_in_date_range(make_date(1899, 12, 31)));
  EXPECT_FALSE(is_in_date_range(make_date(3000, 1, 1)));
  EXPECT_FALSE(is_in_date_range(*parse_iso_date("0000-01-01")));
  EXPECT_EQ(date_range_text(), "1900-01-01 .. 2999-12-31");
}

}  // namespace dermasim
