// End-to-end tests of `dermasim check`: exit codes, JSON contract, human output, errors.

#include <unistd.h>

#include <filesystem>
#include <fstream>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "cli_runner.hpp"

namespace dermasim::testing {
namespace {

std::string scenario(const std::string& name) {
  return source_path("tests/regimen/scenarios/" + name + ".scenario.toml");
}

TEST(CheckCommand, ExitsZeroWithAVerdictForASafeScenario) {
  const auto result = run_dermasim({"check", scenario("safe")});

  EXPECT_EQ(result.exit_code, 0) << result.err;
  EXPECT_NE(result.out.find("Verdict: no findings"), std::string::npos);
  EXPECT_NE(result.out.find("consult a dermatologist"), std::string::npos);
}

TEST(CheckCommand, ExitsOneWhenAFindingIsAnError) {
  const auto result = run_dermasim({"check", scenario("tretinoin-washout")});

  EXPECT_EQ(result.exit_code, 1);
  EXPECT_NE(result.out.find("ERROR   tretinoin-washout [tret-full]"), std::string::npos) << result.out;
  EXPECT_NE(result.out.find("Verdict: UNSAFE"), std::string::npos);
}

TEST(CheckCommand, ExitsZeroWhenFindingsAreOnlyWarnings) {
  const auto result = run_dermasim({"check", scenario("tretinoin-washout-short")});

  EXPECT_EQ(result.exit_code, 0);
  EXPECT_NE(result.out.find("Verdict: acceptable with 1 warning"), std::string::npos) << result.out;
}

TEST(CheckCommand, PrintsTheJsonContract) {
  const auto result = run_dermasim({"check", "--json", scenario("sunscreen")});

  ASSERT_EQ(result.exit_code, 0) << result.err;
  const auto document = nlohmann::json::parse(result.out);
  EXPECT_EQ(document.at("ok"), true);
  ASSERT_FALSE(document.at("findings").empty());
  const auto& finding = document.at("findings")[0];
  for (const char* key : {"rule", "severity", "date", "until", "subject", "message", "source"})
    EXPECT_TRUE(finding.contains(key)) << key;
  EXPECT_EQ(finding.at("rule"), "sunscreen");
  EXPECT_EQ(finding.at("subject"), "person");
  EXPECT_EQ(finding.at("date"), "2026-12-01");
  EXPECT_EQ(finding.at("until"), "2027-03-30");  // consecutive days merge
}

TEST(CheckCommand, OkIsFalseExactlyWhenSomeFindingIsAnError) {
  for (const std::string name : {"safe", "tretinoin-washout", "pih-deep-needles", "pregnancy-retinoid",
                                 "session-contraindication", "into-channels", "keloid-history"}) {
    const auto result = run_dermasim({"check", "--json", scenario(name)});
    const auto document = nlohmann::json::parse(result.out);
    bool any_error = false;
    for (const auto& finding : document.at("findings")) any_error |= finding.at("severity") == "error";
    EXPECT_EQ(document.at("ok"), !any_error) << name;
    EXPECT_EQ(result.exit_code, any_error ? 1 : 0) << name;
  }
}

TEST(CheckCommand, ExitsTwoWithFileLineColumnForBadInput) {
  const ScratchDirectory inputs("check-bad-input");
  const auto path = inputs.path() / "bad.scenario.toml";
  std::ofstream(path) << "[scenario]\nname = \"x\"\nstart = 2026-12-01\n[person]\nfitzpatrick = 7\n";

  const auto result = run_dermasim({"check", path.string()});

  EXPECT_EQ(result.exit_code, 2);
  EXPECT_NE(result.err.find(path.string() + ":5:15: fitzpatrick = 7 is outside 1 .. 6"), std::string::npos)
      << result.err;
  EXPECT_TRUE(result.out.empty());
}

// Without days, a far `from` made the scenario 318 980 days long: check took half a gigabyte
// and simulate ran for minutes. The length the dates imply obeys the 3650-day limit too.
TEST(CheckCommand, ExitsTwoAtTheDateThatMakesTheScenarioTooLong) {
  const auto path =
      std::filesystem::temp_directory_path() / ("dermasim-cli-long-" + std::to_string(::getpid()) + ".scenario.toml");
  std::ofstream(path) << "[scenario]\nname = \"x\"\nstart = 2026-12-01\n[person]\nfitzpatrick = 3\nsite = \"cheek\"\n"
                         "concerns = [\"fine_lines\"]\nsensitivity = \"normal\"\n[[product]]\nid = \"spf\"\n"
                         "active = \"sunscreen\"\nvehicle = \"lotion\"\nschedule = \"morning\"\nfrom = 2900-02-01\n";

  const auto result = run_dermasim({"check", path.string()});

  EXPECT_EQ(result.exit_code, 2);
  EXPECT_NE(result.err.find(path.string() + ":14:8: from = 2900-02-01 sets the scenario's length"), std::string::npos)
      << result.err;
  EXPECT_NE(result.err.find("a scenario lasts 1 .. 3650 days"), std::string::npos) << result.err;
  std::filesystem::remove(path);
}

TEST(CheckCommand, ExitsTwoForAMissingFileOrUsageErrors) {
  EXPECT_EQ(run_dermasim({"check", "/nonexistent.scenario.toml"}).exit_code, 2);
  EXPECT_EQ(run_dermasim({"check"}).exit_code, 2);
  EXPECT_EQ(run_dermasim({"check", scenario("safe"), "--no-such-flag"}).exit_code, 2);
  EXPECT_EQ(run_dermasim({"no-such-command"}).exit_code, 2);
  EXPECT_EQ(run_dermasim({}).exit_code, 2);
}

TEST(CheckCommand, HelpAndVersionExitZero) {
  const auto help = run_dermasim({"--help"});
  const auto version = run_dermasim({"--version"});

  EXPECT_EQ(help.exit_code, 0);
  EXPECT_NE(help.out.find("check"), std::string::npos);
  EXPECT_EQ(version.exit_code, 0);
  EXPECT_NE(version.out.find("dermasim"), std::string::npos);
}

TEST(CheckCommand, ReadsEditedRulesFromDataDirectoryAndEnvironment) {
  const ScratchDirectory data("check-edited-data");
  const auto& directory = data.path();
  std::ifstream original(source_path("data/rules.toml"));
  std::string rules((std::istreambuf_iterator<char>(original)), {});
  rules.replace(rules.find("recommended_days = 7"), 20, "recommended_days = 5");
  std::ofstream(directory / "rules.toml") << rules;

  const auto with_flag = run_dermasim({"--data", directory.string(), "check", scenario("tretinoin-washout-short")});
  const auto built_in = run_dermasim({"check", scenario("tretinoin-washout-short")});

  EXPECT_EQ(with_flag.out.find("tretinoin-washout-short"), std::string::npos) << with_flag.out;
  EXPECT_NE(built_in.out.find("tretinoin-washout-short"), std::string::npos);
}

/// A fresh directory holding one edited copy of a catalogue of data/ (`from` replaced by `to`).
class EditedData {
 public:
  EditedData(const std::string& file, const std::string& from, const std::string& to) {
    std::string pattern = (std::filesystem::temp_directory_path() / "dermasim-cli-data-XXXXXX").string();
    path_ = ::mkdtemp(pattern.data());
    std::ifstream original(source_path("data/" + file));
    std::string text((std::istreambuf_iterator<char>(original)), {});
    const auto at = text.find(from);
    EXPECT_NE(at, std::string::npos) << from;
    if (at != std::string::npos) text.replace(at, from.size(), to);
    std::ofstream(std::filesystem::path(path_) / file) << text;
  }
  ~EditedData() { std::filesystem::remove_all(path_); }
  const std::string& path() const { return path_; }

