#pragma once
// The parameters of the skin response model (docs/model-response.md), in SI, with a table that names
// each one as data/response.toml spells it (`name_unit`), its file unit, its allowed range,
// what its data range describes and which part of a run reads it. The table is the
// loader-independent form: io/ reads the file through it, the population samples by it, and
// tests check that the file and the struct agree.

#include <span>
#include <string_view>
#include <variant>

#include "core/provenance.hpp"
#include "core/units.hpp"
#include "response/response_drives.hpp"

namespace dermasim::response {

/// Every number the response equations use. Dimensionless gains are plain doubles; the
/// comment gives the equation term (docs/model-response.md writes them out).
/// Invariant (check_response_parameters): each value within its field's allowed range.
struct ResponseParameters {
  // Injury and inflammation: dose = depth/ref · f(density)/f(ref), f(n) = 1 − exp(−n·halo).
  Length injury_reference_depth;
  ArealDensity injury_reference_density;
  Area injury_halo_area;    // inflamed area around one channel
  Time injury_signal_time;  // injury signal → inflammation
  Time inflammation_half_life;
  double erythema_per_inflammation = 0;
  double erythema_per_irritation = 0;
  double inflammation_amplification_per_irritation = 0;
  double inflammation_amplification_per_barrier_deficit = 0;
  // Barrier B ∈ [barrier_min, 1].
  double barrier_min = 0;
  double barrier_loss_per_injury = 0;  // B − Bmin ← (B − Bmin)·exp(−k·dose)
  Time barrier_recovery_time;
  Rate barrier_loss_rate_per_irritation;           // per unit irritation score
  double barrier_recovery_slowing_per_decade = 0;  // above the reference age
  double reference_age_years = 0;
  // Retinoid activation: receptor signal R → Emax·E/(EC50 + E), activation A → R.
  double activation_max = 0;
  MassPerArea activation_ec50;
  Time activation_signal_time;
  Time activation_time;
  double retinol_potency_ratio = 0;  // tretinoin-equivalent per unit retinol
  // Irritation with tolerance.
  double irritation_gain = 0;  // irritation score per unit activation
  Time irritation_time;
  double irritation_amplification_per_barrier_deficit = 0;
  double sensitivity_factor_low = 0;
  double sensitivity_factor_normal = 0;
  double sensitivity_factor_high = 0;
  Rate tolerance_build_rate;  // per unit activation
  Time tolerance_fade_time;
  // Acne lesions (index, baseline 1).
  Time acne_response_time;
  double comedolysis_per_activation = 0;
  double purge_per_activation = 0;
  // Epidermal turnover.
  Time turnover_time;
  double turnover_acceleration_per_activation = 0;
  Time turnover_adaptation_time;
  // Pigment (index, baseline 1) and post-inflammatory hyperpigmentation.
  double melanogenesis_inhibition_per_activation = 0;
  double uv_pigment_share = 0;
  double uv_photosensitization_per_barrier_deficit = 0;
  Rate pih_pigment_rate;  // per unit inflammation, Fitzpatrick IV
  double pih_uv_amplification = 0;
  double pih_reactivity_type_1 = 0;
  double pih_reactivity_type_2 = 0;
  double pih_reactivity_type_3 = 0;
  double pih_reactivity_type_4 = 0;
  double pih_reactivity_type_5 = 0;
  double pih_reactivity_type_6 = 0;
  double pih_visible_pigment = 0;
  // Fibroblasts and collagen (content relative to baseline).
  Time fibroblast_time;
  double collagen_synthesis_gain_per_activation = 0;
  double collagen_synthesis_gain_per_fibroblast = 0;
  Time collagen_turnover_time;
  Time collagen_maturation_time;
  double immature_collagen_weight = 0;
  double collagen_saturation = 0;
  double collagen_response_decline_per_decade = 0;
  // Clinical improvement scores.
  double scar_improvement_per_collagen_percent = 0;
  double fine_lines_per_collagen_percent = 0;
  double fine_lines_per_turnover_percent = 0;
  double texture_per_collagen_percent = 0;
  double texture_per_turnover_percent = 0;
  double pores_per_collagen_percent = 0;
  double pores_per_acne_percent = 0;

  /// The irritation multiplier of a sensitivity class.
  [[nodiscard]] double sensitivity_factor(SkinSensitivity sensitivity) const;
  /// The PIH reactivity of a Fitzpatrick type. @pre 1 <= type <= 6.
  [[nodiscard]] double pih_reactivity(int fitzpatrick) const;
};

/// The part of a regimen's run that reads a parameter; a run without the part never reads it
/// (the person's own sensitivity class and Fitzpatrick type, the scores of their concerns).
struct ResponseReader {
  enum class Part {
    every_run,
    sensitivity_class,  // of `sensitivity` only
    fitzpatrick_type,   // of `fitzpatrick` only
    acne_purge,         // acne-prone skin only
    acne_lesions,       // the acne index, read by the acne and the pore scores
    acne_scar_score,
    fine_lines_score,
    texture_score,
    pores_score,
    retinol,  // a regimen that applies retinol
  };
  Part part = Part::every_run;
  SkinSensitivity sensitivity = SkinSensitivity::normal;
  int fitzpatrick = 0;
};

/// What one run has of the response model's parts: the person's traits, the clinical scores
/// reported for their concerns, whether retinol is applied.
struct ResponseUse {
  PersonTraits traits;
  bool reports_acne_scars = false;
  bool reports_fine_lines = false;
  bool reports_texture = false;
  bool reports_enlarged_pores = false;
  bool reports_acne = false;
  bool applies_retinol = false;
};

/// One parameter as the catalogue file names it.
struct ResponseParameterField {
  using Member = std::variant<double ResponseParameters::*, Time ResponseParameters::*, Rate ResponseParameters::*,
                              Length ResponseParameters::*, Area ResponseParameters::*,
                              MassPerArea ResponseParameters::*, ArealDensity ResponseParameters::*>;
  std::string_view key;  // e.g. "inflammation_half_life_h"
  Member member;
  double si_per_file_unit;  // SI value of one file unit (3600 for hours)
  double min;               // allowed range, in file units
  double max;
  ResponseReader reader = {};
  // Every response range is the literature's uncertainty about a constant of the model.
  RangeKind range_kind = RangeKind::uncertainty;
};

/// Every field of ResponseParameters, once each, in the order of data/response.toml.
[[nodiscard]] std::span<const ResponseParameterField> response_parameter_fields();

/// Sets one field from a value in file units. @pre field comes from response_parameter_fields.
void set_parameter(ResponseParameters& parameters, const ResponseParameterField& field, double file_value);
/// A field's value in file units.
[[nodiscard]] double parameter_value(const ResponseParameters& parameters, const ResponseParameterField& field);

/// Whether a run with `use` reads `field`.
[[nodiscard]] bool is_read(const ResponseParameterField& field, const ResponseUse& use);

/// Throws InternalError if any value lies outside its field's range (a loader or sampler bug).
void check_response_parameters(const ResponseParameters& parameters);

}  // namespace dermasim::response
