// End-to-end tests of `dermasim absorb`: the absorb.json contract, files, exit codes.

#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "cli_runner.hpp"

namespace dermasim::testing {
namespace {

std::string read(const std::filesystem::path& path) { return read_text(path.string()); }

// Each --out is in a scratch directory of a unique name: concurrent test runs on one machine
// would otherwise share it (and one would be refused by the other's lock).

TEST(AbsorbCommand, ReportsWhereTheDoseIsWithRoundOffMassBalance) {
  const ScratchDirectory scratch("cli-absorb");
  const auto out = scratch.path() / "out";

  const auto result =
      run_dermasim({"absorb", source_path("examples/01-absorb-intact-skin/tretinoin-cream.experiment.toml"), "--out",
                    out.string(), "--json"});

  ASSERT_EQ(result.exit_code, 0) << result.err;
  const auto document = nlohmann::json::parse(result.out);
  EXPECT_EQ(document, nlohmann::json::parse(read(out / "absorb.json")));
  for (const char* layer : {"vehicle", "stratum_corneum", "viable_epidermis", "dermis", "receptor"})
    EXPECT_GE(document.at("layers_ng_per_cm2").at(layer).get<double>(), 0.0) << layer;
  for (const char* key : {"absorbed_percent_of_dose", "metabolized_ng_per_cm2", "cleared_ng_per_cm2",
                          "washed_off_ng_per_cm2", "mass_balance_relative_error", "derived"})
    EXPECT_TRUE(document.contains(key)) << key;
  EXPECT_LT(document.at("mass_balance_relative_error").get<double>(), 1e-10);
  double total = 0.0;
  for (const auto& [layer, amount] : document.at("layers_ng_per_cm2").items()) total += amount.get<double>();
  EXPECT_NEAR(total, 0.05 / 100 * 2.0 * 1e6, 1e-6 * total);  // 0.05 % of 2 mg/cm² = 1000 ng/cm²
  EXPECT_EQ(read(out / "profile.csv")
                .rfind("hours,flux_ng_per_cm2_h,vehicle,stratum_corneum,viable_epidermis,dermis,receptor,cleared\n", 0),
            0u);
  EXPECT_EQ(read(out / "depth_profile.csv").rfind("hours,depth_um,concentration_ng_per_cm3\n", 0), 0u);
}

TEST(AbsorbCommand, GivesTheEnhancementOverIntactSkinWithMicroneedles) {
  const ScratchDirectory scratch("cli-absorb-mn");
  const auto tretinoin =
      run_dermasim({"absorb", source_path("examples/02-absorb-microneedled/tretinoin-pen.experiment.toml"), "--json",
                    "--fidelity", "fast", "--out", (scratch.path() / "tretinoin").string()});
  const auto caffeine =
      run_dermasim({"absorb", source_path("examples/02-absorb-microneedled/caffeine-pen.experiment.toml"), "--json",
                    "--fidelity", "fast", "--out", (scratch.path() / "caffeine").string()});

  ASSERT_EQ(tretinoin.exit_code, 0) << tretinoin.err;
  ASSERT_EQ(caffeine.exit_code, 0) << caffeine.err;
  const double tretinoin_ratio = nlohmann::json::parse(tretinoin.out).at("enhancement_ratio").get<double>();
  const double caffeine_ratio = nlohmann::json::parse(caffeine.out).at("enhancement_ratio").get<double>();
  EXPECT_TRUE(nlohmann::json::parse(caffeine.out).contains("intact"));
  // docs/validation.md: channels change where a lipophilic drug goes more than how much crosses;
  // for a hydrophilic active they dominate.
  EXPECT_LT(tretinoin_ratio, 2.0);
  EXPECT_GT(caffeine_ratio, 5.0);
}

TEST(AbsorbCommand, AnInfiniteDoseReportsSteadyFluxKpAndLagTime) {
  const ScratchDirectory scratch("cli-absorb-inf");
  const auto result =
      run_dermasim({"absorb", source_path("examples/01-absorb-intact-skin/caffeine-infinite.experiment.toml"), "--json",
                    "--out", (scratch.path() / "out").string()});

  ASSERT_EQ(result.exit_code, 0) << result.err;
  const auto document = nlohmann::json::parse(result.out);
  EXPECT_TRUE(document.at("absorbed_percent_of_dose").is_null());
  EXPECT_GT(document.at("steady_flux_ng_per_cm2_h").get<double>(), 0.0);
  EXPECT_GT(document.at("kp_cm_per_h").get<double>(), 0.0);
  EXPECT_GT(document.at("lag_time_h").get<double>(), 0.0);
}

TEST(AbsorbCommand, BadExperimentsExitTwoWithAPosition) {
  const ScratchDirectory inputs("absorb-bad-input");
  const auto path = inputs.path() / "bad.experiment.toml";
  std::ofstream(path) << "[experiment]\nactive = \"tretinoin\"\nstrength_percent = 0.05\nvehicle = \"cream\"\n"
                         "dose_mg_per_cm2 = 2.0\nhours = 24\nsite = \"abdomen\"\nreceptor = \"snk\"\n";

  const auto result = run_dermasim({"absorb", path.string()});

  EXPECT_EQ(result.exit_code, 2);
  EXPECT_NE(result.err.find(path.string() + ":8:"), std::string::npos) << result.err;
}

/// A fresh directory for one test, unique to this process.
std::filesystem::path fresh_directory(const std::string& name) {
  const auto directory =
      std::filesystem::temp_directory_path() / ("dermasim-absorb-cli-" + name + "-" + std::to_string(::getpid()));
  std::filesystem::remove_all(directory);
  std::filesystem::create_directories(directory);
  return directory;
}

/// An example experiment with `original` replaced by `replacement`, written into `directory`.
std::string edited_example(const std::filesystem::path& directory, const std::string& example,
                           const std::string& original, const std::string& replacement) {
  std::string text = read_text(source_path(example));
  const auto at = text.find(original);
  EXPECT_NE(at, std::string::npos) << original;
  if (at != std::string::npos) text.replace(at, original.size(), replacement);
  const auto path = directory / "edited.experiment.toml";
  std::ofstream(path) << text;
  return path.string();
}

// Issue 19: 3 minutes of tretinoin on needled skin printed an enhancement of thousands of
// times over an intact-skin absorption at the solver's round-off.
TEST(AbsorbCommand, GivesNoEnhancementOverAnIntactAbsorptionAtRoundOff) {
  const auto directory = fresh_directory("round-off");
  const auto path = edited_example(directory, "examples/02-absorb-microneedled/tretinoin-pen.experiment.toml",
                                   "hours = 24", "hours = 0.05");

  const auto json = run_dermasim({"absorb", path, "--json", "--out", (directory / "out").string()});
  const auto text = run_dermasim({"absorb", path, "--out", (directory / "out").string()});

  ASSERT_EQ(json.exit_code, 0) << json.err;
  const auto document = nlohmann::json::parse(json.out);
  EXPECT_TRUE(document.at("enhancement_ratio").is_null());
  EXPECT_NE(document.at("enhancement_ratio_reason").get<std::string>().find("below 1e-06 of the dose, 1000 ng/cm2"),
            std::string::npos)
      << document.at("enhancement_ratio_reason");
  EXPECT_NE(text.out.find("enhancement over intact skin: not meaningful: absorption through intact skin"),
            std::string::npos)
      << text.out;
  std::filesystem::remove_all(directory);
}

// Issue 19: an inline compound with water_solubility_mg_per_ml = 1e-300 or 1e-320 (inside the
// documented 0 .. 2000) failed in CVODE with exit 3.
TEST(AbsorbCommand, AnInlineCompoundOfVanishingSolubilityRunsAtFullFidelity) {
  for (const char* solubility : {"1e-300", "1e-320"}) {
    const auto directory = fresh_directory("solubility");
    const auto path =
        edited_example(directory, "examples/02-absorb-microneedled/caffeine-pen.experiment.toml",
                       "water_solubility_mg_per_ml = 21.6", std::string("water_solubility_mg_per_ml = ") + solubility);

    const auto result =
        run_dermasim({"absorb", path, "--json", "--fidelity", "full", "--out", (directory / "out").string()});

    ASSERT_EQ(result.exit_code, 0) << solubility << ": " << result.err;
    const auto document = nlohmann::json::parse(result.out);
    EXPECT_LT(document.at("mass_balance_relative_error").get<double>(), 1e-6) << solubility;
    EXPECT_TRUE(document.at("enhancement_ratio").is_null()) << solubility;
    EXPECT_FALSE(document.at("enhancement_ratio_reason").is_null()) << solubility;
    std::filesystem::remove_all(directory);
  }
}

}  // namespace
}  // namespace dermasim::testing