 private:
  std::string path_;
};

TEST(CheckCommand, RefusesAMissingDataDirectoryFromTheEnvironmentAsFromTheFlag) {
  const std::string missing = (std::filesystem::temp_directory_path() / "dermasim-no-such-data-7d1e").string();
  ::setenv("DERMASIM_DATA", missing.c_str(), 1);
  const auto from_environment = run_dermasim({"check", scenario("safe")});
  ::unsetenv("DERMASIM_DATA");
  const auto from_flag = run_dermasim({"--data", missing, "check", scenario("safe")});

  EXPECT_EQ(from_environment.exit_code, 2) << from_environment.out;
  EXPECT_NE(from_environment.err.find("DERMASIM_DATA: " + missing + " is not a directory"), std::string::npos)
      << from_environment.err;
  EXPECT_EQ(from_flag.exit_code, 2);
  EXPECT_NE(from_flag.err.find("--data: " + missing + " is not a directory"), std::string::npos) << from_flag.err;
}

TEST(CheckCommand, RefusesForEveryCommandACatalogueThatLacksWhatSimulateNeeds) {
  const EditedData no_cheek("sites.toml", "id = \"cheek\"", "id = \"cheeks\"");
  const EditedData no_chemistry("actives.toml", "molecular_weight_g_per_mol = { value = 300.44",
                                "# molecular_weight_g_per_mol = { value = 300.44");
  const std::string safe = scenario("safe");
  const std::string out = no_cheek.path() + "/out";

  for (const EditedData* data : {&no_cheek, &no_chemistry}) {
    const auto check = run_dermasim({"--data", data->path(), "check", safe});
    const auto simulate = run_dermasim({"--data", data->path(), "simulate", safe, "--out", out});
    EXPECT_EQ(check.exit_code, 2) << check.out;
    EXPECT_EQ(simulate.exit_code, 2) << simulate.err;
    EXPECT_EQ(check.err.rfind(data->path() + "/", 0), 0u) << check.err;
    EXPECT_EQ(simulate.err.find("This is a bug"), std::string::npos) << simulate.err;
  }
}

TEST(CheckCommand, NamesEditedCataloguesAndBannersChangedRules) {
  const EditedData data("rules.toml", "id = \"sunscreen\"\n",
                        "id = \"sunscreen\"\nenabled = false\ndisabled_reason = \"own sun advice\"\n");

  const auto text = run_dermasim({"--data", data.path(), "check", scenario("sunscreen")});
  const auto json = run_dermasim({"--data", data.path(), "check", "--json", scenario("sunscreen")});
  const auto built_in = run_dermasim({"check", "--json", scenario("sunscreen")});

  EXPECT_EQ(text.out.rfind("PROTOCOL RULES CHANGED", 0), 0u) << text.out;
  EXPECT_NE(text.out.find("Switched off: sunscreen (own sun advice)"), std::string::npos) << text.out;
  EXPECT_NE(text.out.find(data.path() + "/rules.toml"), std::string::npos) << text.out;
  EXPECT_EQ(text.out.find("warning sunscreen ["), std::string::npos) << text.out;
  const auto document = nlohmann::json::parse(json.out);
  EXPECT_EQ(document["catalogue"]["edited"], nlohmann::json::array({data.path() + "/rules.toml"}));
  EXPECT_TRUE(document["catalogue"]["rules_edited"].get<bool>());
  EXPECT_EQ(nlohmann::json::parse(built_in.out)["catalogue"]["edited"], nlohmann::json::array());
}

TEST(CheckCommand, WorksFromAnyDirectory) {
  const auto result = run_dermasim({"check", scenario("safe")}, "/");

  EXPECT_EQ(result.exit_code, 0) << result.err;
}

TEST(CheckCommand, ChecksEveryExampleScenario) {
  for (const auto& entry : std::filesystem::recursive_directory_iterator(source_path("examples"))) {
    const std::string path = entry.path().string();
    if (!path.ends_with(".scenario.toml")) continue;
    const auto result = run_dermasim({"check", "--json", path});
    EXPECT_TRUE(result.exit_code == 0 || result.exit_code == 1) << path << "\n" << result.err;
    EXPECT_TRUE(nlohmann::json::accept(result.out)) << path;
  }
}

}  // namespace
}  // namespace dermasim::testing
