// Fuzzes the profile reader (docs/file-formats.md, "Profile"): any byte string must either load
// or raise InputError.

#include "fuzz_input.hpp"
#include "io/profile_reader.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  return dermasim::fuzz::read_or_reject(
      data, size, [](std::string_view text) { (void)dermasim::io::read_profile(text, "fuzz.profile.toml"); });
}
