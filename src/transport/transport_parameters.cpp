#include "transport/transport_parameters.hpp"

#include <array>
#include <type_traits>

#include <fmt/format.h>

#include "core/error.hpp"

namespace dermasim::transport {

namespace {

using P = TransportParameters;
using Properties = PropertyParameters;
using enum RangeKind;
using enum TransportReader;
constexpr double plain = 1.0;
constexpr double hour_s = units::hour.si();
constexpr double micrometre_m = units::micrometre.si();
constexpr double per_hour_si = units::per_hour.si();

// Skin-surface pH and channel closure differ between people (closure with skin colour and
// occlusion); the other ranges are the literature's uncertainty about shared constants.
const std::array fields{
    TransportParameterField{"properties", "stratum_corneum_surface_ph", &Properties::stratum_corneum_surface_ph, plain,
                            3.0, 9.0, variability, retinoid_transport},
    TransportParameterField{"properties", "viable_tissue_ph", &Properties::viable_tissue_ph, plain, 6.0, 8.5,
                            uncertainty, retinoid_transport},
    TransportParameterField{"properties", "lipid_volume_fraction", &Properties::lipid_volume_fraction, plain, 0.01, 0.5,
                            uncertainty, retinoid_transport},
    TransportParameterField{"properties", "keratin_volume_fraction", &Properties::keratin_volume_fraction, plain, 0.05,
                            0.9, uncertainty, retinoid_transport},
    TransportParameterField{"properties", "tissue_water_fraction", &Properties::tissue_water_fraction, plain, 0.1, 1.0,
                            uncertainty, retinoid_transport},
    TransportParameterField{"properties", "reference_stratum_corneum_um", &Properties::reference_stratum_corneum,
                            micrometre_m, 1.0, 100.0, uncertainty, retinoid_transport},
    TransportParameterField{"closure", "time_constant_open_h", &P::closure_time_open, hour_s, 0.01, 200.0, variability,
                            channel_closure},
    TransportParameterField{"closure", "time_constant_occluded_h", &P::closure_time_occluded, hour_s, 0.01, 500.0,
                            variability, channel_closure},
    TransportParameterField{"clearance", "dermal_clearance_per_h", &P::dermal_clearance, per_hour_si, 0.0, 1000.0,
                            uncertainty, retinoid_transport},
    TransportParameterField{"metabolism", "viable_epidermis_metabolism_per_h", &P::viable_epidermis_metabolism,
                            per_hour_si, 0.0, 1000.0, uncertainty, retinoid_transport},
    TransportParameterField{"calibration", "cream_stratum_corneum_vehicle_partition",
                            &P::cream_stratum_corneum_vehicle_partition, plain, 1e-6, 1e6, uncertainty,
                            retinoid_transport},
};

/// The object that holds `member`: the parameters themselves or their property parameters.
template <class Owner>
auto& owner_of(std::conditional_t<std::is_const_v<Owner>, const P, P>& parameters) {
  if constexpr (std::is_same_v<std::remove_const_t<Owner>, Properties>)
    return parameters.properties;
  else
    return parameters;
}

template <class Member>
struct MemberTraits;
template <class Value, class Owner>
struct MemberTraits<Value Owner::*> {
  using value_type = Value;
  using owner_type = Owner;
};

}  // namespace

std::string TransportParameterField::name() const { return fmt::format("{}.{}", section, key); }

std::span<const TransportParameterField> transport_parameter_fields() { return fields; }

void set_parameter(TransportParameters& parameters, const TransportParameterField& field, double file_value) {
  const double si = file_value * field.si_per_file_unit;
  std::visit(
      [&](auto member) {
        using Traits = MemberTraits<decltype(member)>;
        auto& owner = owner_of<typename Traits::owner_type>(parameters);
        if constexpr (std::is_same_v<typename Traits::value_type, double>) {
          owner.*member = si;
        } else {
          owner.*member = Traits::value_type::from_si(si);
        }
      },
      field.member);
}

double parameter_value(const TransportParameters& parameters, const TransportParameterField& field) {
  return std::visit(
      [&](auto member) {
        using Traits = MemberTraits<decltype(member)>;
        const auto& owner = owner_of<const typename Traits::owner_type>(parameters);
        if constexpr (std::is_same_v<typename Traits::value_type, double>) {
          return (owner.*member) / field.si_per_file_unit;
        } else {
          return (owner.*member).si() / field.si_per_file_unit;
        }
      },
      field.member);
}

bool is_read(const TransportParameterField& field, const TransportUse& use) {
  switch (field.reader) {
    case retinoid_transport:
      return use.applies_retinoid;
    case channel_closure:
      return use.has_sessions;
  }
  return true;
}

void check_transport_parameters(const TransportParameters& parameters) {
  for (const TransportParameterField& field : fields) {
    const double value = parameter_value(parameters, field);
    if (!(value >= field.min && value <= field.max)) {
      const std::string message = fmt::format("transport parameter {} = {} lies outside its allowed range {} .. {}",
                                              field.name(), value, field.min, field.max);
      expects(false, message.c_str());
    }
  }
}

}  // namespace dermasim::transport
