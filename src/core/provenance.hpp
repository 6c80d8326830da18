#pragma once
// Parameter provenance: every physical or clinical number in dermasim carries where it came
// from (a citation) or is marked as an assumption, so reports and docs can list both.

#include <functional>
#include <map>
#include <optional>
#include <string>

namespace dermasim {

struct Provenance {
  std::string source;          // citation, e.g. "Potts RO, Guy RH, Pharm Res 1992;9:663"
  bool is_assumption = false;  // true when no source gives the number
  bool is_calibrated = false;  // fitted to a validation target (the source names it)
};

/// A value with its provenance.
template <class T>
struct Sourced {
  T value{};
  Provenance provenance;
};

}  // namespace dermasim

namespace dermasim {

/// A closed interval of plausible values (inter-individual variability or literature
/// uncertainty) that virtual populations sample.
struct Range {
  double low = 0.0;
  double high = 0.0;
};

/// What a range describes: how much the number differs between people (it makes virtual
/// people), or how unsure the literature is about one constant every person shares. The two
/// are kept apart so that trial statistics can be computed over variability alone.
enum class RangeKind { variability, uncertainty };

/// A catalogue number: its value, where it came from, and its range when one is known.
struct Parameter {
  double value = 0.0;
  Provenance provenance;
  std::optional<Range> range;
};

/// The data ranges of one model's parameter table, by the field's name in its file; a field
/// whose entry gives no range is absent.
using ParameterRanges = std::map<std::string, Range, std::less<>>;

}  // namespace dermasim
