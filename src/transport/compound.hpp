#pragma once
// Transport properties from a compound's physicochemistry (docs/transport.md, "Properties from
// physicochemistry"; correlations and their sources in docs/transport.md and
// docs/data.md). Each derived number is returned with the correlation
// that gave it, so that `absorb` can print it. Outside a correlation's domain (tretinoin's
// log P 6.3 exceeds every QSPR training set) the value is an extrapolation and says so.

#include <optional>
#include <string>
#include <vector>

#include "core/chemistry.hpp"
#include "core/units.hpp"

namespace dermasim::transport {

using dermasim::Ionization;
using dermasim::ionization_names;

/// A compound as a researcher describes it (docs/file-formats.md, `[active]`).
struct Compound {
  std::string name;
  double molecular_weight_g_per_mol = 0.0;
  double log_p = 0.0;  // octanol/water, neutral species
  std::optional<double> pka;
  Ionization ionization = Ionization::neutral;
  std::optional<Concentration> water_solubility;
  std::optional<double> fraction_unbound;  // in plasma/tissue fluid; absent: 1
};

/// Parameters of the correlations that are not properties of the compound
/// (data/transport.toml, section [properties]).
struct PropertyParameters {
  double stratum_corneum_surface_ph = 5.0;
  double viable_tissue_ph = 7.4;
  double lipid_volume_fraction = 0.1;                  // of hydrated SC
  double keratin_volume_fraction = 0.35;               // of hydrated corneocytes
  double tissue_water_fraction = 0.6;                  // of VE and dermis
  Length reference_stratum_corneum = micrometres(15);  // SC thickness behind Potts–Guy kp
};

/// One derived property, for reports: name, value in `unit`, and its correlation.
struct DerivedProperty {
  std::string name;
  double value = 0.0;
  std::string unit;
  std::string correlation;
};

struct CompoundProperties {
  double unionized_fraction_stratum_corneum = 1.0;
  double unionized_fraction_viable = 1.0;
  double log_d_stratum_corneum = 0.0;  // log P of the un-ionized share at SC pH
  Velocity potts_guy_kp;
  double lipid_water_partition = 0.0;
  double keratin_water_partition = 0.0;
  double stratum_corneum_water_partition = 0.0;  // K_sc/w
  Diffusivity stratum_corneum_diffusivity;       // D_sc = kp · L_ref / K_sc/w
  Diffusivity aqueous_diffusivity;               // free, in VE, dermis and open channels
  double binding_factor = 1.0;                   // B: total / free in VE and dermis
  double viable_water_partition = 0.6;           // K of free drug in VE and dermis
  bool is_extrapolated = false;                  // outside the Potts–Guy domain
  std::vector<DerivedProperty> derived;
};

/// log10 kp (cm/h) = −2.7437 + 0.71 log Kow − 0.0061 MW (Potts RO, Guy RH, Pharm Res
/// 1992;9:663; −2.7437 reproduces the paper's test values). @pre MW > 0.
[[nodiscard]] Velocity potts_guy_permeability(double molecular_weight_g_per_mol, double log_kow);

/// D_free = 10^(−4.15 − 0.655 log10 MW) cm²/s (Kasting, as coded in the NIOSH and Surrey
/// skin-permeation models). @pre MW > 0.
[[nodiscard]] Diffusivity aqueous_diffusivity(double molecular_weight_g_per_mol);

/// Un-ionized fraction at `ph` (Henderson–Hasselbalch); 1 for a neutral compound or no pKa.
[[nodiscard]] double unionized_fraction(const Compound& compound, double ph);

/// Every property the transport model derives for `compound`.
/// @pre MW > 0; fraction_unbound, when given, in (0, 1].
[[nodiscard]] CompoundProperties derive_properties(const Compound& compound, const PropertyParameters& parameters = {});

}  // namespace dermasim::transport
