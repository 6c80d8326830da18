// The rules file as the catalogue loader reads it: typed thresholds, their order, switching
// off and weakening a safety rule only with a reason.
#include "io/rules_reader.hpp"

#include <algorithm>
#include <filesystem>
#include <fstream>

#include <gtest/gtest.h>

#include "catalogue_edit.hpp"
#include "io/embedded_data.hpp"
#include "io/transport_catalogue.hpp"
#include "regimen/person.hpp"

namespace dermasim::io {
namespace {

using namespace regimen;
using namespace catalogue_test;

TEST(CatalogueReader, RejectsAnUnknownRuleIdWithTheNearestKnownOne) {
  std::string rules = embedded("rules.toml");
  replace_once(rules, "id = \"sunscreen\"", "id = \"sunscren\"");

  EXPECT_NE(load_error("rules.toml", rules).find("did you mean \"sunscreen\"?"), std::string::npos);
}

TEST(CatalogueReader, RejectsAMissingThresholdAndASeverityOutsideTheTwo) {
  std::string missing = embedded("rules.toml");
  replace_once(missing, "recommended_days = 7\n", "");
  std::string severity = embedded("rules.toml");
  replace_once(severity, "severity = \"error\"", "severity = \"fatal\"");

  EXPECT_NE(load_error("rules.toml", missing).find("needs the key 'recommended_days'"), std::string::npos);
  EXPECT_NE(load_error("rules.toml", severity).find("use one of error or warning"), std::string::npos);
}

TEST(CatalogueReader, RequiresASourceOrAnAssumptionWithANote) {
  std::string rules = embedded("rules.toml");
  replace_once(rules, "source = \"Soltani-Arabshahi", "reference = \"Soltani-Arabshahi");

  const std::string error = load_error("rules.toml", rules);

  EXPECT_NE(error.find("rules.toml:"), std::string::npos);
  EXPECT_NE(error.find("'reference'"), std::string::npos);
}

TEST(CatalogueReader, RequiresEveryRuleTheCheckerKnows) {
  std::string rules = embedded("rules.toml");
  replace_once(rules, "id = \"pih-deep-needles\"", "id = \"pih-deep-needles\"\n[[rule]]\nid = \"pih-deep-needles\"");

  EXPECT_NE(load_error("rules.toml", rules).find("rules.toml:"), std::string::npos);
}

TEST(CatalogueReader, RejectsANegativeFractionalOrMistypedThresholdAtItsPosition) {
  std::string negative = embedded("rules.toml");
  replace_once(negative, "min_days = 5\n", "min_days = -5\n");
  std::string fractional = embedded("rules.toml");
  replace_once(fractional, "min_days = 5\n", "min_days = 5.5\n");
  std::string text = embedded("rules.toml");
  replace_once(text, "min_days = 5\n", "min_days = \"five\"\n");

  const std::string negative_error = load_error("rules.toml", negative);
  EXPECT_NE(negative_error.find("rules.toml:19:"), std::string::npos) << negative_error;
  EXPECT_NE(negative_error.find("min_days = -5 is outside 0 .. 3650"), std::string::npos) << negative_error;
  EXPECT_NE(load_error("rules.toml", fractional).find("should be a whole number"), std::string::npos);
  EXPECT_NE(load_error("rules.toml", text).find("should be a whole number"), std::string::npos);
}

TEST(CatalogueReader, RejectsARuleDefinedTwice) {
  std::string rules = embedded("rules.toml");
  rules +=
      "\n[[rule]]\nid = \"sunscreen\"\nseverity = \"warning\"\ndays_after_session = 7\nmessage = \"m\"\n"
      "source = \"s\"\n";

  EXPECT_NE(load_error("rules.toml", rules).find("rule \"sunscreen\" is defined twice"), std::string::npos);
}

TEST(CatalogueReader, RejectsASiteTheSiteDepthRuleDoesNotKnow) {
  std::string rules = embedded("rules.toml");
  replace_once(rules, "neck = 1.0 }", "neck = 1.0, temple = 0.5 }");

  const std::string error = load_error("rules.toml", rules);

  EXPECT_NE(error.find("rules.toml:" + line_and_column(rules, "temple")), std::string::npos) << error;
  EXPECT_NE(error.find("unknown key 'temple' in [max_needle_mm]"), std::string::npos) << error;
}

TEST(CatalogueReader, RejectsSpacingBandsOutOfOrder) {
  std::string rules = embedded("rules.toml");
  replace_once(rules, "medium_from_mm = 0.5\n", "medium_from_mm = 1.2\n");

  EXPECT_NE(load_error("rules.toml", rules).find("medium_from_mm = 1.2 must be less than deep_from_mm = 1"),
            std::string::npos);
}

TEST(CatalogueReader, ReadsEveryThresholdIntoItsTypedView) {
  const Catalogue catalogue = load_catalogue(std::nullopt);
  const auto& rules = catalogue.rules;

  EXPECT_EQ(rules.tretinoin_washout.min_days, 5);
  EXPECT_EQ(rules.tretinoin_washout_short.recommended_days, 7);
  EXPECT_EQ(rules.recommended_washout_days(Active::tretinoin), 7);
  EXPECT_EQ(rules.recommended_washout_days(Active::retinol), 3);
  EXPECT_EQ(rules.min_resume_days(1.0), 3);
  EXPECT_EQ(rules.min_resume_days(1.5), 5);
  EXPECT_EQ(rules.session_spacing.min_days_for(1.0), 28);
  EXPECT_EQ(rules.session_spacing.min_days_for(0.99), 14);
  EXPECT_EQ(rules.session_spacing.min_days_for(0.25), 7);
  EXPECT_DOUBLE_EQ(rules.site_depth.limit_mm(Site::periorbital), 0.5);
  EXPECT_EQ(rules.isotretinoin_6_months.days, 183);
  EXPECT_EQ(rules.pih_deep_needles.min_fitzpatrick, 4);
  EXPECT_TRUE(rules.into_channels.forbids_after_session(Active::tretinoin));
  EXPECT_FALSE(rules.into_channels.forbids_on_session_day(Active::tretinoin));
  EXPECT_TRUE(rules.is_person_level_warning(rules.keloid_history.id));
  EXPECT_FALSE(rules.is_person_level_warning(rules.session_contraindication.id));
}

TEST(CatalogueReader, RefusesADeepBandBelowTheMediumOneAtTheEditedValue) {
  std::string rules = embedded("rules.toml");
  replace_once(rules, "deep_from_mm = 1.0\n", "deep_from_mm = 0.4\n");

  const std::string error = load_error("rules.toml", rules);

  EXPECT_NE(error.find("rules.toml:" + line_and_column(rules, "0.4\n") +
                       ": medium_from_mm = 0.5 must be less than "
                       "deep_from_mm = 0.4"),
            std::string::npos)
      << error;
}

TEST(CatalogueReader, RefusesSpacingDaysThatShrinkWithDepth) {
  std::string rules = embedded("rules.toml");
  replace_once(rules, "deep_min_days = 28\n", "deep_min_days = 10\n");

  EXPECT_NE(load_error("rules.toml", rules).find("medium_min_days = 14 must be at most deep_min_days = 10"),
            std::string::npos);
}

TEST(CatalogueReader, RefusesADeepResumeWaitShorterThanTheOrdinaryOne) {
  std::string rules = embedded("rules.toml");
  replace_once(rules, "min_days = 5\nmin_needle_mm = 1.5\n", "min_days = 2\nmin_needle_mm = 1.5\n");

  const std::string error = load_error("rules.toml", rules);

  EXPECT_NE(error.find("rules.toml:" + line_and_column(rules, "2\nmin_needle_mm") +
                       ": retinoid-resume.min_days = 3 must be at most retinoid-resume-deep.min_days = 2"),
            std::string::npos)
      << error;
}

TEST(CatalogueReader, RefusesARecommendedWashoutShorterThanTheMinimum) {
  std::string rules = embedded("rules.toml");
  replace_once(rules, "recommended_days = 7\n", "recommended_days = 4\n");

  EXPECT_NE(load_error("rules.toml", rules)
                .find("tretinoin-washout.min_days = 5 must be at most tretinoin-washout-short.recommended_days = 4"),
            std::string::npos);
}

TEST(CatalogueReader, RefusesAnEmptiedConditionList) {
  std::string rules = embedded("rules.toml");
  const std::string list =
      "conditions = [\"active_infection\", \"herpes_flare\", \"open_wound\", \"sunburn\", \"eczema_flare\", "
      "\"rosacea_flare\", \"active_inflamed_acne\"]";
  replace_once(rules, list, "conditions = []");

  const std::string error = load_error("rules.toml", rules);

  EXPECT_NE(error.find("rules.toml:" + line_and_column(rules, "[]") +
                       ": conditions = [] would switch rule \"session-contraindication\" off"),
            std::string::npos)
      << error;
  EXPECT_NE(error.find("enabled = false and disabled_reason"), std::string::npos) << error;
}

TEST(CatalogueReader, SwitchesARuleOffOnlyWithAReason) {
  std::string silent = embedded("rules.toml");
  replace_once(silent, "id = \"sunscreen\"\n", "id = \"sunscreen\"\nenabled = false\n");
  std::string explained = silent;
  replace_once(explained, "enabled = false\n", "enabled = false\ndisabled_reason = \"the clinic hands out its own\"\n");
  std::string reason_only = embedded("rules.toml");
  replace_once(reason_only, "id = \"sunscreen\"\n", "id = \"sunscreen\"\ndisabled_reason = \"x\"\n");

  EXPECT_NE(load_error("rules.toml", silent).find("say why with disabled_reason"), std::string::npos);
  EXPECT_NE(load_error("rules.toml", reason_only).find("gives disabled_reason but is not switched off"),
            std::string::npos);
  const EditedDataDirectory directory("rules.toml", explained);
  const Catalogue catalogue = load_catalogue(directory.path());
  EXPECT_FALSE(catalogue.rules.sunscreen.enabled);
  EXPECT_EQ(catalogue.rules.sunscreen.disabled_reason, "the clinic hands out its own");
  EXPECT_TRUE(catalogue.rules.tretinoin_washout.enabled);
}

TEST(CatalogueReader, RefusesAFractionalValueForEveryDayThreshold) {
  for (const RuleSchema& schema : rule_schemas()) {
    for (const ThresholdField& field : schema.thresholds) {
      if (field.kind != ThresholdKind::days) continue;
      std::string rules = embedded("rules.toml");
      const auto block = rules.find("id = \"" + std::string(schema.id) + "\"\n");
      ASSERT_NE(block, std::string::npos) << schema.id;
      const auto key = rules.find("\n" + std::string(field.key) + " = ", block);
      ASSERT_NE(key, std::string::npos) << schema.id << " " << field.key;
      const auto value_end = rules.find('\n', key + 1);
      rules.insert(value_end, ".5");

      const std::string error = load_error("rules.toml", rules);

      EXPECT_NE(error.find(std::string(field.key) + " should be a whole number"), std::string::npos)
          << schema.id << ": " << error;
    }
  }
}

TEST(CatalogueReader, RefusesASafetyRuleWeakenedWithoutAReason) {
  std::string rules = embedded("rules.toml");
  replace_once(rules, "severity = \"error\"\nmin_days = 5\n", "severity = \"warning\"\nmin_days = 0\n");

  const std::string error = load_error("rules.toml", rules);

  EXPECT_NE(error.find("rules.toml:" + line_and_column(rules, "\"warning\"\nmin_days = 0") +
                       ": rule \"tretinoin-washout\" is a safety rule"),
            std::string::npos)
      << error;
  EXPECT_NE(error.find("severity = \"warning\" (built in: \"error\"), min_days = 0 (built in: 5)"), std::string::npos)
      << error;
}

TEST(CatalogueReader, RefusesADroppedContraindicationWithoutAReason) {
  std::string rules = embedded("rules.toml");
  replace_once(rules, "\"open_wound\", \"sunburn\", ", "\"open_wound\", ");

  EXPECT_NE(load_error("rules.toml", rules).find("conditions lacks sunburn (built in)"), std::string::npos);
}

TEST(CatalogueReader, AcceptsAWeakenedSafetyRuleWithItsReasonAndRefusesAReasonForNothing) {
  std::string weakened = embedded("rules.toml");
  replace_once(weakened, "severity = \"error\"\nmin_days = 5\n",
               "severity = \"error\"\nmin_days = 4\nweakened_reason = \"clinic protocol 2026-11\"\n");
  std::string unweakened = embedded("rules.toml");
  replace_once(unweakened, "severity = \"error\"\nmin_days = 5\n",
               "severity = \"error\"\nmin_days = 5\nweakened_reason = \"clinic protocol 2026-11\"\n");
  const EditedDataDirectory directory("rules.toml", weakened);

  const Catalogue catalogue = load_catalogue(directory.path());

  EXPECT_EQ(catalogue.rules.tretinoin_washout.min_days, 4);
  EXPECT_EQ(catalogue.rules.tretinoin_washout.weakened_reason, "clinic protocol 2026-11");
  EXPECT_NE(load_error("rules.toml", unweakened).find("is not weaker than the built-in rule"), std::string::npos);
}

TEST(CatalogueReader, LetsAWarningRuleBeWeakenedAndAnySafetyRuleBeStricter) {
  std::string rules = embedded("rules.toml");
  replace_once(rules, "days_after_session = 7\n", "days_after_session = 0\n");
  replace_once(rules, "min_days = 3\nmessage = \"Stop retinol", "min_days = 4\nmessage = \"Stop retinol");

  EXPECT_EQ(load_error("rules.toml", rules), "no error");
}

TEST(CatalogueReader, RefusesAnEmptyMessageSourceOrName) {
  std::string message = embedded("rules.toml");
  replace_once(message, "message = \"Sessions too close", "message = \" \"\nold = \"");
  replace_once(message, "old = \"", "# ");
  std::string source = embedded("rules.toml");
  replace_once(source, "source = \"Soltani-Arabshahi", "source = \"\"\n# ");
  std::string name = embedded("actives.toml");
  replace_once(name, "name = \"caffeine", "name = \"\"\n# ");

  EXPECT_NE(load_error("rules.toml", message).find("message = \" \" is empty"), std::string::npos)
      << load_error("rules.toml", message);
  EXPECT_NE(load_error("rules.toml", source).find("source = \"\" is empty"), std::string::npos);
  EXPECT_NE(load_error("actives.toml", name).find("name = \"\" is empty"), std::string::npos);
}

TEST(CatalogueReader, RefusesAPlannedPihRiskOutsideZeroToOne) {
  std::string rules = embedded("rules.toml");
  replace_once(rules, "max_planned_pih_risk = 0.14\n", "max_planned_pih_risk = 14\n");

  const std::string error = load_error("rules.toml", rules);

  const std::string at_key = line_and_column(rules, "max_planned_pih_risk = 14");  // "LINE:1"
  EXPECT_NE(error.find("rules.toml:" + at_key.substr(0, at_key.find(':')) + ":24:"), std::string::npos) << error;
  EXPECT_NE(error.find("give a fraction from 0 to 1"), std::string::npos) << error;
}

}  // namespace
}  // namespace dermasim::io
