// A run killed with SIGKILL at any moment leaves --out holding the complete set of one run (or
// nothing, before the first run completed), never a mix; the next run cleans what it left.
// The kill times are spread over the measured length of a run, so most land in the
// computation and some in the writing and swapping; which ones land where is printed, not
// asserted.

#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <map>
#include <thread>

#include <gtest/gtest.h>

#include "cli_runner.hpp"

namespace dermasim::testing {
namespace {

namespace fs = std::filesystem;
using Set = std::map<std::string, std::string>;  // file name -> content

Set read_set(const fs::path& directory) {
  Set set;
  for (const auto& entry : fs::directory_iterator(directory))
    set[entry.path().filename().string()] = read_text(entry.path().string());
  return set;
}

/// Starts `dermasim simulate SCENARIO --out OUT` with its output discarded; returns its pid.
pid_t start(const std::string& scenario, const fs::path& out) {
  const pid_t child = ::fork();
  if (child == 0) {
    ::freopen("/dev/null", "w", stdout);
    ::freopen("/dev/null", "w", stderr);
    const std::string binary = dermasim_binary();
    ::execl(binary.c_str(), binary.c_str(), "simulate", scenario.c_str(), "--out", out.c_str(),
            static_cast<char*>(nullptr));
    ::_exit(127);
  }
  return child;
}

int wait_for(pid_t child) {
  int status = 0;
  ::waitpid(child, &status, 0);
  return WIFEXITED(status) ? WEXITSTATUS(status) : -WTERMSIG(status);
}

/// The entries beside --out that are neither --out nor its lock nor a temporary directory.
std::vector<std::string> strangers(const fs::path& parent) {
  std::vector<std::string> found;
  for (const auto& entry : fs::directory_iterator(parent)) {
    const auto name = entry.path().filename().string();
    const bool temporary = (name.starts_with(".out.dermasim-new-") || name.starts_with(".out.dermasim-old-")) &&
                           name.size() == std::string(".out.dermasim-new-").size() + 6;
    if (name != "out" && name != ".out.lock" && !temporary) found.push_back(name);
  }
  return found;
}

TEST(KillCli, AKilledRunLeavesOneCompleteSetAndTheNextRunCleansUp) {
  const ScratchDirectory scratch("kill-cli");
  const fs::path& parent = scratch.path();
  const std::vector<std::string> scenarios{source_path("examples/04-simulate-regimen/with-washout.scenario.toml"),
                                           source_path("examples/03-check-scenario/acne-scars.scenario.toml")};
  // The complete set of each scenario, and how long one run takes here.
  std::vector<Set> complete;
  auto longest = std::chrono::steady_clock::duration::zero();
  for (std::size_t i = 0; i < scenarios.size(); ++i) {
    const auto reference = parent / ("reference-" + std::to_string(i));
    const auto begun = std::chrono::steady_clock::now();
    ASSERT_EQ(wait_for(start(scenarios[i], reference)), 0);
    longest = std::max(longest, std::chrono::steady_clock::now() - begun);
    complete.push_back(read_set(reference));
    fs::remove_all(reference);
    fs::remove(parent / (".reference-" + std::to_string(i) + ".lock"));
  }
  ASSERT_NE(complete[0], complete[1]);

  const auto out = parent / "out";
  constexpr int kills = 48;
  std::map<std::string, int> seen;  // what each kill left in --out
  for (int k = 0; k < kills; ++k) {
    const pid_t child = start(scenarios[k % 2], out);
    std::this_thread::sleep_for(longest * (k % 24) / 20);  // 0 to 1.15 run lengths
    ::kill(child, SIGKILL);
    const int status = wait_for(child);
    const bool finished = status == 0;

    ASSERT_TRUE(strangers(parent).empty()) << "kill " << k;
    if (std::distance(fs::directory_iterator(parent), fs::directory_iterator()) > 2) ++seen["a temporary directory"];
    if (!fs::exists(out)) {
      ++seen["nothing"];
      continue;
    }
    const auto left = read_set(out);
    const bool one_run = left == complete[0] || left == complete[1];
    ASSERT_TRUE(one_run) << "kill " << k << " left a mixed or partial set of " << left.size() << " file(s)";
    ++seen[finished ? "finished before the kill" : left == complete[k % 2] ? "the new set" : "the old set"];
  }
  for (const auto& [what, count] : seen) std::cout << "[ kills    ] " << count << " left " << what << "\n";
  std::cout << std::flush;  // before the next fork, whose child would print the buffer again

  ASSERT_EQ(wait_for(start(scenarios[0], out)), 0);  // an uninterrupted run cleans every leftover
  EXPECT_EQ(read_set(out), complete[0]);
  std::vector<std::string> left;
  for (const auto& entry : fs::directory_iterator(parent)) left.push_back(entry.path().filename().string());
  std::ranges::sort(left);
  EXPECT_EQ(left, (std::vector<std::string>{".out.lock", "out"}));
}

}  // namespace
}  // namespace dermasim::testing
