#pragma once
// What drives the skin response (docs/model-response.md): the person's traits, the retinoid
// exposure of the viable epidermis over time (from transport), micro-needling session injuries and
// daily sunscreen. The simulate layer builds these; the response layer only reads them.

#include <string_view>

#include "core/units.hpp"

namespace dermasim::response {

/// Number per area (channels per cm²), SI 1/m². Response-local until core has one.
using ArealDensity = Quantity<-2, 0, 0>;
inline constexpr ArealDensity per_square_centimetre_unit = ArealDensity::from_si(1e4);
[[nodiscard]] constexpr ArealDensity per_square_centimetre(double v) { return v * per_square_centimetre_unit; }

enum class Retinoid { tretinoin, retinol };
enum class SkinSensitivity { low, normal, high };

/// The person-level inputs of the response model.
struct PersonTraits {
  int fitzpatrick = 3;  // 1..6
  SkinSensitivity sensitivity = SkinSensitivity::normal;
  double age_years = 40.0;  // 10..100
  bool acne_prone = false;  // enables the early "purge" term
};

/// Retinoid in the viable epidermis, piecewise constant: `amount` (mass of the retinoid per
/// cm² of skin surface held in the viable epidermis, as transport reports it) on
/// [start, end). Overlapping intervals add. Retinol is converted to tretinoin-equivalent
/// exposure by the model's potency ratio (docs/validation.md R8).
struct ExposureInterval {
  Time start;
  Time end;
  Retinoid active = Retinoid::tretinoin;
  MassPerArea viable_epidermis_amount;
};

/// One micro-needling session. Time is measured from the start of the simulation.
struct SessionInjury {
  Time time;
  Length effective_depth;          // channel depth reached (a fraction of the needle length)
  ArealDensity channels_per_pass;  // channels per skin area made by one pass
  int passes = 1;
  Time channel_closure_time;  // e-folding closure time of the channels (transport's
                              // value for this session, occlusion included)

  [[nodiscard]] ArealDensity channel_density() const { return channels_per_pass * passes; }
};

/// From `from` on (until the next setting) sunscreen is, or is not, applied every day.
struct SunscreenSetting {
  Time from;
  bool applied = false;
};

/// Preconditions of the drive values (bugs in the caller, not user input: io/ and regimen/
/// validate what users write). Each throws InternalError naming the broken condition.
void check_traits(const PersonTraits& traits);
void check_exposure(const ExposureInterval& exposure);
void check_session(const SessionInjury& session);

[[nodiscard]] std::string_view retinoid_name(Retinoid active);

}  // namespace dermasim::response
