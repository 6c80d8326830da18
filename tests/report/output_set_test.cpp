// An output directory is replaced as a whole: after a failure in the middle of a set, a planted
// symbolic link, a second run or a killed run, it holds the complete set of one run and nothing
// else; files dermasim did not write are never deleted.

#include "report/output_set.hpp"

#include <algorithm>
#include <csignal>
#include <fstream>
#include <sstream>
#include <stdexcept>

#include <gtest/gtest.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "core/error.hpp"

namespace dermasim::report {
namespace {

namespace fs = std::filesystem;

const std::vector<std::string> known{"summary.json", "timeseries.csv", "report.html"};
using Files = std::vector<std::pair<std::string, std::string>>;

std::string contents(const fs::path& path) {
  std::ifstream stream(path, std::ios::binary);
  std::ostringstream text;
  text << stream.rdbuf();
  return text.str();
}

void write_text(const fs::path& path, const std::string& text) { std::ofstream(path, std::ios::binary) << text; }

std::vector<std::string> names_in(const fs::path& directory) {
  std::vector<std::string> found;
  for (const auto& entry : fs::directory_iterator(directory)) found.push_back(entry.path().filename().string());
  std::ranges::sort(found);
  return found;
}

/// A unique scratch directory (the parent of --out) for one test, removed afterwards.
class OutputSetTest : public ::testing::Test {
 protected:
  void SetUp() override {
    std::string path = (fs::temp_directory_path() / "dermasim-output-set-XXXXXX").string();
    ASSERT_NE(::mkdtemp(path.data()), nullptr);
    parent_ = path;
    out_ = parent_ / "out";
  }
  void TearDown() override {
    fs::permissions(parent_, fs::perms::owner_all, fs::perm_options::add);
    std::error_code ignored;
    if (fs::exists(out_)) fs::permissions(out_, fs::perms::owner_all, fs::perm_options::add, ignored);
    fs::remove_all(parent_);
  }

  void replace(const Files& files, const FileWriter& writer = write_new_file, Swap swap = Swap::exchange_if_available) {
    OutputSet(out_, known).replace(files, writer, swap);
  }
  /// The parent's entries other than --out and its lock: must stay empty.
  [[nodiscard]] std::vector<std::string> leftovers() const {
    auto names = names_in(parent_);
    std::erase_if(names, [](const std::string& name) { return name == "out" || name == ".out.lock"; });
    return names;
  }

