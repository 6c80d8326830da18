#pragma once
// Parameter provenance: every physical or clinical number in dermasim carries where it came
// from (a citation) or is marked as an assumption, so reports and docs can list both.

#include <string>

namespace dermasim {

struct Provenance {
  std::string source;        // citation, e.g. "Potts RO, Guy RH, Pharm Res 1992;9:663"
  bool is_assumption = false;  // true when no source gives the number
};

/// A value with its provenance.
template <class T>
struct Sourced {
  T value{};
  Provenance provenance;
};

}  // namespace dermasim
