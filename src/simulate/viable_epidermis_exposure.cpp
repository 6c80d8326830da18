#include "simulate/viable_epidermis_exposure.hpp"

#include <fmt/format.h>

#include "core/error.hpp"

namespace dermasim::simulate {

MassPerArea viable_epidermis_exposure(double amount_kg_m2, double drug_in_model_kg_m2) {
  expects(drug_in_model_kg_m2 >= 0.0, "viable_epidermis_exposure: the drug in the model must be >= 0");
  if (amount_kg_m2 >= 0.0) return MassPerArea::from_si(amount_kg_m2);
  if (-amount_kg_m2 <= drug_in_model_kg_m2) return MassPerArea{};
  throw SolverError(
      fmt::format("the transport solution put {:.3g} kg/m² of retinoid in the viable epidermis, "
                  "while the model held at most {:.3g} kg/m²",
                  amount_kg_m2, drug_in_model_kg_m2));
}

}  // namespace dermasim::simulate
