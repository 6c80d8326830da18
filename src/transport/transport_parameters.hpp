#pragma once
// The transport model's own parameters (docs/transport.md) that are not properties of a compound,
// site, device or vehicle, and their field table: each one as data/transport.toml names it
// (`section.key`, the unit in the key), its file unit, its allowed range, what its data range
// describes and which part of a run reads it. io/ reads the file through the table, the
// population samples by it and tests compare the file with it (docs/transport.md).

#include <span>
#include <string>
#include <string_view>
#include <variant>

#include "core/provenance.hpp"
#include "core/units.hpp"
#include "transport/compound.hpp"

namespace dermasim::transport {

/// Every number of data/transport.toml, in SI; the defaults are the shipped values (a test
/// checks that they agree with the file).
struct TransportParameters {
  PropertyParameters properties;
  Time closure_time_open = hours(0.7);            // Gupta 2011: impedance at baseline within 2 h
  Time closure_time_occluded = hours(34.0);       // micropore t½ 20–26 h under occlusion → τ = t½/ln 2
  Rate dermal_clearance = 4.8 * units::per_hour;  // assumption, flow-limited
  Rate viable_epidermis_metabolism = 0.1 * units::per_hour;  // assumption, no tretinoin rate
  // K_sc/vehicle for a cream, calibrated to Latriano 1997 (docs/transport.md).
  double cream_stratum_corneum_vehicle_partition = 0.021;
};

/// The part of a run that reads a parameter; a run that lacks the part never reads it.
enum class TransportReader {
  retinoid_transport,  // every application that goes through transport (a retinoid)
  channel_closure,     // the closing channels of a micro-needling session
};

/// What one run has of the transport model's parts.
struct TransportUse {
  bool applies_retinoid = false;
  bool has_sessions = false;
};

/// One parameter as data/transport.toml names it.
struct TransportParameterField {
  using Member = std::variant<double TransportParameters::*, Time TransportParameters::*, Rate TransportParameters::*,
                              double PropertyParameters::*, Length PropertyParameters::*>;
  std::string_view section;  // the file's table, e.g. "closure"
  std::string_view key;      // e.g. "time_constant_open_h"
  Member member;
  double si_per_file_unit;  // SI value of one file unit (3600 for hours)
  double min;               // allowed range, in file units
  double max;
  RangeKind range_kind;  // what the file's `range`, where it gives one, describes
  TransportReader reader;

  /// "section.key", the name reports and the population use.
  [[nodiscard]] std::string name() const;
};

/// Every field of TransportParameters, once each, in the order of data/transport.toml.
[[nodiscard]] std::span<const TransportParameterField> transport_parameter_fields();

/// Sets one field from a value in file units. @pre field comes from transport_parameter_fields.
void set_parameter(TransportParameters& parameters, const TransportParameterField& field, double file_value);
/// A field's value in file units.
[[nodiscard]] double parameter_value(const TransportParameters& parameters, const TransportParameterField& field);

/// Whether a run with `use` reads `field`.
[[nodiscard]] bool is_read(const TransportParameterField& field, const TransportUse& use);

/// Throws InternalError if any value lies outside its field's range (a loader or sampler bug).
void check_transport_parameters(const TransportParameters& parameters);

}  // namespace dermasim::transport
