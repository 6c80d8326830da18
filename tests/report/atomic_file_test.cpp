// Output files are written whole or not at all: the content lands byte for byte, replaces an
// older file, and a failed write leaves the old state and no temporary file behind.

#include "report/atomic_file.hpp"

#include <algorithm>
#include <fstream>
#include <sstream>

#include <gtest/gtest.h>
#include <unistd.h>

#include "core/error.hpp"

namespace dermasim::report {
namespace {

namespace fs = std::filesystem;

/// A fresh, empty directory for one test, removed afterwards.
class AtomicFileTest : public ::testing::Test {
 protected:
  void SetUp() override {
    const auto* test = ::testing::UnitTest::GetInstance()->current_test_info();
    directory_ =
        fs::temp_directory_path() / ("dermasim-atomic-" + std::string(test->name()) + "-" + std::to_string(::getpid()));
    fs::remove_all(directory_);
    fs::create_directories(directory_);
  }
  void TearDown() override { fs::remove_all(directory_); }

  [[nodiscard]] std::vector<std::string> names() const {
    std::vector<std::string> found;
    for (const auto& entry : fs::directory_iterator(directory_)) found.push_back(entry.path().filename().string());
    std::ranges::sort(found);
    return found;
  }

  fs::path directory_;
};

std::string contents(const fs::path& path) {
  std::ifstream stream(path, std::ios::binary);
  std::ostringstream text;
  text << stream.rdbuf();
  return text.str();
}

TEST_F(AtomicFileTest, WritesTheContentByteForByteAndNothingElse) {
  const std::string content("BEGIN:VCALENDAR\r\nline two\n\0 and after a NUL", 44);

  write_file_atomically(directory_ / "plan.ics", content);

  EXPECT_EQ(contents(directory_ / "plan.ics"), content);
  EXPECT_EQ(names(), std::vector<std::string>{"plan.ics"});
}

TEST_F(AtomicFileTest, ReplacesAnOlderFile) {
  write_file_atomically(directory_ / "summary.json", "{\"old\": true, \"padding\": \"longer than the new one\"}\n");

  write_file_atomically(directory_ / "summary.json", "{}\n");

  EXPECT_EQ(contents(directory_ / "summary.json"), "{}\n");
  EXPECT_EQ(names(), std::vector<std::string>{"summary.json"});
}

TEST_F(AtomicFileTest, AFailedReplacementKeepsWhatWasThereAndLeavesNoTemporaryFile) {
  fs::create_directories(directory_ / "report.html" / "inside");

  EXPECT_THROW(write_file_atomically(directory_ / "report.html", "<html></html>"), Error);

  EXPECT_TRUE(fs::is_directory(directory_ / "report.html" / "inside"));
  EXPECT_EQ(names(), std::vector<std::string>{"report.html"});
}

TEST_F(AtomicFileTest, AWriteIntoAMissingDirectoryFailsWithoutCreatingIt) {
  EXPECT_THROW(write_file_atomically(directory_ / "missing" / "absorb.json", "{}"), Error);

  EXPECT_TRUE(names().empty());
}

TEST_F(AtomicFileTest, EnsureDirectoryCreatesParentsAndRejectsAFileInThePathAsBadInput) {
  ensure_directory(directory_ / "a" / "b");
  ensure_directory(directory_ / "a" / "b");  // already there: nothing to do
  EXPECT_TRUE(fs::is_directory(directory_ / "a" / "b"));

  write_file_atomically(directory_ / "file", "x");
  EXPECT_THROW(ensure_directory(directory_ / "file" / "out"), InputError);
}

}  // namespace
}  // namespace dermasim::report
