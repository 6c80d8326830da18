#include "report/session_timing_report.hpp"

#include <gtest/gtest.h>

namespace dermasim::report {
namespace {

using namespace regimen;

std::vector<SessionTiming> two_sessions() {
  return {{make_date(2027, 1, 15), TimedApplication{make_date(2027, 1, 8), Moment::evening, "tret", 7},
           TimedApplication{make_date(2027, 1, 15), Moment::evening, "tret", 0},
           Pause{{"tret"}, make_date(2027, 1, 9), make_date(2027, 1, 17)}},
          {make_date(2027, 2, 12), std::nullopt, std::nullopt, std::nullopt}};
}

TEST(SessionTimingReport, SaysEachStopAndResumeEveningInWords) {
  EXPECT_EQ(session_timing_text(two_sessions()),
            "\nRetinoid around each session (as the rules count days):\n"
            "  session 2027-01-15: last application (tret) the evening of 2027-01-08, 7 days before; resume "
            "(tret) the evening of 2027-01-15, on the session's day\n"
            "    to follow the washout and resume rules, pause the retinoid around it (scenario file):\n"
            "    [[pause]]\n    products = [\"tret\"]\n    from = 2027-01-09\n    until = 2027-01-17\n"
            "  session 2027-02-12: no retinoid before it; no retinoid after it in the scenario\n");
  EXPECT_EQ(session_timing_text({}), "");
}

TEST(SessionTimingReport, GivesTheSameAnswerAsJson) {
  const nlohmann::json expected = nlohmann::json::parse(R"([
    {"session_date": "2027-01-15",
     "last_before": {"date": "2027-01-08", "moment": "evening", "product": "tret", "days_before": 7},
     "first_after": {"date": "2027-01-15", "moment": "evening", "product": "tret", "days_after": 0},
     "suggested_pause": {"products": ["tret"], "from": "2027-01-09", "until": "2027-01-17"}},
    {"session_date": "2027-02-12", "last_before": null, "first_after": null, "suggested_pause": null}])");
  EXPECT_EQ(session_timing_json(two_sessions()), expected);
}

}  // namespace
}  // namespace dermasim::report
