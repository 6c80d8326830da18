// End-to-end tests of `--out DIR` (docs/architecture.md, "The command line"): a run replaces the
// directory whole, refuses a second run, foreign files and unwritable places with exit 2.

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <fstream>

#include <gtest/gtest.h>

#include "cli_runner.hpp"

namespace dermasim::testing {
namespace {

namespace fs = std::filesystem;

const std::string scenario = source_path("examples/04-simulate-regimen/with-washout.scenario.toml");
const std::string profile = source_path("examples/05-plan-for-profile/default.profile.toml");

std::vector<std::string> names_in(const fs::path& directory) {
  std::vector<std::string> found;
  for (const auto& entry : fs::directory_iterator(directory)) found.push_back(entry.path().filename().string());
  std::ranges::sort(found);
  return found;
}

class OutputDirectoryCli : public ::testing::Test {
 protected:
  void TearDown() override {
    std::error_code ignored;
    fs::permissions(out_, fs::perms::all, ignored);  // the scratch directory removes the rest
  }
  ScratchDirectory scratch_{"out-cli"};
  fs::path parent_ = scratch_.path();
  fs::path out_ = parent_ / "out";
};

TEST_F(OutputDirectoryCli, ARunReplacesTheWholeSetOfAnotherCommand) {
  ASSERT_EQ(run_dermasim({"simulate", scenario, "--out", out_.string()}).exit_code, 0);

  const auto plan = run_dermasim({"plan", profile, "--skip-full", "--out", out_.string()});

  ASSERT_EQ(plan.exit_code, 0) << plan.err;
  EXPECT_EQ(names_in(out_), (std::vector<std::string>{"plan.ics", "plan.toml", "report.html", "summary.json"}));
  EXPECT_EQ(names_in(parent_), (std::vector<std::string>{".out.lock", "out"}));
}

TEST_F(OutputDirectoryCli, ASecondRunIsRefusedAtOnceWithExitTwo) {
  const int lock = ::open((parent_ / ".out.lock").c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
  ASSERT_GE(lock, 0);
  ASSERT_EQ(::flock(lock, LOCK_EX), 0);  // as a run in progress holds it

  const auto result = run_dermasim({"simulate", scenario, "--out", out_.string()});
  ::close(lock);

  EXPECT_EQ(result.exit_code, 2);
  EXPECT_NE(result.err.find("another dermasim run is writing"), std::string::npos) << result.err;
  EXPECT_FALSE(fs::exists(out_));
}

TEST_F(OutputDirectoryCli, FilesDermasimDidNotWriteAreRefusedAndKept) {
  fs::create_directories(out_);
  std::ofstream(out_ / "thesis.docx") << "years of work";

  const auto result = run_dermasim({"simulate", scenario, "--out", out_.string()});

  EXPECT_EQ(result.exit_code, 2);
  EXPECT_NE(result.err.find("'thesis.docx'"), std::string::npos) << result.err;
  EXPECT_EQ(names_in(out_), std::vector<std::string>{"thesis.docx"});
}

/// Root ignores permissions: run the binary as nobody then (the check needs an ordinary user).
std::vector<std::string> unprivileged_launcher() {
  if (::geteuid() != 0) return {};
  return {"setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"};
}

TEST_F(OutputDirectoryCli, AnUnwritableOutputIsExitTwoWhetherItExistsOrNot) {
  if (::geteuid() == 0 && std::system("setpriv --version >/dev/null 2>&1") != 0)
    GTEST_SKIP() << "running as root without setpriv";
  fs::permissions(parent_, fs::perms::all);
  fs::create_directories(out_);
  const auto read_only = fs::perms::owner_read | fs::perms::owner_exec | fs::perms::group_read | fs::perms::group_exec |
                         fs::perms::others_read | fs::perms::others_exec;
  fs::permissions(out_, read_only);

  const auto existing = run_dermasim({"simulate", scenario, "--out", out_.string()}, "", unprivileged_launcher());
  fs::permissions(parent_, read_only);
  const auto missing =
      run_dermasim({"simulate", scenario, "--out", (parent_ / "new").string()}, "", unprivileged_launcher());

  EXPECT_EQ(existing.exit_code, 2) << existing.err;
  EXPECT_NE(existing.err.find("not writable"), std::string::npos) << existing.err;
  EXPECT_EQ(missing.exit_code, 2) << missing.err;
  EXPECT_NE(missing.err.find("not writable"), std::string::npos) << missing.err;
  EXPECT_TRUE(names_in(out_).empty());
}

}  // namespace
}  // namespace dermasim::testing
