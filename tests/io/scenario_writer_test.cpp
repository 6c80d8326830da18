#include "io/scenario_writer.hpp"

#include <filesystem>

#include <gtest/gtest.h>

#include "built_in_catalogue.hpp"

#include "io/catalogue_reader.hpp"
#include "io/profile_reader.hpp"
#include "io/scenario_reader.hpp"

namespace dermasim::io {
namespace {

using namespace regimen;

const Catalogue& catalogue() { return test_support::built_in_catalogue(); }

void expect_same(const Regimen& a, const Regimen& b) {
  EXPECT_EQ(a.name, b.name);
  EXPECT_EQ(a.start, b.start);
  EXPECT_EQ(a.days, b.days);
  EXPECT_EQ(a.person.fitzpatrick, b.person.fitzpatrick);
  EXPECT_EQ(a.person.age_years, b.person.age_years);
  EXPECT_EQ(a.person.site, b.person.site);
  EXPECT_EQ(a.person.concerns, b.person.concerns);
  EXPECT_EQ(a.person.conditions, b.person.conditions);
  EXPECT_EQ(a.person.isotretinoin_last_dose, b.person.isotretinoin_last_dose);
  ASSERT_EQ(a.products.size(), b.products.size());
  for (std::size_t i = 0; i < a.products.size(); ++i) {
    EXPECT_EQ(a.products[i].id, b.products[i].id);
    EXPECT_EQ(a.products[i].active, b.products[i].active);
    EXPECT_EQ(a.products[i].strength_percent, b.products[i].strength_percent);
    EXPECT_EQ(a.products[i].amount_mg_per_cm2, b.products[i].amount_mg_per_cm2);
    EXPECT_EQ(a.products[i].schedule, b.products[i].schedule);
    EXPECT_EQ(a.products[i].from, b.products[i].from);
    EXPECT_EQ(a.products[i].until, b.products[i].until);
  }
  ASSERT_EQ(a.pauses.size(), b.pauses.size());
  for (std::size_t i = 0; i < a.pauses.size(); ++i) {
    EXPECT_EQ(a.pauses[i].products, b.pauses[i].products);
    EXPECT_EQ(a.pauses[i].from, b.pauses[i].from);
    EXPECT_EQ(a.pauses[i].until, b.pauses[i].until);
  }
  ASSERT_EQ(a.sessions.size(), b.sessions.size());
  for (std::size_t i = 0; i < a.sessions.size(); ++i) {
    EXPECT_EQ(a.sessions[i].date, b.sessions[i].date);
    EXPECT_EQ(a.sessions[i].device, b.sessions[i].device);
    EXPECT_EQ(a.sessions[i].needle_mm, b.sessions[i].needle_mm);
    EXPECT_EQ(a.sessions[i].passes, b.sessions[i].passes);
    EXPECT_EQ(a.sessions[i].occlusion_hours, b.sessions[i].occlusion_hours);
    EXPECT_EQ(a.sessions[i].after, b.sessions[i].after);
  }
}

TEST(ScenarioWriter, EveryTestScenarioRoundTripsThroughTheWriter) {
  int files = 0;
  for (const auto& entry :
       std::filesystem::directory_iterator(std::filesystem::path(DERMASIM_SOURCE_DIR) / "tests/regimen/scenarios")) {
    const Regimen original = read_scenario_file(entry.path().string(), catalogue());

    const std::string written = write_scenario(original, "round trip\nof " + entry.path().filename().string());
    const Regimen reread = read_scenario(written, "written.toml", catalogue());

    expect_same(original, reread);
    ++files;
  }
  EXPECT_GT(files, 20);
}

TEST(ScenarioWriter, EscapesStringsForToml) {
  EXPECT_EQ(toml_string("a \"quoted\" \\ name\n"), "\"a \\\"quoted\\\" \\\\ name\\n\"");

  Regimen regimen = read_scenario_file(std::string(DERMASIM_SOURCE_DIR) + "/tests/regimen/scenarios/safe.scenario.toml",
                                       catalogue());
  regimen.name = "tricky \"name\" with \\ and\ttab";
  EXPECT_EQ(read_scenario(write_scenario(regimen, ""), "t.toml", catalogue()).name, regimen.name);
}

TEST(ProfileReader, ReadsTheDefaultProfile) {
  const Profile profile =
      read_profile_file(std::string(DERMASIM_SOURCE_DIR) + "/examples/05-plan-for-profile/default.profile.toml");

  EXPECT_EQ(profile.person.fitzpatrick, 4);
  EXPECT_EQ(profile.goals.horizon_days, 180);
  EXPECT_EQ(profile.goals.max_sessions, 6);
  EXPECT_EQ(profile.goals.max_erythema, 2.0);
  EXPECT_EQ(profile.goals.start, make_date(2027, 1, 4));
  EXPECT_DOUBLE_EQ(profile.goals.weight(Concern::acne_scars), 2.0);
  EXPECT_DOUBLE_EQ(profile.goals.weight(Concern::hyperpigmentation), 1.0);
  EXPECT_EQ(profile.goals.retinoid, RetinoidChoice::tretinoin);
}

TEST(ProfileReader, RejectsUnknownWarningIdsAndOutOfRangeLimitsWithPositions) {
  const std::string base = "[person]\nfitzpatrick = 2\nsite = \"cheek\"\nconcerns = []\nsensitivity = \"low\"\n"
                           "[goals]\nhorizon_days = 120\nretinoid = \"none\"\n";
  try {
    (void)read_profile(base + "accept_warnings = [\"isotretinoin-6-month\"]\n", "p.toml");
    FAIL();
  } catch (const InputError& error) {
    EXPECT_EQ(error.position().line, 9);
    EXPECT_NE(error.message().find("did you mean \"isotretinoin-6-months\"?"), std::string::npos) << error.what();
  }
  try {
    (void)read_profile(base + "max_erythema = 5\n", "p.toml");
    FAIL();
  } catch (const InputError& error) {
    EXPECT_NE(error.message().find("max_erythema = 5 is outside 0 .. 4"), std::string::npos) << error.what();
  }
  try {
    (void)read_profile(base + "weights = { acne_scar = 2.0 }\n", "p.toml");
    FAIL();
  } catch (const InputError& error) {
    EXPECT_NE(error.message().find("did you mean 'acne_scars'?"), std::string::npos) << error.what();
  }
}

}  // namespace
}  // namespace dermasim::io
