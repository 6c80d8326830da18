#include "io/input_kind.hpp"

#include <array>
#include <filesystem>
#include <fstream>
#include <sstream>

#include <fmt/format.h>

#include "core/error.hpp"

namespace dermasim::io {

namespace {

struct KindFacts {
  InputKind kind;
  std::string_view name;      // "scenario file"
  std::string_view table;     // the table only this kind has
  std::string_view commands;  // the commands that read it
  std::string_view example;   // a file of this kind in the repository
};

constexpr std::array<KindFacts, 3> kinds{{
    {InputKind::scenario, "scenario file", "scenario", "dermasim check, simulate or population",
     "examples/03-check-scenario/acne-scars.scenario.toml"},
    {InputKind::profile, "profile file", "goals", "dermasim plan", "examples/05-plan-for-profile/default.profile.toml"},
    {InputKind::experiment, "experiment file", "experiment", "dermasim absorb",
     "examples/01-absorb-intact-skin/caffeine-infinite.experiment.toml"},
}};

/// "a scenario file", "an experiment file".
std::string with_article(std::string_view name) { return fmt::format("{} {}", name.front() == 'e' ? "an" : "a", name); }

const KindFacts& facts(InputKind kind) {
  for (const auto& entry : kinds)
    if (entry.kind == kind) return entry;
  return kinds.front();
}

}  // namespace

std::string read_input_file(const std::string& path, InputKind kind) {
  const KindFacts& expected = facts(kind);
  std::error_code error;
  if (std::filesystem::is_directory(path, error))
    throw InputError({path, 0, 0},
                     fmt::format("is a directory; give {} (e.g. {})", with_article(expected.name), expected.example));
  std::ifstream stream(path, std::ios::binary);
  if (!stream)
    throw InputError({path, 0, 0}, fmt::format("cannot open the {}; check the path and that it is readable (e.g. {})",
                                               expected.name, expected.example));
  std::ostringstream contents;
  contents << stream.rdbuf();
  return contents.str();
}

void require_input_kind(const toml::table& document, const std::string& file_name, InputKind expected) {
  const KindFacts& wanted = facts(expected);
  if (document.contains(wanted.table)) return;
  for (const auto& other : kinds)
    if (other.kind != expected && document.contains(other.table))
      throw InputError({file_name, 1, 1},
                       fmt::format("this is {} (it has [{}]): use {} with it; this command takes {} (e.g. {})",
                                   with_article(other.name), other.table, other.commands, with_article(wanted.name),
                                   wanted.example));
}

}  // namespace dermasim::io
