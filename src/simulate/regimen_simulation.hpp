#pragma once
// A whole regimen through the coupled model (docs/architecture.md, simulate): the response is
// integrated from event to event; at each retinoid application it hands transport the
// barrier state and the open channels, transport computes the retinoid in the viable
// epidermis until the next application, and that exposure drives the response (docs/transport.md
// and docs/model-response.md).

#include <vector>

#include "core/date.hpp"
#include "regimen/catalogue.hpp"
#include "regimen/regimen.hpp"
#include "response/response_outcomes.hpp"
#include "response/response_parameters.hpp"
#include "response/response_simulation.hpp"
#include "transport/skin_model_builder.hpp"
#include "transport/transport_model.hpp"

namespace dermasim::simulate {

struct ModelParameters {
  transport::TransportParameters transport;
  response::ResponseParameters response;
};

/// Times of day (docs/file-formats.md: morning before a session, evening after it); assumptions,
/// named in docs/model.md.
inline constexpr double morning_hour = 7.0;
inline constexpr double session_hour = 10.0;
inline constexpr double after_session_hour = 10.5;
inline constexpr double evening_hour = 21.0;

struct DailyRecord {
  Date date;
  response::DailyResponse response;  // its retinoid_viable_epidermis is the end-of-day amount
};

struct SimulationResult {
  std::vector<DailyRecord> days;  // one a day, start … start + days − 1
  response::ResponseOutcomes outcomes;
  transport::Fidelity fidelity = transport::Fidelity::fast;
  int n_retinoid_applications = 0;
  MassPerArea retinoid_applied;
  MassPerArea retinoid_absorbed;  // cleared + metabolized (systemic + 4-oxo)
};

/// Simulates `regimen` over its days. @pre regimen loaded through io/ (valid) and the
/// catalogue holds its site and actives. Throws SolverError if an integrator fails.
[[nodiscard]] SimulationResult simulate_regimen(const regimen::Regimen& regimen, const regimen::Catalogue& catalogue,
                                                const ModelParameters& parameters, transport::Fidelity fidelity);

}  // namespace dermasim::simulate
