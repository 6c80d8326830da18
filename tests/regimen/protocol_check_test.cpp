#include "regimen/protocol_check.hpp"

#include <algorithm>
#include <filesystem>
#include <fstream>

#include <gtest/gtest.h>

#include "built_in_catalogue.hpp"

#include "io/catalogue_reader.hpp"
#include "io/scenario_reader.hpp"

namespace dermasim::regimen {
namespace {

const Catalogue& catalogue() { return test_support::built_in_catalogue(); }

const std::filesystem::path scenarios = std::filesystem::path(DERMASIM_SOURCE_DIR) / "tests/regimen/scenarios";

std::vector<Finding> check_file(const std::filesystem::path& path) {
  return check_protocol(io::read_scenario_file(path.string(), catalogue()), catalogue().rules);
}

std::vector<Finding> check_text(const std::string& text, const RuleTable& rules = catalogue().rules) {
  return check_protocol(io::read_scenario(text, "test.scenario.toml", catalogue()), rules);
}

std::vector<std::string> rules_fired(const std::vector<Finding>& findings) {
  std::vector<std::string> ids;
  for (const auto& finding : findings) ids.push_back(finding.rule);
  return ids;
}

// A person on nightly tretinoin 0.05 % with one pen session; `pause_from` and `pause_until`
// set the washout and resumption, `extra` adds lines to [person].
std::string nightly_tretinoin(const std::string& pause_from, const std::string& pause_until,
                              const std::string& needle_mm = "1.0", const std::string& extra = "") {
  return "[scenario]\nname = \"t\"\nstart = 2026-12-01\n"
         "[person]\nfitzpatrick = 2\nsite = \"cheek\"\nconcerns = [\"fine_lines\"]\nsensitivity = \"normal\"\n" +
         extra +
         "\n[[product]]\nid = \"tret\"\nactive = \"tretinoin\"\nstrength_percent = 0.05\nvehicle = \"cream\"\n"
         "schedule = \"nightly\"\nfrom = 2026-12-01\n"
         "[[product]]\nid = \"spf\"\nactive = \"sunscreen\"\nvehicle = \"lotion\"\nschedule = \"morning\"\nfrom = "
         "2026-12-01\n"
         "[[pause]]\nproducts = [\"tret\"]\nfrom = " +
         pause_from + "\nuntil = " + pause_until +
         "\n[[session]]\ndate = 2027-01-15\ndevice = \"pen\"\nneedle_mm = " + needle_mm + "\n";
}

class EachRuleScenario : public testing::TestWithParam<std::string> {};

TEST_P(EachRuleScenario, TriggersItsRuleWithTheTablesSeverity) {
  const std::string rule_id = GetParam();

  const auto findings = check_file(scenarios / (rule_id + ".scenario.toml"));

  const auto fired = std::ranges::find(findings, rule_id, &Finding::rule);
  ASSERT_NE(fired, findings.end()) << rule_id << " did not fire";
  EXPECT_EQ(fired->severity, catalogue().rules.text(rule_id).severity);
  EXPECT_EQ(fired->source, catalogue().rules.text(rule_id).source);
  EXPECT_FALSE(fired->message.empty());
}

std::vector<std::string> every_rule_id() {
  std::vector<std::string> ids;
  for (const auto& schema : rule_schemas()) ids.emplace_back(schema.id);
  return ids;
}

std::string test_name_of(const testing::TestParamInfo<std::string>& rule) {
  std::string name = rule.param;
  std::ranges::replace(name, '-', '_');
  return name;
}

INSTANTIATE_TEST_SUITE_P(ProtocolCheck, EachRuleScenario, testing::ValuesIn(every_rule_id()), test_name_of);

TEST(ProtocolCheck, TheSafeScenarioTriggersNoRule) {
  EXPECT_TRUE(check_file(scenarios / "safe.scenario.toml").empty());
}

TEST(ProtocolCheck, EachRuleScenarioTriggersOnlyItsOwnRule) {
  for (const auto& id : every_rule_id()) {
    const auto fired = rules_fired(check_file(scenarios / (id + ".scenario.toml")));
    for (const auto& other : fired)
      if (other != id && !(id == "pregnancy-retinoid" && other == "pregnancy-session"))
        ADD_FAILURE() << id << ".scenario.toml also fires " << other;
  }
}

TEST(ProtocolCheck, CountsWashoutDaysFromTheLastEveningApplication) {
  // Pause from Jan 9: last application the evening of Jan 8, 7 days before Jan 15
  // (docs/file-formats.md).
  EXPECT_TRUE(check_text(nightly_tretinoin("2027-01-09", "2027-01-17")).empty());
  // Pause from Jan 10: 6 days, a warning that recommends 7.
  EXPECT_EQ(rules_fired(check_text(nightly_tretinoin("2027-01-10", "2027-01-17"))),
            std::vector<std::string>{"tretinoin-washout-short"});
  // Pause from Jan 11: 5 days, still only the warning (the error is below 5).
  EXPECT_EQ(rules_fired(check_text(nightly_tretinoin("2027-01-11", "2027-01-17"))),
            std::vector<std::string>{"tretinoin-washout-short"});
  // Pause from Jan 12: 4 days, an error dated on the last application.
  const auto findings = check_text(nightly_tretinoin("2027-01-12", "2027-01-17"));
  ASSERT_EQ(rules_fired(findings), std::vector<std::string>{"tretinoin-washout"});
  EXPECT_EQ(findings[0].date, make_date(2027, 1, 11));
  EXPECT_EQ(findings[0].subject, "tret");
}

TEST(ProtocolCheck, AnEveningApplicationOnTheSessionDayIsZeroDaysAfter) {
  const auto findings = check_text(nightly_tretinoin("2027-01-08", "2027-01-14"));

  ASSERT_EQ(rules_fired(findings), std::vector<std::string>{"retinoid-resume"});
  EXPECT_EQ(findings[0].date, make_date(2027, 1, 15));
  EXPECT_NE(findings[0].message.find("0 days after"), std::string::npos);
}

TEST(ProtocolCheck, ResumingThreeDaysAfterIsAllowedBelowOneAndAHalfMillimetres) {
  EXPECT_TRUE(check_text(nightly_tretinoin("2027-01-08", "2027-01-17", "1.49")).empty());
  EXPECT_EQ(rules_fired(check_text(nightly_tretinoin("2027-01-08", "2027-01-17", "1.5"))),
            std::vector<std::string>{"retinoid-resume-deep"});
}

TEST(ProtocolCheck, ThresholdsComeFromTheRuleTable) {
  RuleTable edited = catalogue().rules;
  edited.tretinoin_washout.min_days = 8;

  const auto findings = check_text(nightly_tretinoin("2027-01-09", "2027-01-17"), edited);

  EXPECT_EQ(rules_fired(findings), std::vector<std::string>{"tretinoin-washout"});
}

TEST(ProtocolCheck, ARuleSwitchedOffInTheTableRaisesNothing) {
  RuleTable edited = catalogue().rules;
  edited.tretinoin_washout.min_days = 8;
  edited.tretinoin_washout.enabled = false;
  edited.tretinoin_washout.disabled_reason = "test";

  const auto findings = check_text(nightly_tretinoin("2027-01-09", "2027-01-17"), edited);

  EXPECT_TRUE(findings.empty()) << findings.front().rule;
}

/// The nightly tretinoin scenario with `count` more sessions on the session's date.
std::string with_sessions_on_the_day(int count, const std::string& needle_mm, int passes) {
  std::string text = nightly_tretinoin("2027-01-09", "2027-01-17", needle_mm);
  for (int index = 0; index < count; ++index)
    text += "[[session]]\ndate = 2027-01-15\ndevice = \"pen\"\nneedle_mm = " + needle_mm +
            "\npasses = " + std::to_string(passes) + "\n";
  return text;
}

TEST(ProtocolCheck, FourHundredSessionsOnOneDayAreOneError) {
  // Issue 19: 400 sessions of 3 mm x 50 passes on one day passed as acceptable.
  const auto findings = check_text(with_sessions_on_the_day(399, "3.0", 50));

  EXPECT_TRUE(has_error(findings));
  const auto same_day = std::ranges::count(findings, std::string("same-day-sessions"), &Finding::rule);
  EXPECT_EQ(same_day, 1);
  const auto fired = std::ranges::find(findings, std::string("same-day-sessions"), &Finding::rule);
  ASSERT_NE(fired, findings.end());
  EXPECT_EQ(fired->severity, Severity::error);
  EXPECT_EQ(fired->date, make_date(2027, 1, 15));
  EXPECT_NE(fired->message.find("400 sessions on 2027-01-15"), std::string::npos) << fired->message;
  // Sessions on one date are not also reported as too closely spaced.
  EXPECT_EQ(std::ranges::count(findings, std::string("session-spacing"), &Finding::rule), 0);
}

TEST(ProtocolCheck, SessionsADayApartAreNotSameDaySessions) {
  std::string text = nightly_tretinoin("2027-01-09", "2027-01-18");
  text += "[[session]]\ndate = 2027-01-16\ndevice = \"pen\"\nneedle_mm = 1.0\n";

  EXPECT_EQ(rules_fired(check_text(text)), std::vector<std::string>{"session-spacing"});
}

TEST(ProtocolCheck, SessionsPerDayComeFromTheRuleTable) {
  RuleTable edited = catalogue().rules;
  edited.same_day_sessions.max_per_day = 2;

  EXPECT_TRUE(check_text(with_sessions_on_the_day(1, "1.0", 3), edited).empty());
  EXPECT_EQ(rules_fired(check_text(with_sessions_on_the_day(2, "1.0", 3), edited)),
            std::vector<std::string>{"same-day-sessions"});
}

TEST(ProtocolCheck, IsotretinoinWarningEndsAt183Days) {
  // Last dose 2026-07-16: the session on 2027-01-15 is 183 days later, no warning; one day
  // later the dose gives 182 days, a warning.
  EXPECT_TRUE(check_text(nightly_tretinoin("2027-01-08", "2027-01-17", "1.0", "isotretinoin_last_dose = 2026-07-16\n"))
                  .empty());
  EXPECT_EQ(rules_fired(check_text(
                nightly_tretinoin("2027-01-08", "2027-01-17", "1.0", "isotretinoin_last_dose = 2026-07-17\n"))),
            std::vector<std::string>{"isotretinoin-6-months"});
}

TEST(ProtocolCheck, FindingsAreSortedByDateThenErrorsFirst) {
  const auto findings = check_file(scenarios / "pregnancy-retinoid.scenario.toml");

  ASSERT_GE(findings.size(), 2u);
  for (std::size_t index = 1; index < findings.size(); ++index) {
    EXPECT_LE(findings[index - 1].date, findings[index].date);
    if (findings[index - 1].date == findings[index].date) {
      EXPECT_LE(findings[index - 1].severity, findings[index].severity);
    }
  }
}

}  // namespace
}  // namespace dermasim::regimen
