#include "report/run_progress.hpp"

#include <cmath>
#include <utility>

#include <fmt/format.h>

namespace dermasim::report {

RunProgress::RunProgress(std::string noun) : noun_(std::move(noun)) {}

std::string RunProgress::update(int done, int total, double elapsed_seconds) {
  if (elapsed_seconds < seconds_before_estimate || done <= 0) return "";
  std::string lines;
  const double remaining_seconds = elapsed_seconds * (total - done) / done;
  if (!estimated_) {
    estimated_ = true;
    const double expected_seconds = elapsed_seconds + remaining_seconds;
    if (done < total && expected_seconds > announced_seconds)
      lines += fmt::format(
          "Expected time: about {} for {} {} (timed from the first {} in {}); a progress line "
          "follows every 10 %.\n",
          duration_text(expected_seconds), total, noun_, done, duration_text(elapsed_seconds));
  }
  const int tenth = static_cast<int>(10LL * done / total);
  if (tenth <= last_tenth_) return lines;
  last_tenth_ = tenth;
  if (done == total)
    return lines + fmt::format("{} %: all {} {} in {}.\n", 10 * tenth, total, noun_, duration_text(elapsed_seconds));
  const std::string left =
      remaining_seconds < 1.0 ? duration_text(remaining_seconds) : "about " + duration_text(remaining_seconds);
  return lines + fmt::format("{} %: {} of {} {} in {}, {} left.\n", 10 * tenth, done, total, noun_,
                             duration_text(elapsed_seconds), left);
}

std::string duration_text(double seconds) {
  if (seconds < 1.0) return "less than 1 s";
  if (seconds < 90.0) return fmt::format("{:.0f} s", seconds);
  const auto minutes = static_cast<long long>(std::lround(seconds / 60.0));
  if (minutes < 90) return fmt::format("{} min", minutes);
  return fmt::format("{} h {} min", minutes / 60, minutes % 60);
}

}  // namespace dermasim::report
