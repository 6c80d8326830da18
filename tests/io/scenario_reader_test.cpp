#include "io/scenario_reader.hpp"

#include <filesystem>
#include <fstream>
#include <sstream>

#include <gtest/gtest.h>

#include "built_in_catalogue.hpp"

#include "io/catalogue_reader.hpp"

namespace dermasim::io {
namespace {

using namespace regimen;

const Catalogue& catalogue() { return test_support::built_in_catalogue(); }

std::string safe_scenario() {
  std::ifstream stream(std::string(DERMASIM_SOURCE_DIR) + "/tests/regimen/scenarios/safe.scenario.toml");
  std::ostringstream text;
  text << stream.rdbuf();
  return text.str();
}

/// Line (1-based) of the first line of `text` that contains `needle`.
int line_of(const std::string& text, const std::string& needle) {
  const auto at = text.find(needle);
  return at == std::string::npos ? -1 : 1 + static_cast<int>(std::count(text.begin(), text.begin() + at, '\n'));
}

TEST(ScenarioReader, ReadsEveryKeyOfTheSafeScenario) {
  const Regimen regimen = read_scenario(safe_scenario(), "safe.toml", catalogue());

  EXPECT_EQ(regimen.name, "Acne scars: tretinoin ramp and a 1.0 mm pen session");
  EXPECT_EQ(regimen.start, make_date(2026, 12, 1));
  EXPECT_EQ(regimen.days, 120);
  EXPECT_EQ(regimen.person.fitzpatrick, 3);
  EXPECT_EQ(regimen.person.age_years, 38);
  EXPECT_FALSE(regimen.person.age_is_default);
  EXPECT_EQ(regimen.person.site, Site::cheek);
  EXPECT_EQ(regimen.person.concerns, (std::vector{Concern::acne_scars, Concern::fine_lines}));
  ASSERT_EQ(regimen.products.size(), 4u);
  EXPECT_EQ(regimen.products[0].schedule, Schedule::every_other_night);
  EXPECT_DOUBLE_EQ(*regimen.products[1].strength_percent, 0.05);
  EXPECT_EQ(regimen.products[0].until, make_date(2026, 12, 28));
  ASSERT_EQ(regimen.pauses.size(), 1u);
  EXPECT_EQ(regimen.pauses[0].products, std::vector<std::string>{"tret-full"});
  ASSERT_EQ(regimen.sessions.size(), 1u);
  EXPECT_EQ(regimen.sessions[0].device, Device::pen);
  EXPECT_DOUBLE_EQ(regimen.sessions[0].needle_mm, 1.0);
  EXPECT_EQ(regimen.sessions[0].passes, 3);
  EXPECT_EQ(regimen.sessions[0].after, std::vector<std::string>{"ha-serum"});
}

TEST(ScenarioReader, TakesDefaultsFromTheCatalogues) {
  std::string text = safe_scenario();
  text.replace(text.find("days  = 120\n"), 12, "");
  text.replace(text.find("passes = 3\n"), 11, "");
  text.replace(text.find("age_years = 38\n"), 15, "");

  const Regimen regimen = read_scenario(text, "defaults.toml", catalogue());

  EXPECT_EQ(regimen.days, days_between(regimen.start, make_date(2027, 1, 15)) + 61);  // session + 60
  EXPECT_EQ(regimen.sessions[0].passes, static_cast<int>(catalogue().device(Device::pen).default_passes.value));
  EXPECT_TRUE(regimen.sessions[0].passes_is_default);
  EXPECT_EQ(regimen.person.age_years, default_age_years);
  EXPECT_TRUE(regimen.person.age_is_default);
  EXPECT_DOUBLE_EQ(regimen.products[0].amount_mg_per_cm2,
                   catalogue().vehicle(Vehicle::cream).default_amount_mg_per_cm2.value);
  EXPECT_FALSE(regimen.person.pregnant);
  EXPECT_TRUE(regimen.person.conditions.empty());
}

/// One way to break the safe scenario: replace `original` by `replacement`, then expect an
/// error on the line that holds `line_marker` (in the edited text), at `column` when given,
/// whose message contains `message`.
struct BrokenScenario {
  std::string name;
  std::string original;
  std::string replacement;
  std::string line_marker;
  int column;
  std::string message;
};

std::ostream& operator<<(std::ostream& out, const BrokenScenario& broken) { return out << broken.name; }

class ScenarioReaderError : public testing::TestWithParam<BrokenScenario> {};

TEST_P(ScenarioReaderError, NamesFileLineColumnAndWhatToDo) {
  const BrokenScenario& broken = GetParam();
  std::string text = safe_scenario();
  const auto at = text.find(broken.original);
  ASSERT_NE(at, std::string::npos) << broken.original;
  text.replace(at, broken.original.size(), broken.replacement);

  try {
    (void)read_scenario(text, "broken.toml", catalogue());
    FAIL() << "no error for " << broken.name;
  } catch (const InputError& error) {
    EXPECT_EQ(error.position().file, "broken.toml");
    EXPECT_EQ(error.position().line, line_of(text, broken.line_marker)) << error.what();
    if (broken.column > 0) {
      EXPECT_EQ(error.position().column, broken.column) << error.what();
    }
    EXPECT_NE(error.message().find(broken.message), std::string::npos) << error.what();
  }
}

const BrokenScenario broken_scenarios[] = {
    {"TomlSyntax", "days  = 120", "days  = = 120", "days  = = 120", 0, "TOML syntax error"},
    {"UnknownKeySuggestsNearest", "needle_mm = 1.0", "neddle_mm = 1.0", "neddle_mm", 1, "did you mean 'needle_mm'?"},
    {"UnknownTopLevelTable", "[[pause]]", "[[pauses]]", "[[pauses]]", 0, "did you mean 'pause'?"},
    {"WrongTypeForNumber", "needle_mm = 1.0", "needle_mm = \"1.0\"", "needle_mm", 13,
     "should be a number, not a string"},
    {"WrongTypeForInteger", "fitzpatrick = 3", "fitzpatrick = 3.5", "fitzpatrick", 15, "should be a whole number"},
    {"WrongTypeForDate", "start = 2026-12-01", "start = \"2026-12-01\"", "start =", 9,
     "should be a date written without quotes"},
    {"FitzpatrickSeven", "fitzpatrick = 3", "fitzpatrick = 7", "fitzpatrick", 15, "fitzpatrick = 7 is outside 1 .. 6"},
    {"NegativeStrength", "strength_percent = 0.025", "strength_percent = -0.025", "strength_percent = -0.025", 20,
     "is outside 0.001 .. 0.4"},
    {"NeedleNineMillimetres", "needle_mm = 1.0", "needle_mm = 9.0", "needle_mm", 13,
     "needle_mm = 9.0 is outside 0.2 .. 3; give the needle length in millimetres"},
    {"UnknownSiteListsAllowedValues", "site = \"cheek\"", "site = \"cheeks\"", "site =", 8,
     "use one of forehead, cheek, nose, chin, periorbital, perioral or neck (did you mean \"cheek\"?)"},
    {"UnknownConcernInList", "\"fine_lines\"]", "\"fine_line\"]", "concerns", 27, "did you mean \"fine_lines\"?"},
    {"UnknownProductInPause", "products = [\"tret-full\"]", "products = [\"tret-ful\"]", "products = [", 13,
     "names product \"tret-ful\", which no [[product]] defines; did you mean \"tret-full\"?"},
    {"UnknownProductInAfter", "after = [\"ha-serum\"]", "after = [\"hyaluronic\"]", "after =", 10,
     "which no [[product]] defines"},
    {"UntilBeforeFrom", "until = 2026-12-28", "until = 2026-11-28", "until = 2026-11-28", 9,
     "until = 2026-11-28 is before from = 2026-12-01"},
    {"PauseUntilBeforeFrom", "until = 2027-01-17", "until = 2027-01-01", "until = 2027-01-01", 9,
     "a pause must end on or after it starts"},
    {"DuplicateProductId", "id = \"spf\"", "id = \"ha-serum\"", "id = \"ha-serum\"\nactive = \"sunscreen\"", 6,
     "product id \"ha-serum\" is already used"},
    {"OverlappingPhases", "until = 2026-12-28\n", "", "from = 2026-12-29", 8, "phases of one active must not overlap"},
    {"MissingStrengthForRetinoid", "strength_percent = 0.05\n", "", "[[product]]\nid = \"tret-full\"", 1,
     "needs strength_percent"},
    {"MissingRequiredKey", "sensitivity = \"normal\"\n", "", "[person]", 1, "[person] needs the key 'sensitivity'"},
    {"SessionBeforeStart", "date = 2027-01-15", "date = 2026-11-15", "date = 2026-11-15", 8,
     "is before the scenario's start"},
    {"DaysTooShortForASession", "days  = 120", "days  = 30", "days  = 30", 9,
     "before the session on 2027-01-15; give at least days = 46"},
    {"InvalidCalendarDate", "date = 2027-01-15", "date = 2027-02-30", "date = 2027-02-30", 0, "TOML syntax error"},
    {"NonBooleanFlag", "sensitivity = \"normal\"", "sensitivity = \"normal\"\npregnant = \"no\"", "pregnant", 12,
     "should be true or false"},
    {"ZeroPasses", "passes = 3", "passes = 0", "passes = 0", 10, "passes = 0 is outside 1 .. 50"},
    {"FiftyOnePasses", "passes = 3", "passes = 51", "passes = 51", 10, "passes = 51 is outside 1 .. 50"},
    {"NeedleJustOverThreeMillimetres", "needle_mm = 1.0", "needle_mm = 3.01", "needle_mm", 13,
     "needle_mm = 3.01 is outside 0.2 .. 3"},
    {"StartInYearZero", "start = 2026-12-01", "start = 0000-12-01", "start =", 9,
     "start = 0000-12-01 lies outside the dates dermasim handles, 1900-01-01 .. 2999-12-31"},
    {"SessionInYear9999", "date = 2027-01-15", "date = 9999-01-15", "date = 9999-01-15", 8,
     "outside the dates dermasim handles"},
    {"IsotretinoinLastDoseAfterTheStart", "sensitivity = \"normal\"",
     "sensitivity = \"normal\"\nisotretinoin_last_dose = 2027-03-01", "isotretinoin_last_dose", 26,
     "isotretinoin_last_dose = 2027-03-01 is after the scenario's start (2026-12-01)"},
    {"ProductFromInYear8033", "from = 2026-12-29", "from = 8033-02-01", "from = 8033-02-01", 8,
     "outside the dates dermasim handles"},
};

INSTANTIATE_TEST_SUITE_P(EveryError, ScenarioReaderError, testing::ValuesIn(broken_scenarios),
                         [](const testing::TestParamInfo<BrokenScenario>& broken) { return broken.param.name; });

/// A scenario of one sunscreen product from `start`, a serum from `serum_from`, and `days`
/// when given.
std::string two_product_scenario(const std::string& start, const std::string& serum_from, const std::string& days) {
  return "[scenario]\nname = \"long\"\nstart = " + start + "\n" + (days.empty() ? "" : "days = " + days + "\n") +
         "[person]\nfitzpatrick = 3\nsite = \"cheek\"\nconcerns = [\"fine_lines\"]\nsensitivity = \"normal\"\n"
         "[[product]]\nid = \"spf\"\nactive = \"sunscreen\"\nvehicle = \"lotion\"\nschedule = \"morning\"\nfrom = " +
         start +
         "\n[[product]]\nid = \"ha\"\nactive = \"hyaluronic_acid\"\nvehicle = \"serum\"\n"
         "schedule = \"morning\"\nfrom = " +
         serum_from + "\n";
}

InputError read_error(const std::string& text) {
  try {
    (void)read_scenario(text, "long.toml", catalogue());
  } catch (const InputError& error) {
    return error;
  }
  ADD_FAILURE() << "no error";
  return InputError({}, "");
}

TEST(ScenarioReader, HoldsTheTenYearLimitForALengthTheDatesImply) {
  const std::string text = two_product_scenario("2026-12-01", "2900-02-01", "");

  const InputError error = read_error(text);

  EXPECT_EQ(error.position().line, line_of(text, "from = 2900-02-01")) << error.what();
  EXPECT_EQ(error.position().column, 8);
  EXPECT_NE(error.message().find("a scenario lasts 1 .. 3650 days"), std::string::npos) << error.what();
  EXPECT_NE(error.message().find("or give days = N"), std::string::npos) << error.what();
}

TEST(ScenarioReader, AcceptsAnImpliedLengthOfExactlyTenYears) {
  // from + 60 days + the first day = 3650 days.
  const Date from = make_date(2026, 12, 1) + Days{3650 - 61};

  const Regimen regimen = read_scenario(two_product_scenario("2026-12-01", iso(from), ""), "long.toml", catalogue());

  EXPECT_EQ(regimen.days, 3650);
}

TEST(ScenarioReader, RefusesDaysThatRunPastTheLastDate) {
  const std::string text = two_product_scenario("2999-12-01", "2999-12-02", "100");

  const InputError error = read_error(text);

  EXPECT_EQ(error.position().line, line_of(text, "days = 100")) << error.what();
  EXPECT_NE(error.message().find("ends by 2999-12-31; give days = 31 or fewer"), std::string::npos) << error.what();
}

TEST(ScenarioReader, RefusesAnImpliedLengthThatRunsPastTheLastDate) {
  const std::string text = two_product_scenario("2999-12-01", "2999-12-02", "");

  const InputError error = read_error(text);

  EXPECT_EQ(error.position().line, line_of(text, "from = 2999-12-02")) << error.what();
  EXPECT_NE(error.message().find("bring this date 31 days closer"), std::string::npos) << error.what();
}

/// The safe scenario, its length derived, with `extra` more sessions a day apart.
std::string with_extra_sessions(int extra) {
  std::string text = safe_scenario();
  text.replace(text.find("days  = 120\n"), 12, "");
  Date date = make_date(2027, 1, 16);
  for (int index = 0; index < extra; ++index, date += Days{1})
    text += "\n[[session]]\ndate = " + iso(date) + "\ndevice = \"pen\"\nneedle_mm = 0.25\n";
  return text;
}

TEST(ScenarioReader, HoldsFiveHundredAndTwentySessions) {
  EXPECT_EQ(read_scenario(with_extra_sessions(519), "many.toml", catalogue()).sessions.size(), 520u);
}

TEST(ScenarioReader, RefusesTheFiveHundredAndTwentyFirstSession) {
  const std::string text = with_extra_sessions(520);

  const InputError error = read_error(text);

  // The safe scenario's own session is the first; the 521st is the 520th extra one.
  std::size_t at = 0;
  for (int index = 0; index < 521; ++index) at = text.find("[[session]]", at + 1);
  const int line = static_cast<int>(std::count(text.begin(), text.begin() + static_cast<long>(at), '\n')) + 1;
  EXPECT_EQ(error.position().file, "long.toml");
  EXPECT_EQ(error.position().line, line) << error.what();
  EXPECT_NE(error.message().find("at most 520 sessions"), std::string::npos) << error.what();
}

TEST(ScenarioReader, ReportsAMissingFileWithItsPath) {
  try {
    (void)read_scenario_file("/nonexistent/x.scenario.toml", catalogue());
    FAIL();
  } catch (const InputError& error) {
    EXPECT_EQ(error.position().file, "/nonexistent/x.scenario.toml");
  }
}

InputError read_error_with(const Catalogue& edited) {
  try {
    (void)read_scenario(safe_scenario(), "safe.toml", edited);
  } catch (const InputError& error) {
    return error;
  }
  ADD_FAILURE() << "no error";
  return InputError({}, "");
}

TEST(ScenarioReader, RefusesASiteTheCatalogueLacksAtThePersonsSite) {
  Catalogue edited = catalogue();
  std::erase_if(edited.sites, [](const SiteSpec& site) { return site.id == "cheek"; });

  const InputError error = read_error_with(edited);

  EXPECT_EQ(error.position().file, "safe.toml");
  EXPECT_EQ(error.position().line, line_of(safe_scenario(), "site = \"cheek\"")) << error.what();
  EXPECT_EQ(error.position().column, 8) << error.what();
  EXPECT_NE(error.message().find("site = \"cheek\" has no entry in the catalogue"), std::string::npos) << error.what();
}

TEST(ScenarioReader, RefusesAnActiveTheCatalogueCannotSimulateAtTheProductsActive) {
  Catalogue without = catalogue();
  std::erase_if(without.actives, [](const ActiveSpec& active) { return active.id == "tretinoin"; });
  Catalogue without_chemistry = catalogue();
  for (ActiveSpec& active : without_chemistry.actives)
    if (active.id == "tretinoin") active.has_physicochemistry = false;

  const InputError missing = read_error_with(without);
  const InputError lacking = read_error_with(without_chemistry);

  EXPECT_EQ(missing.position().line, line_of(safe_scenario(), "active = \"tretinoin\"")) << missing.what();
  EXPECT_NE(missing.message().find("has no entry in the catalogue"), std::string::npos) << missing.what();
  EXPECT_EQ(lacking.position().line, line_of(safe_scenario(), "active = \"tretinoin\"")) << lacking.what();
  EXPECT_NE(lacking.message().find("it needs molecular_weight_g_per_mol"), std::string::npos) << lacking.what();
}

}  // namespace
}  // namespace dermasim::io
