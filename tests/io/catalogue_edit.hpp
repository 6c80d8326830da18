#pragma once
// Helpers for the catalogue reader tests: the embedded catalogue texts, one-place edits, and the
// error a data directory holding one edited file gives.

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <string>

#include <gtest/gtest.h>

#include "io/catalogue_reader.hpp"
#include "io/embedded_data.hpp"

namespace dermasim::io::catalogue_test {

/// A scratch data directory holding one edited catalogue file.
class EditedDataDirectory {
 public:
  EditedDataDirectory(const std::string& file_name, const std::string& text)
      : path_(std::filesystem::temp_directory_path() /
              ("dermasim-data-" + std::to_string(::testing::UnitTest::GetInstance()->random_seed()) + "-" +
               ::testing::UnitTest::GetInstance()->current_test_info()->name())) {
    std::filesystem::create_directories(path_);
    std::ofstream(path_ / file_name) << text;
  }
  ~EditedDataDirectory() { std::filesystem::remove_all(path_); }
  const std::filesystem::path& path() const { return path_; }

 private:
  std::filesystem::path path_;
};

inline std::string embedded(std::string_view name) {
  for (const auto& file : embedded_catalogue_files())
    if (file.name == name) return std::string(file.text);
  return {};
}

inline void replace_once(std::string& text, const std::string& from, const std::string& to) {
  const auto at = text.find(from);
  ASSERT_NE(at, std::string::npos) << from;
  text.replace(at, from.size(), to);
}

/// "LINE:COLUMN" of the `nth` occurrence of `text` in `file` (all counted from 1).
inline std::string line_and_column(const std::string& file, const std::string& text, int nth = 1) {
  auto at = file.find(text);
  for (int seen = 1; seen < nth; ++seen) at = file.find(text, at + 1);
  const auto line_start = file.rfind('\n', at) + 1;  // npos + 1 = 0 on the first line
  const auto line = std::count(file.begin(), file.begin() + static_cast<std::ptrdiff_t>(at), '\n') + 1;
  return std::to_string(line) + ":" + std::to_string(at - line_start + 1);
}

inline std::string load_error(const std::string& file_name, const std::string& text) {
  const EditedDataDirectory directory(file_name, text);
  try {
    (void)load_catalogue(directory.path());
  } catch (const InputError& error) {
    return error.what();
  }
  return "no error";
}

}  // namespace dermasim::io::catalogue_test
