// End-to-end tests of `dermasim population`: exit codes, the population.json contract, the
// HTML page, the terminal text, and the same file whatever the thread count.

#include <unistd.h>

#include <cmath>
#include <filesystem>
#include <fstream>
#include <sstream>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "cli_runner.hpp"

namespace dermasim::testing {
namespace {

std::string scenario(const std::string& name) {
  return source_path("tests/population/scenarios/" + name + ".scenario.toml");
}

/// A fresh, empty output directory for one test.
std::filesystem::path fresh_directory(const std::string& name) {
  const auto directory =
      std::filesystem::temp_directory_path() / ("dermasim-population-cli-" + name + "-" + std::to_string(::getpid()));
  std::filesystem::remove_all(directory);
  return directory;
}

std::string read_text(const std::filesystem::path& path) {
  std::ifstream stream(path);
  std::ostringstream text;
  text << stream.rdbuf();
  return text.str();
}

TEST(PopulationCommand, PrintsThePopulationJsonContractAndWritesBothFiles) {
  const auto out = fresh_directory("contract");

  const auto result = run_dermasim(
      {"population", scenario("short-session"), "--n", "6", "--threads", "2", "--json", "--out", out.string()});

  ASSERT_EQ(result.exit_code, 0) << result.err;
  const auto document = nlohmann::json::parse(result.out);
  EXPECT_EQ(document.at("n"), 6);
  EXPECT_EQ(document.at("seed"), 1);
  for (const char* key : {"p5", "p25", "p50", "p75", "p95", "mean"}) {
    EXPECT_TRUE(document.at("outcomes").at("collagen_change_percent").contains(key)) << key;
    EXPECT_TRUE(document.at("safety").at("peak_erythema").contains(key)) << key;
  }
  EXPECT_TRUE(document.at("outcomes").contains("texture_improvement_percent"));
  for (const char* event : {"peak_erythema_ge_3", "redness_gt_3_days", "pih", "retinoid_dermatitis"}) {
    const double probability = document.at("adverse_event_probability").at(event);
    EXPECT_GE(probability, 0.0) << event;
    EXPECT_LE(probability, 1.0) << event;
  }
  const auto& ranking = document.at("sensitivity").at("peak_erythema");
  ASSERT_FALSE(ranking.empty());
  for (const auto& entry : ranking) {
    EXPECT_TRUE(entry.contains("parameter"));
    const double index = entry.at("index");  // first-order Sobol index
    const double rank_correlation = entry.at("rank_correlation");
    EXPECT_GE(index, 0.0);
    EXPECT_LE(index, 1.0);
    EXPECT_GE(rank_correlation, -1.0);
    EXPECT_LE(rank_correlation, 1.0);
  }
  for (std::size_t place = 1; place < ranking.size(); ++place)
    EXPECT_GE(ranking[place - 1].at("index").get<double>(), ranking[place].at("index").get<double>()) << place;
  EXPECT_NE(document.at("sensitivity_method").get<std::string>().find("Sobol"), std::string::npos);
  EXPECT_EQ(read_text(out / "population.json"), result.out);
  const auto html = read_text(out / "population.html");
  EXPECT_NE(html.find("<svg"), std::string::npos);
  EXPECT_NE(html.find("first-order Sobol index"), std::string::npos);
  EXPECT_NE(html.find("consult a dermatologist"), std::string::npos);
  std::filesystem::remove_all(out);
}

TEST(PopulationCommand, WritesTheSameFileOnOneAndTwoThreads) {
  const auto one = fresh_directory("one-thread");
  const auto two = fresh_directory("two-threads");

  const auto first = run_dermasim(
      {"population", scenario("short-session"), "--n", "8", "--seed", "5", "--threads", "1", "--out", one.string()});
  const auto second = run_dermasim(
      {"population", scenario("short-session"), "--n", "8", "--seed", "5", "--threads", "2", "--out", two.string()});

  ASSERT_EQ(first.exit_code, 0) << first.err;
  ASSERT_EQ(second.exit_code, 0) << second.err;
  EXPECT_EQ(read_text(one / "population.json"), read_text(two / "population.json"));
  std::filesystem::remove_all(one);
  std::filesystem::remove_all(two);
}

// The README's example at n = 100: person 39's viable-epidermis amount rang a hair below zero
// once the skin had emptied, and the whole run failed with exit 3.
TEST(PopulationCommand, RunsEveryPersonOfTheReadmeExampleAtAHundredPeople) {
  const auto out = fresh_directory("readme-hundred");

  const auto result =
      run_dermasim({"population", source_path("examples/04-simulate-regimen/with-washout.scenario.toml"), "--n", "100",
                    "--seed", "1", "--json", "--out", out.string()});

  ASSERT_EQ(result.exit_code, 0) << result.err;
  const auto document = nlohmann::json::parse(result.out);
  EXPECT_EQ(document.at("n"), 100);
  EXPECT_EQ(document.at("n_simulated"), 100);
  EXPECT_TRUE(document.at("failures").empty());
  std::filesystem::remove_all(out);
}

TEST(PopulationCommand, PrintsPercentilesAdverseEventsAndDriversWithoutAProgressBarWhenNotATerminal) {
  const auto out = fresh_directory("text");

  const auto result = run_dermasim({"population", scenario("short-session"), "--n", "4", "--out", out.string()});

  ASSERT_EQ(result.exit_code, 0) << result.err;
  EXPECT_NE(result.out.find("4 people (seed 1)"), std::string::npos) << result.out;
  EXPECT_NE(result.out.find("Adverse events"), std::string::npos);
  EXPECT_NE(result.out.find("Main drivers"), std::string::npos);
  EXPECT_NE(result.out.find("rho"), std::string::npos);         // the direction beside each index
  EXPECT_NE(result.out.find("not stable"), std::string::npos);  // 4 people are far too few to rank
  EXPECT_NE(result.out.find("consult a dermatologist"), std::string::npos);
  EXPECT_EQ(result.err, "");  // stderr is a file here, so no progress bar
  std::filesystem::remove_all(out);
}

TEST(PopulationCommand, ExitsOneWithoutSimulatingWhenTheScenarioHasErrorFindings) {
  const auto out = fresh_directory("unsafe");

  const auto result = run_dermasim({"population", scenario("short-unsafe"), "--n", "4", "--out", out.string()});

  EXPECT_EQ(result.exit_code, 1);
  EXPECT_NE(result.out.find("tretinoin-washout"), std::string::npos) << result.out;
  EXPECT_FALSE(std::filesystem::exists(out / "population.json"));
}

TEST(PopulationCommand, SimulatesAnUnsafeScenarioWhenForcedAndStillExitsOne) {
  const auto out = fresh_directory("forced");

  const auto result =
      run_dermasim({"population", scenario("short-unsafe"), "--n", "3", "--force", "--json", "--out", out.string()});

  EXPECT_EQ(result.exit_code, 1);
  const auto document = nlohmann::json::parse(result.out);
  EXPECT_EQ(document.at("forced"), true);
  EXPECT_FALSE(document.at("findings").empty());
  EXPECT_NE(read_text(out / "population.html").find("FORCED RUN"), std::string::npos);
  std::filesystem::remove_all(out);
}

TEST(PopulationCommand, RejectsAMissingOrNonPositivePopulationSize) {
  EXPECT_EQ(run_dermasim({"population", scenario("short-session")}).exit_code, 2);
  EXPECT_EQ(run_dermasim({"population", scenario("short-session"), "--n", "0"}).exit_code, 2);
  EXPECT_EQ(run_dermasim({"population", scenario("short-session"), "--n", "5", "--threads", "0"}).exit_code, 2);
}

TEST(PopulationCommand, RefusesMoreThanTwoToTheTwentiethPeopleWithTheRange) {
  const auto result = run_dermasim({"population", scenario("short-session"), "--n", "1048577"});

  EXPECT_EQ(result.exit_code, 2);
  EXPECT_NE(result.err.find("1 to 1048576"), std::string::npos) << result.err;
  EXPECT_EQ(result.out, "");
}

// Issue 19: "--seed -1" and "--seed 2^64" both ran silently with seed 2^64 - 1.
TEST(PopulationCommand, RefusesASeedOutsideZeroToTwoToTheSixtyThreeMinusOne) {
  for (const char* seed : {"-1", "18446744073709551616", "18446744073709551615", "9223372036854775808", "1.5", ""}) {
    const auto result = run_dermasim({"population", scenario("short-session"), "--n", "2", "--seed", seed});
    EXPECT_EQ(result.exit_code, 2) << seed;
    EXPECT_NE(result.err.find("from 0 to 9223372036854775807 (2^63 - 1)"), std::string::npos) << result.err;
    EXPECT_EQ(result.out, "") << seed;
  }
}

TEST(PopulationCommand, TakesTheLargestSeedAndWritesItBackExactly) {
  const auto out = fresh_directory("largest-seed");

  const auto result = run_dermasim({"population", scenario("short-session"), "--n", "2", "--seed",
                                    "9223372036854775807", "--json", "--out", out.string()});

  ASSERT_EQ(result.exit_code, 0) << result.err;
  EXPECT_EQ(nlohmann::json::parse(result.out).at("seed").get<std::uint64_t>(), 9223372036854775807u);
  std::filesystem::remove_all(out);
}

TEST(PopulationCommand, NamesTheFileLineAndColumnOfABadScenario) {
  const auto directory = fresh_directory("bad-input");
  std::filesystem::create_directories(directory);
  const auto path = directory / "bad.scenario.toml";
  std::ofstream(path) << "[scenario]\nname = \"x\"\nstart = 2026-12-01\ndays = -3\n";

  const auto result = run_dermasim({"population", path.string(), "--n", "3"});

  EXPECT_EQ(result.exit_code, 2);
  EXPECT_NE(result.err.find("bad.scenario.toml:"), std::string::npos) << result.err;
  std::filesystem::remove_all(directory);
}

}  // namespace
}  // namespace dermasim::testing
