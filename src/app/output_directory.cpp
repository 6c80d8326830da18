#include "app/output_directory.hpp"

#include <algorithm>
#include <set>

#include "core/error.hpp"

namespace dermasim::app {

namespace {

const CommandOutputs& outputs_of(std::string_view command) {
  const auto table = command_outputs();
  const auto found = std::ranges::find(table, command, &CommandOutputs::command);
  expects(found != table.end(), "a command that writes files is listed in command_outputs()");
  return *found;
}

/// Any command's output may be replaced by any other's: a directory used by `simulate` and then
/// by `plan` holds dermasim's files only.
std::vector<std::string> every_output_name() {
  std::set<std::string> names;
  for (const auto& outputs : command_outputs()) names.insert(outputs.files.begin(), outputs.files.end());
  return {names.begin(), names.end()};
}

}  // namespace

std::span<const CommandOutputs> command_outputs() {
  static const std::vector<CommandOutputs> table{
      {"simulate", {"summary.json", "timeseries.csv", "report.html"}},
      {"absorb", {"absorb.json", "profile.csv", "depth_profile.csv"}},
      {"plan", {"plan.toml", "plan.ics", "report.html", "summary.json"}},
      {"population", {"population.json", "population.html"}},
  };
  return table;
}

OutputDirectory::OutputDirectory(std::string_view command, const std::filesystem::path& directory)
    : outputs_(outputs_of(command)), set_(directory, every_output_name()) {}

void OutputDirectory::write(const std::vector<std::pair<std::string, std::string>>& files) {
  std::vector<std::string> names;
  for (const auto& file : files) names.push_back(file.first);
  expects(std::ranges::is_permutation(names, outputs_.files), "a command writes exactly its listed outputs");
  set_.replace(files);
}

}  // namespace dermasim::app
