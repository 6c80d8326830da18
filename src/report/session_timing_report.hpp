#pragma once
// "When do I stop, when do I resume" as `check` prints it: for each session, the last retinoid
// application before it and the first after it, in words and as `timing` in `check --json`
// (docs/file-formats.md, "check").

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "regimen/session_timing.hpp"

namespace dermasim::report {

/// A paragraph per session; "" when the regimen has no session.
[[nodiscard]] std::string session_timing_text(const std::vector<regimen::SessionTiming>& timings);

/// [{session_date, last_before: {date, moment, product, days_before} | null, first_after: {...} | null}].
[[nodiscard]] nlohmann::json session_timing_json(const std::vector<regimen::SessionTiming>& timings);

}  // namespace dermasim::report
