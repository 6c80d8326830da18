#pragma once
// Calendar dates as the scenario files count them (docs/file-formats.md, "Days, as the rules count
// them"). A date is a point (`Date`), a span is a number of days (`Days`); date + date does not
// compile, date − date is a span.

#include <chrono>
#include <optional>
#include <string>
#include <string_view>

namespace dermasim {

using Date = std::chrono::sys_days;
using Days = std::chrono::days;

/// The calendar dates dermasim reads and writes, everywhere: every input file, every command-line
/// date and every date of an output lies in earliest_date … latest_date (docs/scenario-reference.md,
/// "Dates"). Four-digit years keep every format's dates well formed (an iCalendar DTSTART
/// has exactly four digits of year), and a bounded range bounds a scenario's length.
inline constexpr Date earliest_date = Date{std::chrono::year{1900} / std::chrono::January / 1};
inline constexpr Date latest_date = Date{std::chrono::year{2999} / std::chrono::December / 31};

/// Whether `date` lies in earliest_date … latest_date.
[[nodiscard]] constexpr bool is_in_date_range(Date date) { return date >= earliest_date && date <= latest_date; }

/// "1900-01-01 .. 2999-12-31", for messages.
[[nodiscard]] std::string date_range_text();

/// The date for a calendar day; precondition: the day exists (checked: throws InternalError).
[[nodiscard]] Date make_date(int year, unsigned month, unsigned day);

/// Parses `YYYY-MM-DD`; nullopt if the text is not a valid calendar date.
[[nodiscard]] std::optional<Date> parse_iso_date(std::string_view text);

/// Formats as `YYYY-MM-DD`.
[[nodiscard]] std::string iso(Date date);

/// Whole days from `from` to `to` (negative when `to` is earlier).
[[nodiscard]] constexpr int days_between(Date from, Date to) { return static_cast<int>((to - from).count()); }

/// 0 = Monday … 6 = Sunday (ISO weekday − 1).
[[nodiscard]] unsigned weekday_index(Date date);

namespace detail {
template <class A, class B>
concept addable = requires(A a, B b) {
  a + b;
};
}  // namespace detail
static_assert(!detail::addable<Date, Date>, "adding two dates must not compile");
static_assert(detail::addable<Date, Days>);

}  // namespace dermasim
