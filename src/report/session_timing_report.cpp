#include "report/session_timing_report.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>

namespace dermasim::report {

namespace {

std::string_view moment_words(regimen::Moment moment) {
  return moment == regimen::Moment::morning ? "the morning of" : "the evening of";
}

std::string_view moment_name(regimen::Moment moment) {
  return moment == regimen::Moment::morning ? "morning" : "evening";
}

std::string day_count(int days, std::string_view side) {
  if (days == 0) return "on the session's day";
  return fmt::format("{} day{} {}", days, days == 1 ? "" : "s", side);
}

nlohmann::json application_json(const std::optional<regimen::TimedApplication>& application, const char* days_key) {
  if (!application) return nullptr;
  return {{"date", iso(application->date)},
          {"moment", moment_name(application->moment)},
          {"product", application->product_id},
          {days_key, application->days_from_session}};
}

/// The [[pause]] block as a scenario file writes it.
std::string pause_toml(const regimen::Pause& pause) {
  std::vector<std::string> quoted;
  for (const auto& id : pause.products) quoted.push_back(fmt::format("\"{}\"", id));
  return fmt::format("    [[pause]]\n    products = [{}]\n    from = {}\n    until = {}\n", fmt::join(quoted, ", "),
                     iso(pause.from), iso(pause.until));
}

nlohmann::json pause_json(const std::optional<regimen::Pause>& pause) {
  if (!pause) return nullptr;
  return {{"products", pause->products}, {"from", iso(pause->from)}, {"until", iso(pause->until)}};
}

}  // namespace

std::string session_timing_text(const std::vector<regimen::SessionTiming>& timings) {
  if (timings.empty()) return "";
  std::string text = "\nRetinoid around each session (as the rules count days):\n";
  for (const auto& timing : timings) {
    const std::string before =
        timing.last_before ? fmt::format("last application ({}) {} {}, {}", timing.last_before->product_id,
                                         moment_words(timing.last_before->moment), iso(timing.last_before->date),
                                         day_count(timing.last_before->days_from_session, "before"))
                           : std::string("no retinoid before it");
    const std::string after = timing.first_after
                                  ? fmt::format("resume ({}) {} {}, {}", timing.first_after->product_id,
                                                moment_words(timing.first_after->moment), iso(timing.first_after->date),
                                                day_count(timing.first_after->days_from_session, "after"))
                                  : std::string("no retinoid after it in the scenario");
    text += fmt::format("  session {}: {}; {}\n", iso(timing.session_date), before, after);
    if (timing.suggested_pause)
      text += "    to follow the washout and resume rules, pause the retinoid around it (scenario file):\n" +
              pause_toml(*timing.suggested_pause);
  }
  return text;
}

nlohmann::json session_timing_json(const std::vector<regimen::SessionTiming>& timings) {
  nlohmann::json list = nlohmann::json::array();
  for (const auto& timing : timings)
    list.push_back({{"session_date", iso(timing.session_date)},
                    {"last_before", application_json(timing.last_before, "days_before")},
                    {"first_after", application_json(timing.first_after, "days_after")},
                    {"suggested_pause", pause_json(timing.suggested_pause)}});
  return list;
}

}  // namespace dermasim::report
