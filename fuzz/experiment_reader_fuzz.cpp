// Fuzzes the experiment reader (docs/file-formats.md, "Experiment") against the built-in
// catalogues: any byte string must either load or raise InputError.

#include "fuzz_input.hpp"
#include "io/catalogue_reader.hpp"
#include "io/experiment_reader.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const dermasim::regimen::Catalogue catalogue = dermasim::io::load_catalogue(std::nullopt);
  return dermasim::fuzz::read_or_reject(data, size, [](std::string_view text) {
    (void)dermasim::io::read_experiment(text, "fuzz.experiment.toml", catalogue);
  });
}
