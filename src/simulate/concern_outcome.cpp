#include "simulate/concern_outcome.hpp"

namespace dermasim::simulate {

double improvement_of(regimen::Concern concern, const response::ConcernImprovements& improvement) {
  switch (concern) {
    case regimen::Concern::acne_scars:
      return improvement.acne_scars;
    case regimen::Concern::fine_lines:
      return improvement.fine_lines;
    case regimen::Concern::hyperpigmentation:
      return improvement.hyperpigmentation;
    case regimen::Concern::texture:
      return improvement.texture;
    case regimen::Concern::enlarged_pores:
      return improvement.enlarged_pores;
    case regimen::Concern::acne:
      return improvement.acne;
  }
  return 0.0;
}

}  // namespace dermasim::simulate
