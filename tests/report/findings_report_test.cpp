// The check's outputs from typed findings: each finding's JSON (every key and value), the
// {"ok", "findings"} document, and the text grouped by date with its verdict.

#include "report/findings_report.hpp"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

namespace dermasim::report {
namespace {

using regimen::Finding;
using regimen::Severity;

Finding washout_error() {
  return {"tretinoin-washout", Severity::error, make_date(2027, 2, 19),
          std::nullopt,        "tret",          "stop it at least 5 days before",
          "Buchanan 2016"};
}

Finding sunscreen_warning() {
  return {"sunscreen", Severity::warning,         make_date(2027, 2, 1),    make_date(2027, 4, 28),
          "person",    "no sunscreen on 87 days", "prescribing information"};
}

TEST(FindingsReport, WritesEveryFieldOfAFindingWithNullForAMissingUntil) {
  const nlohmann::json expected = {{"rule", "tretinoin-washout"}, {"severity", "error"},
                                   {"date", "2027-02-19"},        {"until", nullptr},
                                   {"subject", "tret"},           {"message", "stop it at least 5 days before"},
                                   {"source", "Buchanan 2016"}};

  EXPECT_EQ(finding_json(washout_error()), expected);
}

TEST(FindingsReport, CheckJsonIsNotOkWhenAnyFindingIsAnErrorAndKeepsTheOrder) {
  const std::vector<Finding> findings = {sunscreen_warning(), washout_error()};

  const nlohmann::json document = check_json(findings);

  const nlohmann::json expected = {{"ok", false},
                                   {"findings",
                                    {{{"rule", "sunscreen"},
                                      {"severity", "warning"},
                                      {"date", "2027-02-01"},
                                      {"until", "2027-04-28"},
                                      {"subject", "person"},
                                      {"message", "no sunscreen on 87 days"},
                                      {"source", "prescribing information"}},
                                     finding_json(washout_error())}}};
  EXPECT_EQ(document, expected);
}

TEST(FindingsReport, CheckJsonOfWarningsOnlyOrNothingIsOk) {
  EXPECT_EQ(check_json({sunscreen_warning()})["ok"], true);
  EXPECT_EQ(check_json({}), (nlohmann::json{{"ok", true}, {"findings", nlohmann::json::array()}}));
}

TEST(FindingsReport, TextGroupsByDateAndEndsWithTheVerdictAndTheNotice) {
  const std::string text = check_text("Home roller", {sunscreen_warning(), washout_error()});

  const std::string expected =
      "Scenario: Home roller\n"
      "\n2027-02-01 to 2027-04-28\n"
      "  warning sunscreen [person]\n"
      "          no sunscreen on 87 days\n"
      "          source: prescribing information\n"
      "\n2027-02-19\n"
      "  ERROR   tretinoin-washout [tret]\n"
      "          stop it at least 5 days before\n"
      "          source: Buchanan 2016\n"
      "\nVerdict: UNSAFE - 1 error and 1 warning; fix the errors before following this regimen.\n" +
      std::string(medical_notice) + "\n";
  EXPECT_EQ(text, expected);
}

TEST(FindingsReport, TextVerdictCountsWarningsOrSaysThereIsNothing) {
  EXPECT_NE(check_text("s", {sunscreen_warning(), sunscreen_warning()})
                .find("Verdict: acceptable with 2 warnings; read each precaution.\n"),
            std::string::npos);
  EXPECT_EQ(check_text("s", {}), "Scenario: s\n\nVerdict: no findings; the regimen follows the protocol.\n" +
                                     std::string(medical_notice) + "\n");
}

}  // namespace
}  // namespace dermasim::report
