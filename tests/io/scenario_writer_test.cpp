#include "io/scenario_writer.hpp"

#include <filesystem>
#include <tuple>

#include <gtest/gtest.h>

#include "built_in_catalogue.hpp"

#include "io/catalogue_reader.hpp"
#include "io/profile_reader.hpp"
#include "io/scenario_reader.hpp"

namespace dermasim::io {
namespace {

using namespace regimen;

const Catalogue& catalogue() { return test_support::built_in_catalogue(); }

// Every field of each part of a regimen, so that a round trip is compared as a whole value. The
// `*_is_default` flags record whether the file gave a value; the writer gives every value
// explicitly, so they are compared apart (expect_same_provenance).
auto fields(const Person& p) {
  return std::tie(p.fitzpatrick, p.age_years, p.age_is_default, p.site, p.concerns, p.sensitivity, p.pregnant,
                  p.breastfeeding, p.isotretinoin_last_dose, p.conditions);
}
auto fields(const Product& p) {
  return std::tie(p.id, p.active, p.strength_percent, p.vehicle, p.amount_mg_per_cm2, p.schedule, p.from, p.until);
}
auto fields(const Pause& p) { return std::tie(p.products, p.from, p.until); }
auto fields(const Session& s) { return std::tie(s.date, s.device, s.needle_mm, s.passes, s.occlusion_hours, s.after); }

template <class Part>
void expect_same_parts(const std::vector<Part>& a, const std::vector<Part>& b, const char* what) {
  ASSERT_EQ(a.size(), b.size()) << what;
  for (std::size_t i = 0; i < a.size(); ++i) EXPECT_TRUE(fields(a[i]) == fields(b[i])) << what << " " << i;
}

void expect_same(const Regimen& a, const Regimen& b) {
  EXPECT_EQ(std::tie(a.name, a.start, a.days), std::tie(b.name, b.start, b.days));
  EXPECT_TRUE(fields(a.person) == fields(b.person));
  expect_same_parts(a.products, b.products, "product");
  expect_same_parts(a.pauses, b.pauses, "pause");
  expect_same_parts(a.sessions, b.sessions, "session");
}

/// A written file names every amount and pass count, so nothing read back is a default.
void expect_no_defaults(const Regimen& reread) {
  for (const Product& product : reread.products) EXPECT_FALSE(product.amount_is_default) << product.id;
  for (const Session& session : reread.sessions) EXPECT_FALSE(session.passes_is_default) << iso(session.date);
}

TEST(ScenarioWriter, EveryTestScenarioRoundTripsThroughTheWriter) {
  int files = 0;
  for (const auto& entry :
       std::filesystem::directory_iterator(std::filesystem::path(DERMASIM_SOURCE_DIR) / "tests/regimen/scenarios")) {
    const Regimen original = read_scenario_file(entry.path().string(), catalogue());

    const std::string written = write_scenario(original, "round trip\nof " + entry.path().filename().string());
    const Regimen reread = read_scenario(written, "written.toml", catalogue());

    expect_same(original, reread);
    expect_no_defaults(reread);
    ++files;
  }
  EXPECT_GT(files, 20);
}

TEST(ScenarioWriter, AHandBuiltRegimenWithEveryFieldSetRoundTrips) {
  Regimen regimen;
  regimen.name = "every field";
  regimen.start = make_date(2027, 3, 1);
  regimen.days = 45;
  regimen.person = {5,
                    29,
                    false,
                    Site::perioral,
                    {Concern::acne, Concern::enlarged_pores},
                    Sensitivity::low,
                    true,
                    true,
                    make_date(2026, 6, 30),
                    {Condition::keloid_history, Condition::anticoagulants}};
  regimen.products = {{"retinol-1", Active::retinol, 0.3, Vehicle::microsphere_gel, 1.25, false, Schedule::twice_weekly,
                       make_date(2027, 3, 1), make_date(2027, 3, 20)},
                      {"acid", Active::exfoliating_acid, 7.5, Vehicle::lotion, 0.8, false, Schedule::twice_daily,
                       make_date(2027, 3, 2), std::nullopt},
                      {"ha", Active::hyaluronic_acid, std::nullopt, Vehicle::gel, 2.5, false, Schedule::after_session,
                       make_date(2027, 3, 1), std::nullopt}};
  regimen.pauses = {{{"retinol-1", "acid"}, make_date(2027, 3, 5), make_date(2027, 3, 12)}};
  regimen.sessions = {{make_date(2027, 3, 10), Device::stamp, 0.75, 4, false, 1.5, {"ha"}},
                      {make_date(2027, 4, 10), Device::roller, 0.25, 12, false, 0.0, {}}};

  const Regimen reread = read_scenario(write_scenario(regimen, "every field"), "every.toml", catalogue());

  expect_same(regimen, reread);
  expect_no_defaults(reread);
}

TEST(ScenarioWriter, EscapesStringsForToml) {
  EXPECT_EQ(toml_string("a \"quoted\" \\ name\n"), "\"a \\\"quoted\\\" \\\\ name\\n\"");

  Regimen regimen =
      read_scenario_file(std::string(DERMASIM_SOURCE_DIR) + "/tests/regimen/scenarios/safe.scenario.toml", catalogue());
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
  const std::string base =
      "[person]\nfitzpatrick = 2\nsite = \"cheek\"\nconcerns = []\nsensitivity = \"low\"\n"
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
