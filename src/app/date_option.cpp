#include "app/date_option.hpp"

#include <string>

#include <fmt/format.h>

#include "core/error.hpp"

namespace dermasim::app {

Date parse_date_option(std::string_view option, std::string_view text) {
  const auto date = parse_iso_date(text);
  if (!date)
    throw InputError({std::string(option), 0, 0},
                     fmt::format("\"{}\" is not a date; write it as YYYY-MM-DD, e.g. {} 2027-01-04", text, option));
  if (!is_in_date_range(*date))
    throw InputError({std::string(option), 0, 0},
                     fmt::format("{} lies outside the dates dermasim handles, {}; give a date in that range", text,
                                 date_range_text()));
  return *date;
}

void require_run_in_date_range(std::string_view option, Date start, int days) {
  expects(days >= 1, "require_run_in_date_range: days must be >= 1");
  const Date last = start + Days{days - 1};
  if (last <= latest_date) return;
  throw InputError(
      {std::string(option), 0, 0},
      fmt::format("{} {} with {} days runs until {}, past the last date dermasim handles ({}); give a "
                  "start on or before {}",
                  option, iso(start), days, iso(last), iso(latest_date), iso(latest_date - Days{days - 1})));
}

}  // namespace dermasim::app
