// Fuzzes the scenario loader and the checker: any byte string must either load (and then
// check without failing) or raise InputError. Any other exception, crash, leak or undefined
// behaviour is a bug that libFuzzer and the sanitizers report.

#include <cstddef>
#include <cstdint>
#include <string_view>

#include "io/catalogue_reader.hpp"
#include "io/scenario_reader.hpp"
#include "regimen/protocol_check.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const dermasim::regimen::Catalogue catalogue = dermasim::io::load_catalogue(std::nullopt);
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  try {
    const auto regimen = dermasim::io::read_scenario(text, "fuzz.toml", catalogue);
    (void)dermasim::regimen::check_protocol(regimen, catalogue.rules);
  } catch (const dermasim::InputError&) {
    // Bad input is expected; it must be reported, never crash.
  }
  return 0;
}
