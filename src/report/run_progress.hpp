#pragma once
// What a long population run tells the person waiting (docs/population.md): the expected time,
// once the first people have been timed, when it exceeds a minute, and one line at every 10 %.
// Pure: the caller passes the elapsed time and prints the lines on stderr, so stdout stays the
// run's output alone. A run over before the first estimate prints nothing.

#include <string>

namespace dermasim::report {

class RunProgress {
 public:
  /// Seconds after the first item started before anything is printed: long enough to time a
  /// few items per thread, short enough that a long run says early how long it will take.
  static constexpr double seconds_before_estimate = 2.0;
  /// Runs expected to take longer than this announce their expected time.
  static constexpr double announced_seconds = 60.0;

  /// `noun` names the items in the lines ("people").
  explicit RunProgress(std::string noun);

  /// The lines (each ending in a newline) to print now that `done` of `total` items are done
  /// after `elapsed_seconds`; "" for none. @pre 0 <= done <= total, total >= 1.
  [[nodiscard]] std::string update(int done, int total, double elapsed_seconds);

 private:
  std::string noun_;
  bool estimated_ = false;
  int last_tenth_ = 0;  // the last 10 % step printed
};

/// "less than 1 s", "45 s", "12 min", "1 h 20 min": a duration to the precision a wait needs.
[[nodiscard]] std::string duration_text(double seconds);

}  // namespace dermasim::report
