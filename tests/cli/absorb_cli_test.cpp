// End-to-end tests of `dermasim absorb`: the absorb.json contract, files, exit codes.

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
  const auto path = std::filesystem::temp_directory_path() / "dermasim-cli-bad.experiment.toml";
  std::ofstream(path) << "[experiment]\nactive = \"tretinoin\"\nstrength_percent = 0.05\nvehicle = \"cream\"\n"
                         "dose_mg_per_cm2 = 2.0\nhours = 24\nsite = \"abdomen\"\nreceptor = \"snk\"\n";

  const auto result = run_dermasim({"absorb", path.string()});

  EXPECT_EQ(result.exit_code, 2);
  EXPECT_NE(result.err.find(path.string() + ":8:"), std::string::npos) << result.err;
  std::filesystem::remove(path);
}

}  // namespace
}  // namespace dermasim::testing
