// End-to-end tests of `dermasim simulate` and `dermasim plan`: exit codes, files, JSON keys.

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

std::filesystem::path scratch(const std::string& name) {
  // The process id keeps concurrent test runs (other build trees on this machine) apart.
  const auto path =
      std::filesystem::temp_directory_path() / ("dermasim-cli-" + name + "-" + std::to_string(::getpid()));
  std::filesystem::remove_all(path);
  return path;
}

const std::string with_washout = source_path("examples/04-simulate-regimen/with-washout.scenario.toml");
const std::string no_washout = source_path("examples/04-simulate-regimen/no-washout.scenario.toml");
const std::string default_profile = source_path("examples/05-plan-for-profile/default.profile.toml");

TEST(SimulateCommand, WritesSummaryTimeseriesAndReport) {
  const auto out = scratch("simulate");

  const auto result = run_dermasim({"simulate", with_washout, "--out", out.string()});

  ASSERT_EQ(result.exit_code, 0) << result.err;
  const auto summary = nlohmann::json::parse(read(out / "summary.json"));
  for (const char* key :
       {"collagen_change_percent", "acne_scars_improvement_percent", "fine_lines_improvement_percent"})
    EXPECT_TRUE(summary.at("outcomes").contains(key)) << key;
  for (const char* key : {"peak_erythema", "days_erythema_ge_1", "days_erythema_ge_2", "peak_irritation", "pih_risk"})
    EXPECT_TRUE(summary.at("safety").contains(key)) << key;
  ASSERT_EQ(summary.at("per_session").size(), 1u);
  for (const char* key : {"date", "needle_mm", "peak_erythema", "days_to_erythema_below_1", "downtime_days"})
    EXPECT_TRUE(summary.at("per_session")[0].contains(key)) << key;
  EXPECT_EQ(summary.at("fidelity"), "fast");
  EXPECT_EQ(summary.at("forced"), false);
  const std::string csv = read(out / "timeseries.csv");
  EXPECT_EQ(csv.rfind("date,erythema,barrier,retinoid_activation,irritation,tolerance,collagen_change_percent,"
                      "pigment_index,acne_lesion_index,retinoid_ve_ng_per_cm2\n",
                      0),
            0u);
  EXPECT_EQ(std::count(csv.begin(), csv.end(), '\n'), 91);  // header + 90 days
  const std::string html = read(out / "report.html");
  EXPECT_NE(html.find("Not medical advice"), std::string::npos);
  EXPECT_NE(html.find("<svg"), std::string::npos);
  EXPECT_NE(html.find("</html>"), std::string::npos);
  EXPECT_EQ(html.find("<script"), std::string::npos);  // self-contained, no scripts
}

TEST(SimulateCommand, RefusesAnUnsafeScenarioWithoutForce) {
  const auto out = scratch("simulate-unsafe");

  const auto result = run_dermasim({"simulate", no_washout, "--out", out.string()});

  EXPECT_EQ(result.exit_code, 1);
  EXPECT_NE(result.out.find("tretinoin-washout"), std::string::npos);
  EXPECT_FALSE(std::filesystem::exists(out / "summary.json"));
}

TEST(SimulateCommand, ForcedRunsWriteEverythingMarkedAndStillExitOne) {
  const auto out = scratch("simulate-forced");

  const auto result = run_dermasim({"simulate", no_washout, "--out", out.string(), "--force", "--json"});

  EXPECT_EQ(result.exit_code, 1);
  const auto summary = nlohmann::json::parse(result.out);
  EXPECT_EQ(summary.at("forced"), true);
  EXPECT_FALSE(summary.at("findings").empty());
  EXPECT_EQ(nlohmann::json::parse(read(out / "summary.json")), summary);
  EXPECT_NE(read(out / "report.html").find("FORCED RUN"), std::string::npos);
}

TEST(SimulateCommand, AnUnusableOutputDirectoryIsAnInputErrorAndWritesNothing) {
  const auto blocker = scratch("simulate-blocker");
  std::ofstream(blocker) << "a file where the output directory should go";

  const auto result = run_dermasim({"simulate", with_washout, "--out", (blocker / "out").string()});

  EXPECT_EQ(result.exit_code, 2) << result.err;
  EXPECT_NE(result.err.find("choose another --out"), std::string::npos) << result.err;
  std::filesystem::remove(blocker);
}

TEST(SimulateCommand, SimulatesEveryExampleScenario) {
  int simulated = 0;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(source_path("examples"))) {
    if (!entry.path().string().ends_with(".scenario.toml")) continue;
    const auto out = scratch("simulate-example-" + entry.path().stem().string());

    const auto result = run_dermasim({"simulate", entry.path().string(), "--force", "--out", out.string()});

    EXPECT_TRUE(result.exit_code == 0 || result.exit_code == 1) << entry.path() << "\n" << result.err;
    EXPECT_TRUE(std::filesystem::exists(out / "summary.json")) << entry.path();
    ++simulated;
  }
  EXPECT_GE(simulated, 4);
}

