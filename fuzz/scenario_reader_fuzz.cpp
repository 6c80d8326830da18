// Fuzzes the scenario loader and the checker: any byte string must either load (and then
// check without failing) or raise InputError. Any other exception, crash, leak or undefined
// behaviour is a bug that libFuzzer and the sanitizers report.

#include "fuzz_input.hpp"
#include "io/catalogue_reader.hpp"
#include "io/scenario_reader.hpp"
#include "regimen/protocol_check.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const dermasim::regimen::Catalogue catalogue = dermasim::io::load_catalogue(std::nullopt);
  return dermasim::fuzz::read_or_reject(data, size, [](std::string_view text) {
    const auto regimen = dermasim::io::read_scenario(text, "fuzz.toml", catalogue);
    (void)dermasim::regimen::check_protocol(regimen, catalogue.rules);
  });
}
