#include "simulate/model_inputs.hpp"

#include <algorithm>

#include "core/error.hpp"

namespace dermasim::simulate {

transport::Compound compound_of(const regimen::ActiveSpec& active) {
  expects(active.has_physicochemistry, "compound_of: the active has no physicochemistry");
  transport::Compound compound;
  compound.name = active.id;
  compound.molecular_weight_g_per_mol = active.molecular_weight_g_per_mol.value;
  compound.log_p = active.log_p.value;
  if (active.pka) compound.pka = active.pka->value;
  compound.ionization = active.ionization;
  compound.water_solubility = active.water_solubility_mg_per_ml.value * units::milligram_per_millilitre;
  return compound;
}

transport::SiteLayers site_layers_of(const regimen::SiteSpec& site) {
  return {micrometres(site.stratum_corneum_um.value), micrometres(site.viable_epidermis_um.value),
          micrometres(site.dermis_um.value)};
}

transport::MicroneedleTreatment treatment_of(const regimen::Session& session, const regimen::DeviceSpec& device) {
  transport::MicroneedleTreatment treatment;
  treatment.channels_per_cm2 = device.channels_per_cm2_per_pass.value * session.passes;
  treatment.needle_length = millimetres(session.needle_mm);
  treatment.depth_fraction = device.depth_fraction.value;
  treatment.channel_surface_diameter = micrometres(device.channel_surface_diameter_um.value);
  return treatment;
}

response::PersonTraits traits_of(const regimen::Person& person) {
  response::PersonTraits traits;
  traits.fitzpatrick = person.fitzpatrick;
  traits.sensitivity = person.sensitivity == regimen::Sensitivity::low    ? response::SkinSensitivity::low
                       : person.sensitivity == regimen::Sensitivity::high ? response::SkinSensitivity::high
                                                                          : response::SkinSensitivity::normal;
  traits.age_years = person.age_years;
  traits.acne_prone = std::ranges::find(person.concerns, regimen::Concern::acne) != person.concerns.end();
  return traits;
}

transport::TransportUse transport_use_of(const regimen::Regimen& regimen) {
  return {std::ranges::any_of(regimen.products, [](const auto& p) { return regimen::is_retinoid(p.active); }),
          !regimen.sessions.empty()};
}

response::ResponseUse response_use_of(const regimen::Regimen& regimen) {
  const auto& concerns = regimen.person.concerns;
  const auto has = [&](regimen::Concern concern) { return std::ranges::find(concerns, concern) != concerns.end(); };
  response::ResponseUse use;
  use.traits = traits_of(regimen.person);
  use.reports_acne_scars = has(regimen::Concern::acne_scars);
  use.reports_fine_lines = has(regimen::Concern::fine_lines);
  use.reports_texture = has(regimen::Concern::texture);
  use.reports_enlarged_pores = has(regimen::Concern::enlarged_pores);
  use.reports_acne = has(regimen::Concern::acne);
  use.applies_retinol =
      std::ranges::any_of(regimen.products, [](const auto& p) { return p.active == regimen::Active::retinol; });
  return use;
}

response::SessionInjury injury_of(const regimen::Session& session, const regimen::DeviceSpec& device, Time session_time,
                                  const transport::TransportParameters& parameters) {
  response::SessionInjury injury;
  injury.time = session_time;
  injury.effective_depth = device.depth_fraction.value * millimetres(session.needle_mm);
  injury.channels_per_pass = response::per_square_centimetre(device.channels_per_cm2_per_pass.value);
  injury.passes = session.passes;
  injury.channel_closure_time =
      session.occlusion_hours > 0.0 ? parameters.closure_time_occluded : parameters.closure_time_open;
  return injury;
}

}  // namespace dermasim::simulate
