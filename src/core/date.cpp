#include "core/date.hpp"

#include <charconv>

#include <fmt/format.h>

#include "core/error.hpp"

namespace dermasim {

using namespace std::chrono;

Date make_date(int year_value, unsigned month_value, unsigned day_value) {
  const year_month_day ymd{year{year_value}, month{month_value}, day{day_value}};
  expects(ymd.ok(), "make_date: no such calendar day");
  return sys_days{ymd};
}

std::optional<Date> parse_iso_date(std::string_view text) {
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
  int y = 0;
  unsigned m = 0, d = 0;
  auto parse = [](std::string_view part, auto& value) {
    auto [end, error] = std::from_chars(part.data(), part.data() + part.size(), value);
    return error == std::errc{} && end == part.data() + part.size();
  };
  if (!parse(text.substr(0, 4), y) || !parse(text.substr(5, 2), m) || !parse(text.substr(8, 2), d)) return std::nullopt;
  const year_month_day ymd{year{y}, month{m}, day{d}};
  if (!ymd.ok()) return std::nullopt;
  return sys_days{ymd};
}

std::string iso(Date date) {
  const year_month_day ymd{date};
  return fmt::format("{:04}-{:02}-{:02}", static_cast<int>(ymd.year()), static_cast<unsigned>(ymd.month()),
                     static_cast<unsigned>(ymd.day()));
}

std::string date_range_text() { return fmt::format("{} .. {}", iso(earliest_date), iso(latest_date)); }

unsigned weekday_index(Date date) { return weekday{date}.iso_encoding() - 1; }

}  // namespace dermasim
