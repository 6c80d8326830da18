#include "response/response_parameters.hpp"

#include <array>
#include <string>

#include <fmt/format.h>

#include "core/error.hpp"

namespace dermasim::response {

namespace {

using P = ResponseParameters;
constexpr double hour_s = 3600.0;
constexpr double day_s = 86400.0;
constexpr double mm = 1e-3;
constexpr double mm2 = 1e-6;
constexpr double per_cm2 = 1e4;
constexpr double ng_per_cm2 = 1e-12 / 1e-4;
constexpr double per_day = 1.0 / day_s;

using Part = ResponseReader::Part;
constexpr ResponseReader read_by(Part part) { return {part}; }
constexpr ResponseReader read_by(SkinSensitivity sensitivity) { return {Part::sensitivity_class, sensitivity}; }
constexpr ResponseReader read_by_fitzpatrick(int type) {
  return {Part::fitzpatrick_type, SkinSensitivity::normal, type};
}

const std::array fields{
    ResponseParameterField{"injury_reference_depth_mm", &P::injury_reference_depth, mm, 0.05, 3.0},
    ResponseParameterField{"injury_reference_density_per_cm2", &P::injury_reference_density, per_cm2, 1.0, 1e5},
    ResponseParameterField{"injury_halo_area_mm2", &P::injury_halo_area, mm2, 0.01, 10.0},
    ResponseParameterField{"injury_signal_time_h", &P::injury_signal_time, hour_s, 0.1, 12.0},
    ResponseParameterField{"inflammation_half_life_h", &P::inflammation_half_life, hour_s, 1.0, 96.0},
    ResponseParameterField{"erythema_per_inflammation", &P::erythema_per_inflammation, 1.0, 0.0, 10.0},
    ResponseParameterField{"erythema_per_irritation", &P::erythema_per_irritation, 1.0, 0.0, 2.0},
    ResponseParameterField{"inflammation_amplification_per_irritation", &P::inflammation_amplification_per_irritation,
                           1.0, 0.0, 5.0},
    ResponseParameterField{"inflammation_amplification_per_barrier_deficit",
                           &P::inflammation_amplification_per_barrier_deficit, 1.0, 0.0, 5.0},
    ResponseParameterField{"barrier_min", &P::barrier_min, 1.0, 0.01, 0.5},
    ResponseParameterField{"barrier_loss_per_injury", &P::barrier_loss_per_injury, 1.0, 0.0, 5.0},
    ResponseParameterField{"barrier_recovery_time_h", &P::barrier_recovery_time, hour_s, 1.0, 500.0},
    ResponseParameterField{"barrier_loss_rate_per_irritation_per_day", &P::barrier_loss_rate_per_irritation, per_day,
                           0.0, 5.0},
    ResponseParameterField{"barrier_recovery_slowing_per_decade", &P::barrier_recovery_slowing_per_decade, 1.0, 0.0,
                           1.0},
    ResponseParameterField{"reference_age_years", &P::reference_age_years, 1.0, 10.0, 100.0},
    ResponseParameterField{"activation_max", &P::activation_max, 1.0, 0.1, 10.0},
    ResponseParameterField{"activation_ec50_ng_per_cm2", &P::activation_ec50, ng_per_cm2, 1e-3, 1e4},
    ResponseParameterField{"activation_signal_time_h", &P::activation_signal_time, hour_s, 0.5, 7.9},
    ResponseParameterField{"activation_time_h", &P::activation_time, hour_s, 8.0, 96.0},
    ResponseParameterField{"retinol_potency_ratio", &P::retinol_potency_ratio, 1.0, 1e-3, 1.0, read_by(Part::retinol)},
    ResponseParameterField{"irritation_gain", &P::irritation_gain, 1.0, 0.0, 20.0},
    ResponseParameterField{"irritation_time_d", &P::irritation_time, day_s, 0.1, 30.0},
    ResponseParameterField{"irritation_amplification_per_barrier_deficit",
                           &P::irritation_amplification_per_barrier_deficit, 1.0, 0.0, 5.0},
    ResponseParameterField{"sensitivity_factor_low", &P::sensitivity_factor_low, 1.0, 0.0, 5.0,
                           read_by(SkinSensitivity::low)},
    ResponseParameterField{"sensitivity_factor_normal", &P::sensitivity_factor_normal, 1.0, 0.0, 5.0,
                           read_by(SkinSensitivity::normal)},
    ResponseParameterField{"sensitivity_factor_high", &P::sensitivity_factor_high, 1.0, 0.0, 5.0,
                           read_by(SkinSensitivity::high)},
    ResponseParameterField{"tolerance_build_rate_per_day", &P::tolerance_build_rate, per_day, 0.0, 5.0},
    ResponseParameterField{"tolerance_fade_time_d", &P::tolerance_fade_time, day_s, 1.0, 1000.0},
    ResponseParameterField{"acne_response_time_d", &P::acne_response_time, day_s, 1.0, 200.0,
                           read_by(Part::acne_lesions)},
    ResponseParameterField{"comedolysis_per_activation", &P::comedolysis_per_activation, 1.0, 0.0, 3.0,
                           read_by(Part::acne_lesions)},
    ResponseParameterField{"purge_per_activation", &P::purge_per_activation, 1.0, 0.0, 5.0, read_by(Part::acne_purge)},
    ResponseParameterField{"turnover_time_d", &P::turnover_time, day_s, 10.0, 100.0},
    ResponseParameterField{"turnover_acceleration_per_activation", &P::turnover_acceleration_per_activation, 1.0, 0.0,
                           5.0},
    ResponseParameterField{"turnover_adaptation_time_d", &P::turnover_adaptation_time, day_s, 0.5, 60.0},
    ResponseParameterField{"melanogenesis_inhibition_per_activation", &P::melanogenesis_inhibition_per_activation, 1.0,
                           0.0, 1.0},
    ResponseParameterField{"uv_pigment_share", &P::uv_pigment_share, 1.0, 0.0, 0.9},
    ResponseParameterField{"uv_photosensitization_per_barrier_deficit", &P::uv_photosensitization_per_barrier_deficit,
                           1.0, 0.0, 5.0},
    ResponseParameterField{"pih_pigment_rate_per_day", &P::pih_pigment_rate, per_day, 0.0, 2.0},
    ResponseParameterField{"pih_uv_amplification", &P::pih_uv_amplification, 1.0, 0.0, 5.0},
    ResponseParameterField{"pih_reactivity_type_1", &P::pih_reactivity_type_1, 1.0, 0.0, 5.0, read_by_fitzpatrick(1)},
    ResponseParameterField{"pih_reactivity_type_2", &P::pih_reactivity_type_2, 1.0, 0.0, 5.0, read_by_fitzpatrick(2)},
    ResponseParameterField{"pih_reactivity_type_3", &P::pih_reactivity_type_3, 1.0, 0.0, 5.0, read_by_fitzpatrick(3)},
    ResponseParameterField{"pih_reactivity_type_4", &P::pih_reactivity_type_4, 1.0, 0.0, 5.0, read_by_fitzpatrick(4)},
    ResponseParameterField{"pih_reactivity_type_5", &P::pih_reactivity_type_5, 1.0, 0.0, 5.0, read_by_fitzpatrick(5)},
    ResponseParameterField{"pih_reactivity_type_6", &P::pih_reactivity_type_6, 1.0, 0.0, 5.0, read_by_fitzpatrick(6)},
    ResponseParameterField{"pih_visible_pigment", &P::pih_visible_pigment, 1.0, 1e-3, 5.0},
    ResponseParameterField{"fibroblast_time_d", &P::fibroblast_time, day_s, 0.5, 60.0},
    ResponseParameterField{"collagen_synthesis_gain_per_activation", &P::collagen_synthesis_gain_per_activation, 1.0,
                           0.0, 10.0},
    ResponseParameterField{"collagen_synthesis_gain_per_fibroblast", &P::collagen_synthesis_gain_per_fibroblast, 1.0,
                           0.0, 500.0},
    ResponseParameterField{"collagen_turnover_time_d", &P::collagen_turnover_time, day_s, 30.0, 10000.0},
    ResponseParameterField{"collagen_maturation_time_d", &P::collagen_maturation_time, day_s, 3.0, 1000.0},
    ResponseParameterField{"immature_collagen_weight", &P::immature_collagen_weight, 1.0, 0.0, 1.0},
    ResponseParameterField{"collagen_saturation", &P::collagen_saturation, 1.0, 0.01, 10.0},
    ResponseParameterField{"collagen_response_decline_per_decade", &P::collagen_response_decline_per_decade, 1.0, 0.0,
                           0.5},
    ResponseParameterField{"scar_improvement_per_collagen_percent", &P::scar_improvement_per_collagen_percent, 1.0, 0.0,
                           20.0, read_by(Part::acne_scar_score)},
    ResponseParameterField{"fine_lines_per_collagen_percent", &P::fine_lines_per_collagen_percent, 1.0, 0.0, 20.0,
                           read_by(Part::fine_lines_score)},
    ResponseParameterField{"fine_lines_per_turnover_percent", &P::fine_lines_per_turnover_percent, 1.0, 0.0, 20.0,
                           read_by(Part::fine_lines_score)},
    ResponseParameterField{"texture_per_collagen_percent", &P::texture_per_collagen_percent, 1.0, 0.0, 20.0,
                           read_by(Part::texture_score)},
    ResponseParameterField{"texture_per_turnover_percent", &P::texture_per_turnover_percent, 1.0, 0.0, 20.0,
                           read_by(Part::texture_score)},
    ResponseParameterField{"pores_per_collagen_percent", &P::pores_per_collagen_percent, 1.0, 0.0, 20.0,
                           read_by(Part::pores_score)},
    ResponseParameterField{"pores_per_acne_percent", &P::pores_per_acne_percent, 1.0, 0.0, 20.0,
                           read_by(Part::pores_score)},
};

}  // namespace

double ResponseParameters::sensitivity_factor(SkinSensitivity sensitivity) const {
  switch (sensitivity) {
    case SkinSensitivity::low:
      return sensitivity_factor_low;
    case SkinSensitivity::normal:
      return sensitivity_factor_normal;
    case SkinSensitivity::high:
      return sensitivity_factor_high;
  }
  return sensitivity_factor_normal;
}

double ResponseParameters::pih_reactivity(int fitzpatrick) const {
  expects(fitzpatrick >= 1 && fitzpatrick <= 6, "pih_reactivity: Fitzpatrick type must be 1..6");
  const std::array reactivity{pih_reactivity_type_1, pih_reactivity_type_2, pih_reactivity_type_3,
                              pih_reactivity_type_4, pih_reactivity_type_5, pih_reactivity_type_6};
  return reactivity[static_cast<std::size_t>(fitzpatrick - 1)];
}

std::span<const ResponseParameterField> response_parameter_fields() { return fields; }

void set_parameter(ResponseParameters& parameters, const ResponseParameterField& field, double file_value) {
  const double si = file_value * field.si_per_file_unit;
  std::visit(
      [&](auto member) {
        using Value = std::remove_reference_t<decltype(parameters.*member)>;
        if constexpr (std::is_same_v<Value, double>) {
          parameters.*member = si;
        } else {
          parameters.*member = Value::from_si(si);
        }
      },
      field.member);
}

double parameter_value(const ResponseParameters& parameters, const ResponseParameterField& field) {
  return std::visit(
      [&](auto member) {
        using Value = std::remove_cvref_t<decltype(parameters.*member)>;
        if constexpr (std::is_same_v<Value, double>) {
          return (parameters.*member) / field.si_per_file_unit;
        } else {
          return (parameters.*member).si() / field.si_per_file_unit;
        }
      },
      field.member);
}

bool is_read(const ResponseParameterField& field, const ResponseUse& use) {
  const ResponseReader& reader = field.reader;
  switch (reader.part) {
    case Part::every_run:
      return true;
    case Part::sensitivity_class:
      return reader.sensitivity == use.traits.sensitivity;
    case Part::fitzpatrick_type:
      return reader.fitzpatrick == use.traits.fitzpatrick;
    case Part::acne_purge:
      return use.traits.acne_prone;  // only acne-prone skin purges
    case Part::acne_lesions:
      return use.reports_acne || use.reports_enlarged_pores;
    case Part::acne_scar_score:
      return use.reports_acne_scars;
    case Part::fine_lines_score:
      return use.reports_fine_lines;
    case Part::texture_score:
      return use.reports_texture;
    case Part::pores_score:
      return use.reports_enlarged_pores;
    case Part::retinol:
      return use.applies_retinol;
  }
  return true;
}

void check_response_parameters(const ResponseParameters& parameters) {
  for (const ResponseParameterField& field : fields) {
    const double value = parameter_value(parameters, field);
    if (!(value >= field.min && value <= field.max)) {
      const std::string message = fmt::format("response parameter {} = {} lies outside its allowed range {} .. {}",
                                              field.key, value, field.min, field.max);
      expects(false, message.c_str());
    }
  }
}

}  // namespace dermasim::response