TEST(SimulateCommand, RejectsAnUnknownFidelity) {
  EXPECT_EQ(run_dermasim({"simulate", with_washout, "--fidelity", "medium"}).exit_code, 2);
}

TEST(PlanCommand, WritesAPlanThatCheckAcceptsAndIsDeterministic) {
  const auto first = scratch("plan-1");
  const auto second = scratch("plan-2");

  const auto run = run_dermasim({"plan", default_profile, "--out", first.string(), "--skip-full"});
  const auto again = run_dermasim({"plan", default_profile, "--out", second.string(), "--skip-full", "--threads", "1"});

  ASSERT_EQ(run.exit_code, 0) << run.err;
  ASSERT_EQ(again.exit_code, 0) << again.err;
  for (const char* file : {"plan.toml", "plan.ics", "report.html", "summary.json"})
    EXPECT_TRUE(std::filesystem::exists(first / file)) << file;
  EXPECT_EQ(read(first / "plan.toml"), read(second / "plan.toml"));
  EXPECT_EQ(read(first / "summary.json"), read(second / "summary.json"));
  const auto check = run_dermasim({"check", (first / "plan.toml").string()});
  EXPECT_EQ(check.exit_code, 0) << check.out;
  const auto summary = nlohmann::json::parse(read(first / "summary.json"));
  for (const char* key :
       {"regimen", "outcomes", "safety", "alternatives", "binding_constraints", "fast_vs_full", "findings"})
    EXPECT_TRUE(summary.contains(key)) << key;
  EXPECT_LE(summary.at("safety").at("peak_erythema").get<double>(), 2.0);  // the profile's max_erythema
  EXPECT_NE(read(first / "plan.ics").find("BEGIN:VCALENDAR"), std::string::npos);
  EXPECT_NE(run.out.find("plan.ics"), std::string::npos);
}

TEST(PlanCommand, ExitsOneWithoutAPlanForAnActiveInfection) {
  const ScratchDirectory inputs("plan-infection-input");
  const auto profile = inputs.path() / "infection.profile.toml";
  std::ofstream(profile)
      << "[person]\nfitzpatrick = 2\nsite = \"cheek\"\nconcerns = [\"texture\"]\nsensitivity = \"normal\"\n"
         "conditions = [\"active_infection\"]\n[goals]\nhorizon_days = 90\nretinoid = \"tretinoin\"\n";
  const auto out = scratch("plan-infection");

  const auto result = run_dermasim({"plan", profile.string(), "--out", out.string(), "--start", "2027-01-04"});

  EXPECT_EQ(result.exit_code, 1);
  EXPECT_NE(result.out.find("session-contraindication"), std::string::npos);
  EXPECT_FALSE(std::filesystem::exists(out / "plan.toml"));
}

TEST(PlanCommand, RejectsABadStartDate) {
  const auto result = run_dermasim({"plan", default_profile, "--start", "2027-13-01"});

  EXPECT_EQ(result.exit_code, 2);
  EXPECT_NE(result.err.find("YYYY-MM-DD"), std::string::npos);
}

TEST(PlanCommand, RefusesAStartOutsideTheDateRange) {
  for (const char* start : {"5000-01-04", "0000-01-01", "1899-12-31"}) {
    const auto result =
        run_dermasim({"plan", default_profile, "--start", start, "--out", scratch("plan-range").string()});

    EXPECT_EQ(result.exit_code, 2) << start;
    EXPECT_NE(result.err.find(std::string("--start: ") + start +
                              " lies outside the dates dermasim handles, "
                              "1900-01-01 .. 2999-12-31"),
              std::string::npos)
        << result.err;
  }
}

TEST(PlanCommand, RefusesAStartWhosePlanWouldEndPastTheDateRange) {
  const auto result =
      run_dermasim({"plan", default_profile, "--start", "2999-12-01", "--out", scratch("plan-late").string()});

  EXPECT_EQ(result.exit_code, 2);
  EXPECT_NE(result.err.find("past the last date dermasim handles (2999-12-31)"), std::string::npos) << result.err;
  EXPECT_FALSE(std::filesystem::exists(scratch("plan-late") / "plan.ics"));
}

TEST(PlanCommand, RefusesARobustPercentileThatIsNotANumber) {
  for (const char* percent : {"nan", "inf", "-nan"}) {
    const auto result = run_dermasim({"plan", default_profile, "--robust", percent});

    EXPECT_EQ(result.exit_code, 2) << percent;
    EXPECT_NE(result.err.find("--robust"), std::string::npos) << result.err;
  }
}

}  // namespace
}  // namespace dermasim::testing
