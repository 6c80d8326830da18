#pragma once
// A date given on the command line (`plan --start`): YYYY-MM-DD, within the dates dermasim
// handles everywhere (core/date.hpp, earliest_date … latest_date), or a usage error that
// names the option, the value, the range and what to write instead.

#include <string_view>

#include "core/date.hpp"

namespace dermasim::app {

/// Parses `text`, the value of `option` (e.g. "--start"). Throws InputError (exit 2) when it
/// is not a calendar date in YYYY-MM-DD or lies outside earliest_date … latest_date.
[[nodiscard]] Date parse_date_option(std::string_view option, std::string_view text);

/// Refuses a run of `days` days from `start` (a date given by `option`) that would end past
/// latest_date: every date of its outputs must lie in the range too. @pre days >= 1.
void require_run_in_date_range(std::string_view option, Date start, int days);

}  // namespace dermasim::app
