#include "cli_runner.hpp"

#include <sys/wait.h>
#include <unistd.h>

#include <array>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>

namespace dermasim::testing {

namespace {

std::string quote(const std::string& argument) {
  std::string quoted = "'";
  for (const char c : argument) quoted += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return quoted + "'";
}

std::string read_file(const std::filesystem::path& path) {
  std::ifstream stream(path);
  std::ostringstream text;
  text << stream.rdbuf();
  return text.str();
}

}  // namespace

std::string read_text(const std::string& path) { return read_file(path); }

std::string source_path(const std::string& relative) {
  return (std::filesystem::path(DERMASIM_SOURCE_DIR) / relative).string();
}

std::string dermasim_binary() { return DERMASIM_BINARY; }

ScratchDirectory::ScratchDirectory(const std::string& label) {
  std::string path = (std::filesystem::temp_directory_path() / ("dermasim-" + label + "-XXXXXX")).string();
  if (::mkdtemp(path.data()) == nullptr) throw std::runtime_error("cannot create a scratch directory " + path);
  path_ = path;
}

ScratchDirectory::~ScratchDirectory() {
  std::error_code ignored;
  std::filesystem::permissions(path_, std::filesystem::perms::owner_all, std::filesystem::perm_options::add, ignored);
  std::filesystem::remove_all(path_, ignored);
}

CommandResult run_dermasim(const std::vector<std::string>& arguments, const std::string& working_directory,
                           const std::vector<std::string>& launcher) {
  static int counter = 0;
  const auto error_file = std::filesystem::temp_directory_path() /
                          ("dermasim-cli-stderr-" + std::to_string(::getpid()) + "-" + std::to_string(++counter));
  std::string command;
  if (!working_directory.empty()) command += "cd " + quote(working_directory) + " && ";
  for (const auto& word : launcher) command += quote(word) + " ";
  command += quote(DERMASIM_BINARY);
  for (const auto& argument : arguments) command += " " + quote(argument);
  command += " 2>" + quote(error_file.string()) + " </dev/null";

  CommandResult result;
  FILE* pipe = ::popen(command.c_str(), "r");
  if (!pipe) return result;
  std::array<char, 4096> buffer{};
  std::size_t read = 0;
  while ((read = std::fread(buffer.data(), 1, buffer.size(), pipe)) > 0) result.out.append(buffer.data(), read);
  const int status = ::pclose(pipe);
  result.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  result.err = read_file(error_file);
  std::filesystem::remove(error_file);
  return result;
}

}  // namespace dermasim::testing
