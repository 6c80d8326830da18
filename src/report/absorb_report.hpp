#pragma once
// The outputs of `dermasim absorb` (docs/file-formats.md, Outputs): absorb.json (amounts per
// compartment, losses, mass balance, steady flux / kp / lag time at infinite dose, the derived
// properties with their correlations, the enhancement over intact skin), profile.csv and
// depth_profile.csv. Amounts are ng per cm² of skin surface.

#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/units.hpp"
#include "transport/compound.hpp"
#include "transport/transport_model.hpp"

namespace dermasim::report {

struct AbsorbOutcome {
  std::string active;
  transport::Fidelity fidelity = transport::Fidelity::full;
  std::size_t cells = 0;
  bool infinite_dose = false;
  Concentration donor_concentration;  // drug in the product as applied
  double vehicle_water_partition = 0.0;
  std::optional<Concentration> vehicle_solubility;  // K_v × water solubility; absent: no cap
  std::vector<transport::DerivedProperty> derived;
  transport::ApplicationResult result;
  std::optional<transport::ApplicationResult> intact;  // with micro-needles: same on intact skin
};

[[nodiscard]] nlohmann::json absorb_json(const AbsorbOutcome& outcome);
/// `hours,flux_ng_per_cm2_h,vehicle,stratum_corneum,viable_epidermis,dermis,receptor,cleared`.
[[nodiscard]] std::string absorb_profile_csv(const transport::ApplicationResult& result);
/// `hours,depth_um,concentration_ng_per_cm3` at the profile times of the result.
[[nodiscard]] std::string absorb_depth_profile_csv(const transport::ApplicationResult& result);
/// A few lines for the terminal.
[[nodiscard]] std::string absorb_text(const AbsorbOutcome& outcome);

}  // namespace dermasim::report
