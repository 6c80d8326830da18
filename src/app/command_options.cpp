#include "app/command_options.hpp"

#include <fmt/format.h>

namespace dermasim::app {

void add_output_options(CLI::App* command, std::string& out_directory, bool& json, std::string_view json_file) {
  command->add_option("--out", out_directory, "output directory (created if absent)")->default_str("dermasim-out");
  command->add_flag("--json", json, fmt::format("print {} to stdout", json_file));
}

void add_fidelity_option(CLI::App* command, transport::Fidelity& fidelity) {
  const auto set = [&fidelity](const std::string& name) {
    if (const auto parsed = transport::fidelity_names.parse(name)) fidelity = *parsed;  // IsMember checked it
  };
  command->add_option_function<std::string>("--fidelity", set, "transport fidelity")
      ->check(CLI::IsMember(transport::fidelity_names.names()))
      ->default_str(std::string(transport::fidelity_names.name(fidelity)));
}

void add_force_flag(CLI::App* command, bool& force) {
  command->add_flag("--force", force, "simulate even when the scenario has error findings (still exits 1)");
}

}  // namespace dermasim::app