  fs::path parent_;
  fs::path out_;
};

const Files old_set{{"summary.json", "{\"old\": true}\n"}, {"timeseries.csv", "old\n"}, {"report.html", "<old>"}};
const Files new_set{{"summary.json", "{\"new\": true}\n"}, {"timeseries.csv", "new\n"}, {"report.html", "<new>"}};

void expect_set(const fs::path& directory, const Files& files) {
  std::vector<std::string> expected;
  for (const auto& [name, content] : files) {
    expected.push_back(name);
    EXPECT_EQ(contents(directory / name), content) << name;
  }
  std::ranges::sort(expected);
  EXPECT_EQ(names_in(directory), expected);
}

/// A writer that writes two files and then fails, as a full disk would on the third.
FileWriter failing_after(int files) {
  return [files, written = 0](int directory_fd, const std::string& name, std::string_view content) mutable {
    if (written++ == files) throw std::runtime_error("injected failure");
    write_new_file(directory_fd, name, content);
  };
}

TEST_F(OutputSetTest, WritesTheSetByteForByteAndNothingElse) {
  const Files files{{"summary.json", std::string("line\r\n\0after a NUL", 18)}, {"report.html", "<html></html>"}};

  replace(files);

  expect_set(out_, files);
  EXPECT_TRUE(leftovers().empty());
  EXPECT_EQ(names_in(parent_), (std::vector<std::string>{".out.lock", "out"}));
}

TEST_F(OutputSetTest, ReplacesTheOlderSetWholeKeepingTheDirectorysMode) {
  replace(old_set);
  fs::permissions(out_, fs::perms::owner_all | fs::perms::group_read | fs::perms::group_exec);

  replace({{"summary.json", "{}\n"}});

  expect_set(out_, {{"summary.json", "{}\n"}});  // timeseries.csv and report.html of the old run are gone
  EXPECT_EQ(fs::status(out_).permissions() & fs::perms::all,
            fs::perms::owner_all | fs::perms::group_read | fs::perms::group_exec);
  EXPECT_TRUE(leftovers().empty());
}

TEST_F(OutputSetTest, TheTwoRenameSwapAlsoReplacesWhole) {
  replace(old_set);

  replace(new_set, write_new_file, Swap::two_renames);

  expect_set(out_, new_set);
  EXPECT_TRUE(leftovers().empty());
}

TEST_F(OutputSetTest, AFailureAfterTheSecondFileKeepsTheOldSetAndLeavesNoTemporary) {
  replace(old_set);

  EXPECT_THROW(replace(new_set, failing_after(2)), std::runtime_error);

  expect_set(out_, old_set);
  EXPECT_TRUE(leftovers().empty());
}

TEST_F(OutputSetTest, AFailureInTheFirstRunCreatesNothing) {
  EXPECT_THROW(replace(new_set, failing_after(2)), std::runtime_error);

  EXPECT_FALSE(fs::exists(out_));
  EXPECT_TRUE(leftovers().empty());
}

TEST_F(OutputSetTest, AWriteErrorNamesTheFileAndKeepsTheOldSet) {
  replace(old_set);
  // A file size limit makes write(2) fail with EFBIG, like a full disk fails with ENOSPC.
  rlimit saved{};
  ASSERT_EQ(::getrlimit(RLIMIT_FSIZE, &saved), 0);
  const auto previous_handler = std::signal(SIGXFSZ, SIG_IGN);
  rlimit small = saved;
  small.rlim_cur = 4;
  ASSERT_EQ(::setrlimit(RLIMIT_FSIZE, &small), 0);
  std::string message;
  try {
    replace(new_set);
  } catch (const Error& error) {
    message = error.what();
  }
  ::setrlimit(RLIMIT_FSIZE, &saved);
  std::signal(SIGXFSZ, previous_handler);

  EXPECT_NE(message.find((out_ / "summary.json").string()), std::string::npos) << message;
  EXPECT_NE(message.find("previous outputs are untouched"), std::string::npos) << message;
  expect_set(out_, old_set);
  EXPECT_TRUE(leftovers().empty());
}

TEST_F(OutputSetTest, ASymbolicLinkAtAnOutputNameIsReplacedNotFollowed) {
  const auto victim = parent_ / "victim.txt";
  write_text(victim, "precious");
  fs::create_directories(out_);
  fs::create_symlink(victim, out_ / "summary.json");

  replace(new_set);

  EXPECT_EQ(contents(victim), "precious");
  EXPECT_FALSE(fs::is_symlink(out_ / "summary.json"));
  expect_set(out_, new_set);
}

TEST_F(OutputSetTest, ALinkPlantedAtATemporaryNameIsNotFollowed) {
  const auto victim = parent_ / "victim";
  fs::create_directories(victim);
  write_text(victim / "keep.txt", "precious");
  fs::create_directory_symlink(victim, parent_ / (OutputSet::new_set_prefix("out") + "AAAAAA"));
  fs::create_directory_symlink(victim, parent_ / (OutputSet::old_set_prefix("out") + "BBBBBB"));

  replace(new_set);

  EXPECT_EQ(contents(victim / "keep.txt"), "precious");
  expect_set(out_, new_set);
}

TEST_F(OutputSetTest, ALinkAtTheLockFileIsRefused) {
  write_text(parent_ / "victim.txt", "precious");
  fs::create_symlink(parent_ / "victim.txt", parent_ / ".out.lock");

  EXPECT_THROW(OutputSet(out_, known), InputError);

  EXPECT_EQ(contents(parent_ / "victim.txt"), "precious");
}

TEST_F(OutputSetTest, ASecondRunIsRefusedWhileTheFirstHoldsTheLock) {
  std::optional<OutputSet> first;
  first.emplace(out_, known);
  try {
    OutputSet second(out_, known);
    ADD_FAILURE() << "the second run was not refused";
  } catch (const InputError& error) {
    EXPECT_NE(std::string(error.what()).find("another dermasim run"), std::string::npos) << error.what();
  }
  first->replace(new_set);
  first.reset();  // the first run ends

  OutputSet(out_, known).replace(old_set);

  expect_set(out_, old_set);
}

TEST_F(OutputSetTest, TheLeftoversOfAKilledRunAreRemovedByTheNext) {
  replace(old_set);
  const auto half_written = parent_ / (OutputSet::new_set_prefix("out") + "k1ll3d");
  fs::create_directories(half_written);
  write_text(half_written / "summary.json", "");
  const auto exchanged = parent_ / (OutputSet::new_set_prefix("out") + "0ld5et");
  fs::create_directories(exchanged);
  write_text(exchanged / "report.html", "<older>");
  fs::create_directories(parent_ / (OutputSet::old_set_prefix("out") + "empty0"));
  const auto unrelated = parent_ / (OutputSet::new_set_prefix("other") + "abcdef");
  fs::create_directories(unrelated);

  const OutputSet next(out_, known);

  EXPECT_TRUE(leftovers() == std::vector<std::string>{unrelated.filename().string()});
  expect_set(out_, old_set);
}

TEST_F(OutputSetTest, AKillBetweenTheTwoRenamesIsRepairedByTheNextRun) {
  replace(old_set);
  const auto aside = parent_ / (OutputSet::old_set_prefix("out") + "a5ide0");
  fs::rename(out_, aside);
  const auto complete_new = parent_ / (OutputSet::new_set_prefix("out") + "n3wset");
  fs::create_directories(complete_new);
  for (const auto& [name, content] : new_set) write_text(complete_new / name, content);

  const OutputSet next(out_, known);

  expect_set(out_, old_set);
  EXPECT_TRUE(leftovers().empty());
}

TEST_F(OutputSetTest, FilesDermasimDidNotWriteAreRefusedAndKept) {
  fs::create_directories(out_);
  write_text(out_ / "summary.json", "{}");
  write_text(out_ / "notes.txt", "mine");
  try {
    OutputSet refused(out_, known);
    ADD_FAILURE() << "a foreign file was accepted";
  } catch (const InputError& error) {
    EXPECT_NE(std::string(error.what()).find("'notes.txt'"), std::string::npos) << error.what();
  }
  EXPECT_EQ(contents(out_ / "notes.txt"), "mine");

  fs::remove(out_ / "notes.txt");
  fs::create_directories(out_ / "report.html" / "inside");  // an output's name, but a directory
  EXPECT_THROW(OutputSet(out_, known), InputError);
  EXPECT_TRUE(fs::is_directory(out_ / "report.html" / "inside"));
}

TEST_F(OutputSetTest, TemporaryFilesOfOlderVersionsAreDermasims) {
  fs::create_directories(out_);
  write_text(out_ / ".summary.json.tmp12345", "");

  replace(new_set);

  expect_set(out_, new_set);
}

TEST_F(OutputSetTest, ALinkOrAFileAtTheOutputDirectoryIsRefused) {
  fs::create_directories(parent_ / "elsewhere");
  fs::create_directory_symlink(parent_ / "elsewhere", out_);
  EXPECT_THROW(OutputSet(out_, known), InputError);
  fs::remove(out_);
  write_text(out_, "a file");
  EXPECT_THROW(OutputSet(out_, known), InputError);
  EXPECT_THROW(OutputSet(out_ / "below", known), InputError);  // its parent cannot be created
}

TEST_F(OutputSetTest, TheCurrentDirectoryIsRefused) {
  const auto saved = fs::current_path();
  fs::current_path(parent_);
  EXPECT_THROW(OutputSet(".", known), InputError);
  EXPECT_THROW(OutputSet(parent_, known), InputError);
  fs::current_path(saved);
}

/// Runs `attempt` in a child process without root's power to ignore permissions; true if it
/// threw an InputError.
bool refused_without_privileges(const std::function<void()>& attempt) {
  const pid_t child = ::fork();
  if (child == 0) {
    if (::geteuid() == 0 && (::setgid(65534) != 0 || ::setuid(65534) != 0)) ::_exit(3);
    try {
      attempt();
    } catch (const InputError&) {
      ::_exit(0);
    } catch (...) {
      ::_exit(2);
    }
    ::_exit(1);
  }
  int status = 0;
  ::waitpid(child, &status, 0);
  return WIFEXITED(status) && WEXITSTATUS(status) == 0;
}

TEST_F(OutputSetTest, AnUnwritableOutputIsBadInputWhetherItExistsOrNot) {
  // The scratch directory is root's 0700 when the tests run as root: open it to the child.
  fs::permissions(parent_, fs::perms::all);
  fs::create_directories(out_);
  fs::permissions(out_, fs::perms::owner_read | fs::perms::owner_exec | fs::perms::others_read |
                            fs::perms::others_exec | fs::perms::group_read | fs::perms::group_exec);
  EXPECT_TRUE(refused_without_privileges([&] { OutputSet(out_, known).replace(new_set); })) << "existing --out";

  fs::permissions(out_, fs::perms::all);
  fs::permissions(parent_, fs::perms::owner_read | fs::perms::owner_exec | fs::perms::others_read |
                               fs::perms::others_exec | fs::perms::group_read | fs::perms::group_exec);
  EXPECT_TRUE(refused_without_privileges([&] { OutputSet(out_, known).replace(new_set); })) << "read-only parent";
  EXPECT_TRUE(refused_without_privileges([&] { OutputSet(parent_ / "new", known).replace(new_set); })) << "new --out";
  EXPECT_FALSE(fs::exists(parent_ / "new"));
}

}  // namespace
}  // namespace dermasim::report
