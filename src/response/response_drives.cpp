#include "response/response_drives.hpp"

#include "core/error.hpp"

namespace dermasim::response {

void check_traits(const PersonTraits& traits) {
  expects(traits.fitzpatrick >= 1 && traits.fitzpatrick <= 6, "PersonTraits: fitzpatrick must be 1..6");
  expects(traits.age_years >= 10.0 && traits.age_years <= 100.0, "PersonTraits: age_years must be 10..100");
}

void check_exposure(const ExposureInterval& exposure) {
  expects(exposure.end > exposure.start, "ExposureInterval: end must come after start");
  expects(exposure.start.si() >= 0.0, "ExposureInterval: start before the simulation");
  expects(exposure.viable_epidermis_amount.si() >= 0.0, "ExposureInterval: viable-epidermis amount must be >= 0");
}

void check_session(const SessionInjury& session) {
  expects(session.time.si() >= 0.0, "SessionInjury: time before the simulation");
  expects(session.effective_depth.si() > 0.0, "SessionInjury: effective depth must be > 0");
  expects(session.channels_per_pass.si() > 0.0, "SessionInjury: channel density must be > 0");
  expects(session.passes >= 1, "SessionInjury: passes must be >= 1");
  expects(session.channel_closure_time.si() > 0.0, "SessionInjury: channel closure time must be > 0");
}

std::string_view retinoid_name(Retinoid active) { return active == Retinoid::tretinoin ? "tretinoin" : "retinol"; }

}  // namespace dermasim::response
