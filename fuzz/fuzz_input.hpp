#pragma once
// The contract every fuzz target checks: a reader given any bytes either returns a value or
// throws InputError. Any other exception is a finding: it is printed and the process aborts, so
// that libFuzzer records the input as a crash, as it does for crashes and sanitizer reports.

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <exception>
#include <string_view>
#include <typeinfo>

#include "core/error.hpp"

namespace dermasim::fuzz {

template <class Read>
int read_or_reject(const std::uint8_t* data, std::size_t size, Read read) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  try {
    read(text);
  } catch (const InputError&) {
    // Bad input is expected; it must be reported, never crash.
  } catch (const std::exception& error) {
    std::fprintf(stderr, "fuzz: the reader threw %s, not InputError: %s\n", typeid(error).name(), error.what());
    std::abort();
  }
  return 0;
}

}  // namespace dermasim::fuzz
