// Fuzzes the reader of one data/ catalogue file, named at build time by DERMASIM_FUZZ_FILE:
// fuzz/CMakeLists.txt builds one target per file in data/. The input stands for that file's
// whole text; it must either load or raise InputError.

#include <cstdio>
#include <cstdlib>
#include <string>

#include "fuzz_input.hpp"
#include "io/catalogue_reader.hpp"
#include "io/response_catalogue.hpp"
#include "io/transport_catalogue.hpp"

#ifndef DERMASIM_FUZZ_FILE
#error "DERMASIM_FUZZ_FILE must name the data/ file this target fuzzes, e.g. \"actives.toml\""
#endif

namespace {

using namespace dermasim::io;

using Reader = void (*)(std::string_view text, const std::string& file_name);

struct FileReader {
  std::string_view file;
  Reader read;
};

// The reader of each file in data/; a new data file needs a line here (the target refuses to
// start otherwise, so the smoke run fails until it has one).
constexpr FileReader readers[] = {
    {"actives.toml", [](std::string_view text, const std::string& name) { (void)read_actives(text, name); }},
    {"vehicles.toml", [](std::string_view text, const std::string& name) { (void)read_vehicles(text, name); }},
    {"devices.toml", [](std::string_view text, const std::string& name) { (void)read_devices(text, name); }},
    {"sites.toml", [](std::string_view text, const std::string& name) { (void)read_sites(text, name); }},
    {"rules.toml", [](std::string_view text, const std::string& name) { (void)read_rules(text, name); }},
    {"transport.toml",
     [](std::string_view text, const std::string& name) { (void)read_transport_catalogue(text, name); }},
    {"response.toml",
     [](std::string_view text, const std::string& name) { (void)read_response_catalogue(text, name); }},
};

Reader reader_of(std::string_view file) {
  for (const FileReader& entry : readers)
    if (entry.file == file) return entry.read;
  std::fprintf(stderr, "catalogue_fuzz: no reader for data/%s; add one to fuzz/catalogue_fuzz.cpp\n",
               std::string(file).c_str());
  std::abort();
}

}  // namespace

extern "C" int LLVMFuzzerInitialize(int* /*argc*/, char*** /*argv*/) {
  (void)reader_of(DERMASIM_FUZZ_FILE);
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const Reader read = reader_of(DERMASIM_FUZZ_FILE);
  static const std::string file_name = std::string("data/") + DERMASIM_FUZZ_FILE;
  return dermasim::fuzz::read_or_reject(data, size, [](std::string_view text) { read(text, file_name); });
}
