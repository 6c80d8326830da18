#include "transport/compound.hpp"

#include <cmath>

#include <fmt/format.h>

#include "core/error.hpp"

namespace dermasim::transport {

Velocity potts_guy_permeability(double molecular_weight_g_per_mol, double log_kow) {
  expects(molecular_weight_g_per_mol > 0.0, "potts_guy_permeability: MW must be positive");
  const double log_kp = -2.7437 + 0.71 * log_kow - 0.0061 * molecular_weight_g_per_mol;
  return std::pow(10.0, log_kp) * units::centimetre_per_hour;
}

Diffusivity aqueous_diffusivity(double molecular_weight_g_per_mol) {
  expects(molecular_weight_g_per_mol > 0.0, "aqueous_diffusivity: MW must be positive");
  return square_centimetres_per_second(std::pow(10.0, -4.15 - 0.655 * std::log10(molecular_weight_g_per_mol)));
}

double unionized_fraction(const Compound& compound, double ph) {
  if (!compound.pka || compound.ionization == Ionization::neutral) return 1.0;
  const double exponent = compound.ionization == Ionization::acid ? ph - *compound.pka : *compound.pka - ph;
  return 1.0 / (1.0 + std::pow(10.0, exponent));
}

namespace {

/// The SC's lipid, keratin and overall water partition coefficients for a compound of
/// octanol/water partition `kow` (Surrey DPK correlations, as coded).
void add_stratum_corneum_partitions(CompoundProperties& out, double kow, const PropertyParameters& p) {
  auto& derived = out.derived;
  out.lipid_water_partition = 0.9 * std::pow(kow, 0.69);
  out.keratin_water_partition = 1.37 * 4.2 * std::pow(kow, 0.31);
  const double corneocyte = p.keratin_volume_fraction * out.keratin_water_partition + (1.0 - p.keratin_volume_fraction);
  out.stratum_corneum_water_partition =
      p.lipid_volume_fraction * out.lipid_water_partition + (1.0 - p.lipid_volume_fraction) * corneocyte;
  derived.push_back({"lipid_water_partition", out.lipid_water_partition, "1",
                     "K_lip/w = 0.9 Kow^0.69 (Surrey DPK model, as coded; docs/data.md)"});
  derived.push_back({"keratin_water_partition", out.keratin_water_partition, "1",
                     "K_k/w = 1.37 * 4.2 Kow^0.31 (Surrey DPK model, as coded; docs/data.md)"});
  derived.push_back({"stratum_corneum_water_partition", out.stratum_corneum_water_partition, "1",
                     fmt::format("K_sc/w = phi_lip K_lip/w + (1 - phi_lip)(phi_k K_k/w + 1 - phi_k), "
                                 "phi_lip = {}, phi_k = {} (volume fractions, assumptions)",
                                 p.lipid_volume_fraction, p.keratin_volume_fraction)});
}

}  // namespace

CompoundProperties derive_properties(const Compound& compound, const PropertyParameters& p) {
  const double mw = compound.molecular_weight_g_per_mol;
  expects(mw > 0.0, "derive_properties: molecular weight must be positive");
  const double fraction_unbound = compound.fraction_unbound.value_or(1.0);
  expects(fraction_unbound > 0.0 && fraction_unbound <= 1.0, "derive_properties: fraction unbound must be in (0, 1]");
  CompoundProperties out;
  auto& derived = out.derived;

  out.unionized_fraction_stratum_corneum = unionized_fraction(compound, p.stratum_corneum_surface_ph);
  out.unionized_fraction_viable = unionized_fraction(compound, p.viable_tissue_ph);
  out.log_d_stratum_corneum = compound.log_p + std::log10(out.unionized_fraction_stratum_corneum);
  derived.push_back({"unionized_fraction_stratum_corneum", out.unionized_fraction_stratum_corneum, "1",
                     fmt::format("Henderson-Hasselbalch at SC surface pH {}", p.stratum_corneum_surface_ph)});
  derived.push_back({"unionized_fraction_viable", out.unionized_fraction_viable, "1",
                     fmt::format("Henderson-Hasselbalch at viable-tissue pH {}", p.viable_tissue_ph)});
  derived.push_back(
      {"log_d_stratum_corneum", out.log_d_stratum_corneum, "1", "log P + log10(un-ionized fraction at SC pH)"});

  const double log_k = out.log_d_stratum_corneum;
  const double kow = std::pow(10.0, log_k);
  out.potts_guy_kp = potts_guy_permeability(mw, log_k);
  out.is_extrapolated = log_k > 4.5 || log_k < -3.0 || mw > 750.0;
  derived.push_back({"potts_guy_kp", out.potts_guy_kp.in(units::centimetre_per_hour), "cm/h",
                     std::string("log kp = -2.7437 + 0.71 log Kow - 0.0061 MW (Potts RO, Guy RH, "
                                 "Pharm Res 1992;9:663)") +
                         (out.is_extrapolated ? "; extrapolated beyond the training set" : "")});

  add_stratum_corneum_partitions(out, kow, p);

  out.stratum_corneum_diffusivity = Diffusivity::from_si(out.potts_guy_kp.si() * p.reference_stratum_corneum.si() /
                                                         out.stratum_corneum_water_partition);
  derived.push_back({"stratum_corneum_diffusivity",
                     out.stratum_corneum_diffusivity.in(units::square_centimetre_per_second), "cm2/s",
                     fmt::format("D_sc = kp L_ref / K_sc/w, L_ref = {} um (homogeneous membrane "
                                 "reproducing Potts-Guy kp)",
                                 p.reference_stratum_corneum.in(units::micrometre))});

  out.aqueous_diffusivity = aqueous_diffusivity(mw);
  derived.push_back({"aqueous_diffusivity", out.aqueous_diffusivity.in(units::square_centimetre_per_second), "cm2/s",
                     "D = 10^(-4.15 - 0.655 log10 MW) cm2/s (Kasting; NIOSH/Surrey models as coded)"});

  out.binding_factor =
      0.65 + 0.325 / fraction_unbound + 0.025 * out.unionized_fraction_viable * out.lipid_water_partition;
  derived.push_back({"binding_factor", out.binding_factor, "1",
                     "B = 0.65 + 0.325/f_u + 0.025 f_non K_lip/w (Surrey DPK model, as coded; "
                     "low-quality port, docs/data.md)"});
  out.viable_water_partition = p.tissue_water_fraction;
  derived.push_back({"viable_water_partition", out.viable_water_partition, "1",
                     "K = tissue water fraction (free drug moves in the water; Surrey K = 0.6 B)"});
  return out;
}

}  // namespace dermasim::transport
