#pragma once
// From the regimen's world (catalogue entries, products, sessions, the person) to the inputs
// of the two models (docs/transport.md and docs/model-response.md): the compound and site layers transport needs, the
// skin model of a session's channels, the person's traits and a session's injury for the
// response, and which parts of each model a regimen's run reads. A product's application is
// assembled in product_application.hpp.

#include "regimen/catalogue.hpp"
#include "regimen/regimen.hpp"
#include "response/response_drives.hpp"
#include "response/response_parameters.hpp"
#include "transport/skin_model_builder.hpp"

namespace dermasim::simulate {

/// The transport description of a catalogue active. @pre active.has_physicochemistry.
[[nodiscard]] transport::Compound compound_of(const regimen::ActiveSpec& active);

/// The layer thicknesses of a catalogue site.
[[nodiscard]] transport::SiteLayers site_layers_of(const regimen::SiteSpec& site);

/// The micro-needle treatment of a session (channels per cm² = per-pass density × passes;
/// depth fraction and surface diameter from the device catalogue).
[[nodiscard]] transport::MicroneedleTreatment treatment_of(const regimen::Session& session,
                                                           const regimen::DeviceSpec& device);

/// The response's view of the person (acne-prone when acne is a concern).
[[nodiscard]] response::PersonTraits traits_of(const regimen::Person& person);

/// What the regimen's run reads of the transport model: retinoid applications, sessions.
[[nodiscard]] transport::TransportUse transport_use_of(const regimen::Regimen& regimen);

/// What the regimen's run reads of the response model: the person's traits, the scores of
/// their concerns, whether retinol is applied.
[[nodiscard]] response::ResponseUse response_use_of(const regimen::Regimen& regimen);

/// The injury of a session for the response model; closure from the transport parameters
/// (occluded when the session lists occlusion hours).
[[nodiscard]] response::SessionInjury injury_of(const regimen::Session& session, const regimen::DeviceSpec& device,
                                                Time session_time, const transport::TransportParameters& parameters);

}  // namespace dermasim::simulate
