#include "io/input_kind.hpp"

#include <filesystem>
#include <string>

#include <gtest/gtest.h>

#include "built_in_catalogue.hpp"

#include "core/error.hpp"
#include "io/experiment_reader.hpp"
#include "io/profile_reader.hpp"
#include "io/scenario_reader.hpp"

namespace dermasim::io {
namespace {

std::string source(const std::string& relative) { return std::string(DERMASIM_SOURCE_DIR) + "/" + relative; }

template <class Read>
std::string error_of(Read read) {
  try {
    read();
  } catch (const InputError& error) {
    return error.what();
  }
  return "no error";
}

const std::string profile_path = source("examples/05-plan-for-profile/default.profile.toml");
const std::string scenario_path = source("examples/03-check-scenario/acne-scars.scenario.toml");

TEST(InputKind, AProfileGivenAsAScenarioNamesTheCommandThatTakesIt) {
  const auto error = error_of([] { (void)read_scenario_file(profile_path, test_support::built_in_catalogue()); });
  EXPECT_NE(error.find(profile_path + ":1:1: this is a profile file (it has [goals]): use dermasim plan"),
            std::string::npos)
      << error;
}

TEST(InputKind, AScenarioGivenAsAProfileOrAnExperimentNamesItsCommands) {
  const auto as_profile = error_of([] { (void)read_profile_file(scenario_path); });
  const auto as_experiment =
      error_of([] { (void)read_experiment_file(scenario_path, test_support::built_in_catalogue()); });
  EXPECT_NE(as_profile.find("this is a scenario file (it has [scenario]): use dermasim check, simulate or population"),
            std::string::npos)
      << as_profile;
  EXPECT_NE(as_experiment.find("this command takes an experiment file"), std::string::npos) << as_experiment;
}

TEST(InputKind, ADirectoryGivenAsAFileIsNamedAsSuch) {
  const std::string directory = source("examples");
  const auto error = error_of([&] { (void)read_scenario_file(directory, test_support::built_in_catalogue()); });
  EXPECT_NE(error.find(directory + ": is a directory; give a scenario file"), std::string::npos) << error;
}

TEST(InputKind, ADateWithSlashesGetsTheFormToWrite) {
  const std::string text = "[scenario]\nname = \"x\"\nstart = 12/12/2026\n";
  const auto error = error_of([&] { (void)read_scenario(text, "slashes.toml", test_support::built_in_catalogue()); });
  EXPECT_NE(error.find("slashes.toml:3:"), std::string::npos) << error;
  EXPECT_NE(error.find("dates are written year-month-day without quotes, e.g. start = 2026-12-12"), std::string::npos)
      << error;
}

TEST(InputKind, AnotherSyntaxErrorGetsNoDateHint) {
  const std::string text = "[scenario]\nname = = \"x\"\n";
  const auto error = error_of([&] { (void)read_scenario(text, "other.toml", test_support::built_in_catalogue()); });
  EXPECT_NE(error.find("TOML syntax error"), std::string::npos) << error;
  EXPECT_EQ(error.find("dates are written"), std::string::npos) << error;
}

}  // namespace
}  // namespace dermasim::io
